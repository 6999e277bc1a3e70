#pragma once
// `judge`: candidate responses into verdicts. Each (response, criterion) is one call to
// each judge endpoint with the project's prompt (judge.mode per-case: one call per
// response, all criteria at once). Writes DIR/verdicts/<model>.jsonl (verdict schema
// rows, sorted), DIR/judge_errors.jsonl (one row per item without a verdict, with its
// last error) and DIR/judge_manifest.json. An item that could not be judged gets no
// verdict, never a false one.
// With two judges, the second judges every item or a seeded sample stratified by
// specialty; judge.policy (judge/judge_policy.h) forms the final verdicts, written as
// judge "final" in the same files, escalating disagreements to an arbiter when one is
// named. DIR/final_missing.jsonl lists the criteria without a final verdict and why
// (judges differ, awaiting physician review, a judge gave none).
#include <string>
#include <vector>

#include "core/config.h"
#include "core/result.h"
#include "judge/batch_requests.h"
#include "judge/run_settings.h"

namespace cc::judge {

struct JudgeOptions {
  std::vector<std::string> responses;  // files or folders of response JSONL
  std::vector<std::string> judges;     // endpoint names; each judges every item
  int repeat = 1;                      // judge every item this many times (stability); repeat r > 1
                                       // is recorded under the judge name "<judge>#r", every row
                                       // carrying "repeat": r when N > 1
  double second_judge_sample = 1;      // (0, 1]: the share of items the second judge gets
  std::string arbiter;                 // endpoint for disagreements (policy escalate), "" for none
  // judge batch export: write the calls the cache cannot answer as Batch API request
  // files into this folder instead of sending them (judge/batch_requests.h); "" to send.
  std::string batch_export_dir;
  BatchLimits batch_limits;
};

// What a run did, for the CLI to report.
struct JudgeReport {
  size_t items = 0;          // verdicts wanted, over every judge and repeat
  size_t verdicts = 0;       // written
  size_t failed = 0;         // items in judge_errors.jsonl
  size_t final_missing = 0;  // criteria without a final verdict (two judges)
  bool interrupted = false;  // stopped by a stop request; nothing written, the rerun resumes
  std::string text;          // the summary for the terminal (dry run: the estimate)
  std::vector<std::string> written;
};

// Error kinds: Usage (endpoint, config, prompt), Input (responses, cases, cache),
// Refused (an endpoint refused a request; nothing written).
Result<JudgeReport> run_judge(const Config& config, const JudgeOptions& options, const RunSettings& settings);

}  // namespace cc::judge
