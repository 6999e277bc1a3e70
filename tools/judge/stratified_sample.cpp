#include "judge/stratified_sample.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "scoring/stats/prng.h"

namespace cc::judge {

std::vector<bool> stratified_sample(const std::vector<SampleUnit>& units, double fraction, uint64_t seed) {
  std::vector<bool> chosen(units.size(), fraction >= 1);
  if (fraction >= 1 || fraction <= 0) return chosen;
  std::map<std::string, std::vector<std::pair<uint64_t, size_t>>> strata;  // stratum → (rank, index)
  for (size_t i = 0; i < units.size(); ++i) {
    uint64_t state = seed ^ scoring::fnv1a64(units[i].key);
    strata[units[i].stratum].emplace_back(scoring::splitmix64(state), i);
  }
  for (auto& [name, members] : strata) {
    std::sort(members.begin(), members.end());
    size_t take = static_cast<size_t>(std::llround(fraction * static_cast<double>(members.size())));
    take = std::clamp<size_t>(take, 1, members.size());
    for (size_t k = 0; k < take; ++k) chosen[members[k].second] = true;
  }
  return chosen;
}

}  // namespace cc::judge
