#pragma once
// Batch requests: the calls a judge run still needs, written for the OpenAI Batch API
// (half the price, answers within a day) instead of being sent — one JSONL line per call,
// {"custom_id": <cache key>, "method": "POST", "url": "/v1/chat/completions", "body"},
// in files of at most 50,000 lines and 200 MB as the API requires. The custom_id is the
// call's cache key, so `judge batch import` stores each answer where `judge` looks for
// it, and the same judge command then finishes from the cache without one call.
#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "core/messages.h"
#include "core/result.h"

namespace cc::judge {

struct BatchLimits {
  size_t max_lines = 50000;
  size_t max_bytes = 200u * 1000 * 1000;
};

class BatchRequestWriter {
 public:
  BatchRequestWriter(std::string dir, BatchLimits limits) : dir_(std::move(dir)), limits_(limits) {}
  // Adds the call `custom_id` with `body` (the request body as JSON text). A custom_id
  // already added is skipped (two items can share one request).
  void add(const std::string& custom_id, const std::string& body);
  size_t lines() const { return ids_.size(); }
  // Writes dir/requests-001.jsonl, ... atomically (removing request files of an earlier
  // export first) and returns their paths. Error (kind Input) when one cannot be written.
  Result<std::vector<std::string>> finish();

 private:
  std::string dir_;
  BatchLimits limits_;
  std::vector<std::string> files_;  // contents, each within the limits
  size_t lines_in_last_ = 0;
  std::set<std::string> ids_;
};

struct BatchImportReport {
  size_t stored = 0;  // answers put in the cache
  size_t failed = 0;  // requests the Batch API could not answer (their items stay missing)
  std::string text;
};

// Stores the answers of Batch API output files (lines {"custom_id", "response":
// {"status_code", "body"}, "error"}) in the cache at `cache_path`; error files list the
// requests that failed. Every line is checked before anything is stored: Error (kind
// Input) naming the file and line of one that is not JSON, lacks a cache-key custom_id
// or a response. Answers that failed are counted, reported and not stored.
Result<BatchImportReport> import_batch_output(const std::string& cache_path, const std::vector<std::string>& files,
                                              Lang lang);

}  // namespace cc::judge
