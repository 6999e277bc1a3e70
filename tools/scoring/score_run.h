#pragma once
// `score`: reads the cases and every verdict, refuses incomplete or inconsistent input
// (unless --allow-missing), computes every figure with its bootstrap interval, and writes
// summary.csv, case_scores.csv, summary.json, item_analysis.csv, report.md, report.html and
// run_manifest.json atomically into the output folder.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/messages.h"
#include "core/run_outcome.h"

namespace cc::scoring {

// The command line of `score`, as data.
struct ScoreOptions {
  std::string start_dir;              // where relative paths start (-C DIR, else the current folder)
  std::string cases;                  // --cases: JSONL export or repository folder; "" = the repository here
  std::vector<std::string> verdicts;  // --verdicts: files or folders, or NAME=PATH
  std::optional<int> k;               // default: clinconsensus.yaml's k, else 10
  bool k_sweep = false;
  std::optional<std::string> judge;  // --judge
  bool allow_missing = false;
  int resamples = 1000;
  uint64_t seed = 1;
  double ci_level = 95;
  std::string out_dir;
  unsigned threads = 0;
  Lang lang = Lang::En;
  std::string command;  // the command line, recorded in the manifest
};

// What a `score` run did: its outcome, findings, the leaderboard text, the files written.
struct ScoreOutcome {
  RunOutcome outcome =
      RunOutcome::Done;  // Done written; Findings findings or refusal; Unusable usage or unreadable input
  std::vector<Diagnostic> diagnostics;  // sorted
  std::string usage_error;              // exit 2: what was wrong with the arguments
  std::string leaderboard;              // for the terminal
  std::vector<std::string> written;     // the files written
  int files_read = 0;
};

ScoreOutcome run_score(const ScoreOptions& options);

}  // namespace cc::scoring
