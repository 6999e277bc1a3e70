#pragma once
// `agree`: how far two judges agree on the same criteria (raw agreement, Cohen's kappa,
// per-class precision / recall / F1, macro-F1), overall and per slice; with --gold
// physician labels, how far each judge agrees with them; and the list of disagreements
// for a physician to adjudicate. With --repeats, one judge against itself across
// `judge --repeat N`: kappa between repeats and the SD of each model's CACS@k.
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/messages.h"
#include "core/run_outcome.h"

namespace cc::scoring {

// The command line of `agree`, as data.
struct AgreeOptions {
  std::string start_dir;
  std::string cases;                  // as for score
  std::vector<std::string> verdicts;  // two paths (one judge each), or one path holding two judges
  std::vector<std::string> judges;    // --judge, at most twice: which judges to compare
  std::vector<std::string> gold;      // --gold: physician labels, same formats
  bool repeats = false;               // --repeats: one judge's test-retest across judge --repeat N
  std::optional<int> k;               // --k for CACS@k (default: the config's k, else 10)
  std::string out_dir;                // optional: agreement.csv, agreement.json, disagreements.csv, run_manifest.json
                                      // (--repeats: repeatability.json, run_manifest.json)
  unsigned threads = 0;
  Lang lang = Lang::En;
  std::string command;
};

// What an `agree` run did: its outcome, findings, the figures as text, the files written.
struct AgreeOutcome {
  RunOutcome outcome = RunOutcome::Done;  // Findings: findings; Unusable: usage or unreadable input
  std::vector<Diagnostic> diagnostics;
  std::string usage_error;
  std::string text;  // the figures, for the terminal
  std::vector<std::string> written;
  int files_read = 0;
};

AgreeOutcome run_agree(const AgreeOptions& options);

}  // namespace cc::scoring
