#pragma once
// ScoreReport: everything a scoring run found, as data — the settings, the slices, each
// model's figures with intervals, the paired differences, the item analysis and the
// inputs — from which every output file is written.
#include <cstdint>
#include <string>
#include <vector>

#include "scoring/stats/agreement.h"
#include "scoring/stats/bootstrap.h"
#include "scoring/input/case_set.h"
#include "scoring/stats/item_analysis.h"
#include "scoring/stats/metrics.h"
#include "scoring/stats/slices.h"
#include "scoring/input/source_file.h"

namespace cc::scoring {

// The settings that shape the figures (all recorded in the run manifest).
struct ScoreSettings {
  int k = 10;
  bool k_sweep = false;  // list the sweep in summary.csv/json and report.md (report.html always shows it)
  int max_k = 30;        // the k-sweep runs 1..max_k (the most criteria a case has)
  int resamples = 1000;
  uint64_t seed = 1;
  double ci_level = 95;
  std::string judge;  // the judge whose verdicts were scored
  bool allow_missing = false;
};

// One model's results.
struct ModelResult {
  std::string model;
  const VerdictTable* table = nullptr;
  std::vector<CaseOutcome> outcomes;  // per case of the case set
  std::vector<SliceScore> slices;     // per slice of ScoreReport::slices
  std::vector<SweepPoint> sweep;      // k = 1..max_k (always computed; csv/json/md list it with --k-sweep)
  long missing = 0;                   // verdicts missing, scored as not met
};

// The whole result of a scoring run.
struct ScoreReport {
  ScoreSettings settings;
  std::string tool_version;
  std::string cases_source;  // what --cases named (or the repository)
  const CaseSet* cases = nullptr;
  std::vector<Slice> slices;        // slices[0] is overall
  std::vector<ModelResult> models;  // sorted by name
  BootstrapResult bootstrap;        // intervals[slice][model], pairwise
  std::vector<ItemStats> items;     // per cell
  std::vector<std::string> judges;  // every judge whose verdicts were read
  // The scored judge against each other judge read (overall and per rubric axis), when
  // the inputs hold verdicts from two or more judges.
  std::vector<AgreementReport> agreement;
  std::vector<InputRecord> inputs;  // every file read
  size_t retired_skipped = 0;
  long missing_total = 0;
  // criteria_met values read by the public evaluator's coercion ("yes", 1, " TRUE "), and
  // the first as "file:line" (VerdictCollection::coerced).
  size_t coerced_verdicts = 0;
  std::string coerced_example;

  // Model indices by CACS@k on the overall slice (highest first), then Rubric Accuracy,
  // then name: the leaderboard's order.
  std::vector<size_t> leaderboard() const;
};

}  // namespace cc::scoring
