#pragma once
// `eval`: the whole evaluation in one resumable command — generate the endpoint's
// responses, judge them, and score the verdicts into the same folder (summary.csv,
// report.md, ... beside responses/ and verdicts/). Every answer lives in the cache, so
// rerunning after a kill, a Ctrl-C or failed calls asks only what is still missing.
#include <string>
#include <vector>

#include "core/config.h"
#include "core/messages.h"
#include "core/result.h"
#include "judge/generate_run.h"
#include "judge/judge_run.h"
#include "judge/run_settings.h"
#include "core/run_outcome.h"

namespace cc::judge {

struct EvalOptions {
  std::string endpoint;  // the model evaluated
  std::string judge;     // the judge endpoint
  std::string ids_file;  // "" : every non-retired case
  int samples = 1;
  int resamples = 1000;  // score's bootstrap
  Lang lang = Lang::En;
};

struct EvalReport {
  GenerateReport generate;
  JudgeReport judge;
  bool interrupted = false;
  bool scored = false;
  RunOutcome score_outcome = RunOutcome::Done;  // how score's own run ended, when it ran
  std::string text;                             // what each step said, then the leaderboard
  std::vector<std::string> written;
  size_t failed() const { return generate.failed + judge.failed; }
};

Result<EvalReport> run_eval(const Config& config, const EvalOptions& options, const RunSettings& settings);

}  // namespace cc::judge
