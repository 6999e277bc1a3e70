#pragma once
// p-IRT estimates (Polo et al. 2024, tinyBenchmarks): a model's full-benchmark Rubric
// Accuracy and CACS@k from its verdicts on a subset. Its ability θ is estimated from the
// subset (MAP, ability.h); each criterion it was judged on counts as observed, every
// other one by its predicted probability P_i(θ). For CACS@k a case's met count is its
// observed met criteria plus a Poisson-binomial draw over its unseen ones, whose
// expectation of max(0, s − k + 1)/(R − k + 1) is taken exactly. The interval adds the
// ability's uncertainty (delta method through θ's SE) to the sampling variance of the
// unseen verdicts, under a normal approximation.
#include <cstdint>
#include <vector>

#include "irt/ability.h"
#include "irt/item_bank.h"

namespace cc::irt {

struct FullEstimate {
  Ability ability;
  size_t observed_items = 0;
  double rubric_accuracy = 0, rubric_accuracy_low = 0, rubric_accuracy_high = 0;  // percent
  double cacs = 0, cacs_low = 0, cacs_high = 0;                                   // percent
  double subset_rubric_accuracy = 0;  // the plain mean over the observed criteria, for comparison
};

// `met[i]` of `trials[i]` judged trials of bank item i (0: not on the subset). `k`: the
// CACS threshold; `z`: the normal quantile of the interval (1.96 for 95 %).
FullEstimate estimate_full(const ItemBank& bank, const std::vector<uint8_t>& met, const std::vector<uint8_t>& trials,
                           int k, double z);

// Rubric Accuracy and CACS@k (percent) expected at ability θ given the observed verdicts,
// with the variance of each from the unseen verdicts alone.
struct Expected {
  double rubric_accuracy = 0, rubric_accuracy_var = 0, cacs = 0, cacs_var = 0;
};
Expected expected_scores(const ItemBank& bank, const std::vector<uint8_t>& met, const std::vector<uint8_t>& trials,
                         double theta, int k);

}  // namespace cc::irt
