#include "judge/stratified_sample.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "scoring/stats/prng.h"

namespace cc::judge {

std::vector<std::vector<RankedUnit>> rank_within_strata(const std::vector<SampleUnit>& units, uint64_t seed) {
  std::map<std::string, std::vector<RankedUnit>> strata;
  for (size_t i = 0; i < units.size(); ++i) {
    uint64_t state = seed ^ scoring::fnv1a64(units[i].key);
    strata[units[i].stratum].push_back({scoring::splitmix64(state), i});
  }
  std::vector<std::vector<RankedUnit>> out;
  out.reserve(strata.size());
  for (auto& [name, members] : strata) {
    std::sort(members.begin(), members.end());
    out.push_back(std::move(members));
  }
  return out;
}

std::vector<bool> stratified_sample(const std::vector<SampleUnit>& units, double fraction, uint64_t seed) {
  std::vector<bool> chosen(units.size(), fraction >= 1);
  if (fraction >= 1 || fraction <= 0) return chosen;
  for (const auto& members : rank_within_strata(units, seed)) {
    size_t take = static_cast<size_t>(std::llround(fraction * static_cast<double>(members.size())));
    take = std::clamp<size_t>(take, 1, members.size());
    for (size_t k = 0; k < take; ++k) chosen[members[k].index] = true;
  }
  return chosen;
}

}  // namespace cc::judge
