#pragma once
// ResponseMatrix: verdicts as IRT data — one row per respondent (a model's answers as
// one judge, in one repeat, graded them) and one column per item (a criterion, or a
// case whose criteria count as trials). A verdict that could not be obtained leaves its
// cell unobserved; it is never read as "not met".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/messages.h"
#include "core/result.h"
#include "scoring/input/case_set.h"
#include "scoring/input/verdict_collection.h"

namespace cc::irt {

// What one item is.
enum class ItemUnit { Criterion, Case };

std::string_view unit_name(ItemUnit u);  // "criterion", "case"
std::optional<ItemUnit> unit_from_name(std::string_view name);

// One respondent: the run its verdicts come from.
struct Respondent {
  std::string model;
  std::string judge;  // "" when the verdicts name none
  int repeat = 1;     // `judge --repeat` records repeat r > 1 under the judge "<judge>#r"
};

// Splits a verdict table's judge name "<judge>#r" into judge and repeat.
Respondent respondent_of(const std::string& model, const std::string& judge);

// The data: for respondent j and item i, `met` of `trials` judged criteria (a criterion
// item has at most one trial; 0 trials = not observed).
struct ResponseMatrix {
  std::vector<Respondent> respondents;
  std::vector<std::string> items;      // criterion ids, or case ids
  std::vector<std::string> item_case;  // the case of each item
  std::vector<uint8_t> max_trials;     // criteria per item (1 for a criterion)
  std::vector<uint8_t> met, trials;    // respondent-major: [j * items.size() + i]

  size_t respondent_count() const { return respondents.size(); }
  size_t item_count() const { return items.size(); }
  uint8_t met_at(size_t j, size_t i) const { return met[j * items.size() + i]; }
  uint8_t trials_at(size_t j, size_t i) const { return trials[j * items.size() + i]; }
  // The same items with only respondents [first, last).
  ResponseMatrix respondent_range(size_t first, size_t last) const;
};

// The matrix of `tables` (one per respondent) over the cases of `cases`. Fails when a
// case has more criteria than a case item can hold (255).
Result<ResponseMatrix> build_response_matrix(const scoring::CaseSet& cases,
                                             const std::vector<const scoring::VerdictTable*>& tables, ItemUnit unit,
                                             Lang lang = Lang::En);

}  // namespace cc::irt
