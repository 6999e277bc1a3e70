#pragma once
// Information-based selection (`irt select`): N cases that together carry the most test
// information over the abilities the calibration's respondents span, while keeping the
// specialty, task, tier, stage and audience spread and the hard bounds of `select`.
//
// A case's information is the sum of its criteria's (criterion items add up to their
// case). Its worth is its share of the whole pool's information at each point of an
// ability grid over the respondents' range, summed over the grid: a case informative
// where few cases are counts more than one among many, so the subset covers the range
// instead of piling up where most items sit. `select`'s optimiser maximises that worth
// together with its spread objective (coverage/selection.h).
#include <cstdint>
#include <string>
#include <vector>

#include "core/taxonomy.h"
#include "coverage/case_facts.h"
#include "coverage/selection.h"
#include "coverage/targets.h"
#include "irt/item_bank.h"
#include "scoring/input/case_set.h"

namespace cc::irt {

struct InfoSelection {
  std::vector<std::string> case_ids;  // in pool order
  double information = 0;             // Σ over the grid of the subset's test information
  double pool_information = 0;        // the same for every case of the pool
  double ability_min = 0, ability_max = 0;
  coverage::SelectionResult spread;  // what `select` reports: unmet bounds, worst share
};

// The worth of each pool case (see above), on a grid of `grid` abilities from `lo` to
// `hi`, scaled to a mean of 1 over the pool. `case_items[c]` are the bank items of pool
// case c.
std::vector<double> case_worth(const ItemBank& bank, const std::vector<std::vector<uint32_t>>& case_items, double lo,
                               double hi, int grid);

// The facts select needs of each scored case (labels, criteria, axes).
std::vector<coverage::CaseFacts> facts_of_cases(const scoring::CaseSet& cases);

// Chooses `count` cases of `pool` (cases of the bank, with their facts). Needs
// 0 < count ≤ pool.size() (the caller checks and reports).
InfoSelection select_informative(const ItemBank& bank, const std::vector<coverage::CaseFacts>& pool,
                                 const Taxonomy& taxonomy, const coverage::CoverageTargets& targets, int count,
                                 uint64_t seed);

}  // namespace cc::irt
