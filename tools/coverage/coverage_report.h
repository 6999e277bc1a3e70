#pragma once
// CoverageReport: the spread of a set of cases over the taxonomy — the specialty × task
// matrix (by primary labels and by all labels), the marginals of every other dimension,
// balance indices, and every target of clinconsensus.yaml the set misses. Computed once,
// rendered by coverage_render in any format.
#include <optional>
#include <string>
#include <vector>

#include "core/taxonomy.h"
#include "coverage/case_facts.h"
#include "coverage/targets.h"

namespace cc::coverage {

// One label of a marginal: its count, its share and, when the config sets one, its target.
struct LabelCount {
  std::string label;  // as case files write it
  std::string code;   // taxonomy code ("" for a label the taxonomy lacks)
  int count = 0;
  double share_pct = 0;
  std::optional<double> target_pct;
  bool out_of_tolerance = false;
};

// The counts of one dimension. For "axis" and "critical" the unit is a criterion.
struct Marginal {
  std::string dimension;  // difficulty, care_stage, audience, status, subject, task, axis, critical
  int total = 0;
  std::vector<LabelCount> rows;
  std::optional<double> chi_square;  // to the target shares, when there are some
};

// A target the set misses. `label`/`label2` name the specialty / task or share label.
struct TargetMiss {
  enum class Kind { TotalCases, SpecialtyMin, SpecialtyMax, CellMin, Share, MinAxes, MinSafety };
  Kind kind;
  std::string dimension;
  std::string label, label2;
  double actual = 0;
  double target = 0;
};

struct BalanceIndices {
  double specialty_entropy = 0, specialty_gini = 0, specialty_chi_square = 0;
  double cell_entropy = 0, cell_gini = 0, cell_chi_square = 0;
};

struct CoverageReport {
  // Matrix rows: the taxonomy's specialties in pinyin order; columns: its tasks in order.
  std::vector<const Label*> specialties;
  std::vector<const Label*> tasks;
  std::vector<std::vector<int>> primary;           // [specialty][task], by primary labels
  std::vector<std::vector<int>> all_labels;        // every subject_label × every task_label
  std::vector<int> specialty_totals, task_totals;  // primary
  // Per specialty: its total is below the targets' specialty_min or above their
  // specialty_max (each such specialty also has its entry in `misses`).
  std::vector<bool> specialty_out_of_range;
  int cases = 0;
  int criteria = 0;
  int cases_without_rubric = 0;
  int cases_off_taxonomy = 0;  // primary subject or task not in the taxonomy
  int cases_below_min_axes = 0, cases_below_min_safety = 0;
  std::vector<Marginal> marginals;
  BalanceIndices balance;
  CoverageTargets targets;
  std::vector<TargetMiss> misses;

  const Marginal* marginal(const std::string& dimension) const;
};

// Computes the report of `cases` against `targets`.
CoverageReport compute_coverage(const std::vector<CaseFacts>& cases, const Taxonomy& taxonomy,
                                const CoverageTargets& targets);

// Which cases count: every case, or only those whose status / difficulty is listed.
struct CaseFilter {
  std::vector<std::string> statuses;
  std::vector<std::string> difficulties;
  bool accepts(const CaseFacts& c) const;
};

}  // namespace cc::coverage
