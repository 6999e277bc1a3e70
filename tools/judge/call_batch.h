#pragma once
// Call batches: the engine under generate and judge. A batch is N chat calls to one
// endpoint, each built on demand from its index. The engine answers what it can from the
// cache, then sends the rest with at most max_concurrency in flight, inside the request
// and token rates, retrying what is worth retrying (backoff with full jitter, Retry-After
// honoured) up to max_retries, storing every answer in the cache as it arrives. It stops
// at once when the endpoint refuses (400/401/403/404/422), pauses and then stops when too
// many attempts fail in a row (circuit breaker), and on a stop request finishes what is in
// flight for a few seconds and returns. A call that could not be answered is reported as
// failed or not asked: never as an answer.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "judge/chat_answer.h"
#include "judge/endpoint.h"
#include "judge/llm_cache.h"
#include "judge/progress.h"
#include "judge/run_settings.h"

namespace cc::judge {

// One call, as the batch builds it.
struct CallSpec {
  const Endpoint* endpoint = nullptr;   // whose model and parameters the body carries
  std::string key;                      // cache key: SHA-256 of the canonical request (request_key)
  int64_t estimated_input_tokens = 0;   // of the prompt
  int64_t estimated_output_tokens = 0;  // expected in the answer
  int64_t estimated_tokens() const { return estimated_input_tokens + estimated_output_tokens; }
};

// What a batch needs from its caller.
struct CallBatch {
  size_t count = 0;
  // The cache key and estimates of call `i`; called again when the call is sent (specs
  // are not kept).
  std::function<CallSpec(size_t i)> spec;
  // The user message of call `i`, made only for calls that are sent: a resume answered
  // from the cache never renders a prompt.
  std::function<std::string(size_t i)> message;
  // Checks an answer and turns it into what the caller keeps (a verdict, a response).
  // An Error is a parse failure: the call is retried within the same bound.
  std::function<Result<nlohmann::json>(size_t i, const ChatAnswer& answer)> parse;
};

// How a batch runs.
struct BatchControl {
  LlmCache* cache = nullptr;                // null: neither read nor written (--no-cache)
  bool dry_run = false;                     // only count what the cache lacks; send nothing
  const std::atomic<bool>* stop = nullptr;  // set (by SIGINT) to stop sending
  double stop_grace_s = 5;                  // how long in-flight answers are awaited after a stop
  Progress* progress = nullptr;
  uint64_t seed = 1;  // of the backoff jitter
  Lang lang = Lang::En;  // of the messages that say why a call or the batch failed (the run's --lang)
};

// One call's outcome.
struct CallOutcome {
  enum class State : uint8_t { NotAsked, Answered, Failed };
  State state = State::NotAsked;
  bool from_cache = false;
  int attempts = 0;
  nlohmann::json parsed;  // Answered: what `parse` returned
  std::string error;      // Failed / NotAsked: the last error, in words
  Usage usage;
  double latency_ms = 0;
};

// How the batch ended.
enum class BatchEnd {
  Completed,    // every call answered or failed after its retries
  Refused,      // the endpoint refused a request; the run must stop (exit 2)
  BreakerOpen,  // too many attempts failed in a row, twice
  Interrupted,  // a stop was requested
  CacheFailed,  // the cache could not be written (disk full, ...)
};

struct BatchResult {
  BatchEnd end = BatchEnd::Completed;
  std::string message;                // why it ended early, with the endpoint's name; never the key
  std::vector<CallOutcome> outcomes;  // one per call
  RunCounters counters;
  size_t to_ask = 0;                          // calls the cache could not answer
  int64_t estimated_input_tokens_to_ask = 0;  // of the calls the cache could not answer
  int64_t estimated_output_tokens_to_ask = 0;
  double seconds = 0;
};

// The progress line of a run labelled `label`: on settings.progress (quiet when it is
// unset or -q was given).
Progress run_progress(const RunSettings& settings, std::string label);

// How a run's settings drive a batch: the cache (null for none), dry run, the stop flag,
// `progress` and the jitter seed.
BatchControl batch_control(const RunSettings& settings, LlmCache* cache, Progress* progress, uint64_t seed);

// Runs `batch` against `endpoint` (with `api_key`, "" for none).
BatchResult run_batch(const Endpoint& endpoint, const std::string& api_key, const CallBatch& batch,
                      const BatchControl& control);

// The line --dry-run prints for batch `b` of run `what` ("judge second"), in `lang`: the
// calls still needed of all, those in the cache, their estimated tokens and their cost at
// `endpoint`'s prices. Ends without a newline.
std::string dry_run_line(Lang lang, std::string_view what, const BatchResult& b, const Endpoint& endpoint);

// A cost as the run's text shows it (the stream's default notation: "0.0042").
std::string cost_text(double cost);

}  // namespace cc::judge
