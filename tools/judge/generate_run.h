#pragma once
// `generate`: candidate responses. Every case's query (clinical_context and
// user_request) goes to the endpoint as one user message; the answers are written to
// DIR/responses/<endpoint>.jsonl as rows {"case_id", "model", "response",
// "finish_reason", "usage", "latency_ms"}, sorted by case id, with the calls that failed
// in DIR/generate_errors.jsonl and a DIR/generate_manifest.json. Thinking output
// (<think>…</think>) is not part of a response: the judge grades the answer.
#include <string>
#include <vector>

#include "core/config.h"
#include "core/result.h"
#include "judge/run_settings.h"

namespace cc::judge {

struct GenerateOptions {
  std::string endpoint;  // endpoint name
  std::string ids_file;  // "" : every non-retired case
  int samples = 1;       // answers per case; sample s > 1 is recorded as model "<endpoint>#s"
};

struct GenerateReport {
  size_t calls = 0;
  size_t responses = 0;
  size_t failed = 0;
  bool interrupted = false;
  std::string responses_file;  // DIR/responses/<endpoint>.jsonl
  std::string text;
  std::vector<std::string> written;
};

// Error kinds as for run_judge.
Result<GenerateReport> run_generate(const Config& config, const GenerateOptions& options, const RunSettings& settings);

}  // namespace cc::judge
