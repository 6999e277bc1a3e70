#pragma once
// Semantic diff: what changed between two versions of the benchmark as a physician or
// an evaluator reads it — cases added, removed and retired, criteria added, removed and
// reworded, labels changed — rather than which lines of which files moved. Only released
// cases (approved, with a rubric) count: a draft that came and went is no change to a
// release.
#include <string>
#include <vector>

#include "core/messages.h"
#include "core/model.h"

namespace cc {

// A criterion that appeared or disappeared.
struct CriterionRef {
  std::string case_id, criterion_id, text;
};

// A criterion whose wording changed under the same id.
struct CriterionReword {
  std::string case_id, criterion_id, before, after;
};

// One label of a case that changed: field is the case-file key (difficulty, subject,
// subject_labels, task, task_labels, care_stage, audience, user_role) or a criterion's
// "<criterion_id> axis" / "<criterion_id> critical".
struct LabelChange {
  std::string case_id, field, before, after;
};

struct ReleaseDiff {
  int cases_before = 0, cases_after = 0;  // released cases on each side
  std::vector<std::string> cases_added, cases_removed, cases_retired;
  std::vector<std::string> cases_text_changed;  // clinical_context or user_request edited
  std::vector<CriterionRef> criteria_added, criteria_removed;
  std::vector<CriterionReword> criteria_reworded;
  std::vector<LabelChange> label_changes;

  bool empty() const;
};

// The diff from `before` to `after`. A released case that is retired in `after` is
// "retired"; one that is gone or no longer approved is "removed".
ReleaseDiff diff_benchmarks(const Benchmark& before, const Benchmark& after);

// One line: "20 cases added, 1 removed, 1 retired; 3 criteria added, ...".
std::string diff_summary(const ReleaseDiff& d, Lang lang);

// The diff as Markdown (a CHANGELOG entry body, or what `release diff` prints), listing
// every change.
std::string diff_markdown(const ReleaseDiff& d, const std::string& from, const std::string& to, Lang lang);

}  // namespace cc
