#pragma once
// Stratified sampling: which items the second judge gets under --second-judge-sample F.
// Within each stratum (a specialty), the round(F · size) items whose seeded hash ranks
// lowest, at least one for any F > 0: every specialty is represented, the choice depends
// only on the seed and the items' keys (not on their order or on the other strata), and a
// larger F picks a superset of a smaller one's items.
#include <cstdint>
#include <string>
#include <vector>

namespace cc::judge {

// One element per item: its stratum and a key that identifies it across runs.
struct SampleUnit {
  std::string stratum;
  std::string key;
};

// true for the chosen items, in the order of `units`. `fraction` in (0, 1]; 1 picks all.
std::vector<bool> stratified_sample(const std::vector<SampleUnit>& units, double fraction, uint64_t seed);

}  // namespace cc::judge
