#pragma once
// `cat`: computerized adaptive testing, live. Starting from the prior (θ = 0), each next
// case is the one of the calibrated bank most informative at the current ability; the
// model behind an endpoint answers it and the judge grades it (the `generate` and `judge`
// runners, their cache and limits included), the ability is re-estimated (MAP), and the
// run stops when the ability's SE reaches the target or the case budget is spent. It
// reports the estimate, the p-IRT full-benchmark figures, and the cases it used.
// Everything lands in DIR: responses/, verdicts/, cat_ids.txt and cat.json. A rerun
// resumes from the cache.
#include <string>
#include <vector>

#include "core/config.h"
#include "core/messages.h"
#include "core/result.h"
#include "irt/estimate.h"
#include "irt/item_bank.h"
#include "judge/run_settings.h"

namespace cc::irt {

struct CatOptions {
  std::string endpoint;  // the model asked
  std::string judge;     // the judge endpoint
  std::string items;     // items.csv of irt fit (absolute or relative to start_dir)
  std::string start_dir;
  double target_se = 0.3;
  int budget = 20;  // most cases asked
  int k = 0;        // CACS threshold; 0: the config's k
  Lang lang = Lang::En;
};

struct CatStep {
  std::string case_id;
  double information = 0;  // of the case at the ability before it was asked
  int met = 0, judged = 0;
  double theta = 0, se = 1;  // after it
};

struct CatReport {
  std::vector<CatStep> steps;
  FullEstimate estimate;
  std::string stop;  // why it stopped, in the run's language
  bool interrupted = false;
  std::string text;  // for the terminal
  std::vector<std::string> written;
};

// Counts the verdicts of `path` (a judge run's DIR/verdicts/<model>.jsonl) on the bank's
// items: met[i] of trials[i], at most bank.trials[i] per item, rows on other items passed
// over. A line that is not a verdict row is an Input Error naming the file and line.
Result<void> read_cat_verdicts(const std::string& path, const ItemBank& bank, std::vector<uint8_t>& met,
                               std::vector<uint8_t>& trials, Lang lang);

// Error kinds as run_generate's and run_judge's, and Input for the items.
Result<CatReport> run_cat(const Config& config, const CatOptions& options, const judge::RunSettings& settings);

}  // namespace cc::irt
