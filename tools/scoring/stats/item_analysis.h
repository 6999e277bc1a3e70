#pragma once
// Item analysis for curators: per criterion, the share of models that meet it, how well
// it separates strong from weak models (point-biserial correlation, across models,
// between meeting it and the model's score on its case), and how often judges disagree
// on it; with flags for criteria every model meets, no model meets, that favour weaker
// models, or that judges often disagree on.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scoring/input/case_set.h"
#include "scoring/stats/metrics.h"
#include "scoring/input/verdict_collection.h"

namespace cc::scoring {

// Share of multiply-judged models with differing verdicts from which a criterion is
// flagged "judges-disagree".
inline constexpr double kJudgeDisagreementFlag = 0.25;

// The item-analysis figures and flags of one criterion (one cell of the case set).
struct ItemStats {
  uint32_t cell = 0;
  int models = 0;  // models scored (missing verdicts count as not met, as in scoring)
  int met = 0;
  int missing = 0;
  std::optional<double> met_share;       // met / models
  std::optional<double> point_biserial;  // Pearson r of 1[met] with 100 · s/R of the case, across models
  int multiply_judged = 0;               // models with readable verdicts from two or more judges
  int judge_disagreements = 0;           // of those, models on which the judges differ
  std::optional<double> judge_disagreement_share;
  bool all_met = false, none_met = false, negative_discrimination = false, judges_disagree = false;
  std::string flags() const;  // "all-met;judges-disagree", "" when none
};

// `tables` and `outcomes`: the scored judge's table and case outcomes of each model;
// `all`: every table read, for the judge disagreement figures.
std::vector<ItemStats> analyse_items(const CaseSet& cases, const std::vector<const VerdictTable*>& tables,
                                     const std::vector<const std::vector<CaseOutcome>*>& outcomes,
                                     const VerdictCollection& all, unsigned threads = 0);

// Pearson correlation of x and y; absent when either has no variance or n < 2.
std::optional<double> pearson(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace cc::scoring
