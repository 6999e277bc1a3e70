#pragma once
// The memorisation probe (`leak --probe ENDPOINT`): each public-tier case (approved, of
// the public difficulty tier, as `export --public` writes them) is cut in half at a
// character in the middle of its query (clinical_context, a blank line, user_request);
// the first half goes to the endpoint as a text to continue, and the continuation is
// compared with the true second half (probe_compare.h). The calls go through the judge's
// call batch: the endpoint's limits, retries, circuit breaker and answer cache.
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/messages.h"
#include "core/model.h"
#include "core/result.h"
#include "judge/run_settings.h"

namespace cc::leak {

struct ProbeOptions {
  std::string endpoint;
  double threshold = 0.5;  // list a case when its LCS share or its n-gram share reaches this
  int ngram = 13;
};

struct ProbeCase {
  std::string case_id;
  double lcs = 0;
  double grams = 0;
};

// What a dry run (`--dry-run`) would send; nothing is sent and no key is needed.
struct ProbeDryRun {
  std::string url;    // the endpoint's chat completions URL
  size_t to_ask = 0;  // calls the answer cache cannot answer
  size_t from_cache = 0;
  int64_t input_tokens = 0;  // estimated, of the calls still needed
  int64_t output_tokens = 0;
  double cost = 0;            // from the endpoint's price_per_million_tokens
  std::string first_case_id;  // the first case probed, and its prompt exactly as sent
  std::string first_prompt;
};

struct ProbeReport {
  std::string endpoint;
  std::optional<ProbeDryRun> dry_run;  // set by a dry run, which fills nothing else below
  size_t cases = 0;                    // probed
  int ngram = 13;
  double threshold = 0;
  std::vector<ProbeCase> listed;    // at or over the threshold, highest first
  std::vector<std::string> failed;  // cases with no answer after their retries
  bool interrupted = false;
};

// The prompt of a case: the instruction and the first half of `query`; `second` gets the rest.
std::string probe_prompt(const std::string& query, std::string* second);

// Probes `endpoint` with the public-tier cases of `benchmark`; with settings.dry_run, only
// says what would be sent (report.dry_run), reading no key and calling nothing. Error kinds as run_generate's
// (Usage: unknown endpoint or unset key; Refused: the endpoint refused; Input: no case).
Result<ProbeReport> run_probe(const Config& config, const Benchmark& benchmark, const ProbeOptions& options,
                              const judge::RunSettings& settings, Lang lang);

}  // namespace cc::leak
