#pragma once
// Stratified sampling: which items the second judge gets under --second-judge-sample F.
// Within each stratum (a specialty), the round(F · size) items whose seeded hash ranks
// lowest, at least one for any F > 0: every specialty is represented, the choice depends
// only on the seed and the items' keys (not on their order or on the other strata), and a
// larger F picks a superset of a smaller one's items.
#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cc::judge {

// One element per item: its stratum and a key that identifies it across runs.
struct SampleUnit {
  std::string stratum;
  std::string key;
};

// An item's place in its stratum: its seeded hash, then its index in `units` (ties).
struct RankedUnit {
  uint64_t rank = 0;
  size_t index = 0;
  auto operator<=>(const RankedUnit&) const = default;
};

// The items of each stratum, strata by name, each stratum lowest rank first. An item's
// rank hashes the seed with its key alone, so it does not depend on the items' order or
// on the other strata. Both the second-judge sample and the SFT dev split start from it.
std::vector<std::vector<RankedUnit>> rank_within_strata(const std::vector<SampleUnit>& units, uint64_t seed);

// true for the chosen items, in the order of `units`. `fraction` in (0, 1]; 1 picks all.
std::vector<bool> stratified_sample(const std::vector<SampleUnit>& units, double fraction, uint64_t seed);

}  // namespace cc::judge
