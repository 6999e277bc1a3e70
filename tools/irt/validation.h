#pragma once
// Validation on simulations: what the tests and bench/ measure of a calibration against
// the parameters that generated the data — recovery of items and abilities, a
// respondent's verdicts restricted to a subset of cases, its full Rubric Accuracy, and
// the selection pool of a simulated benchmark.
#include <cstdint>
#include <string>
#include <vector>

#include "coverage/case_facts.h"
#include "irt/em_fit.h"
#include "irt/item_bank.h"
#include "irt/simulate.h"

namespace cc::irt {

// Pearson correlations of estimates with the truth.
struct Recovery {
  double difficulty = 0, discrimination = 0, ability = 0;
};
Recovery recovery(const Simulation& sim, const FitResult& fit);

// Respondent j's verdicts on the criteria of `cases` only, per bank item (the bank's
// items are the simulation's, in order).
void subset_responses(const ResponseMatrix& m, size_t j, const ItemBank& bank, const std::vector<std::string>& cases,
                      std::vector<uint8_t>& met, std::vector<uint8_t>& trials);

// Respondent j's Rubric Accuracy over every judged criterion, in percent.
double full_rubric_accuracy(const ResponseMatrix& m, size_t j);

// The simulation's cases as a selection pool (their specialty and task labels).
std::vector<coverage::CaseFacts> simulated_pool(const Simulation& sim, const ItemBank& bank);

// `m` without respondent j (leave one out).
ResponseMatrix without_respondent(const ResponseMatrix& m, size_t j);

}  // namespace cc::irt
