#pragma once
// Retry policy: which failures are worth another attempt, how long to wait before it
// (exponential backoff with full jitter, or what the server's Retry-After says), and
// which stop a run at once because asking again cannot help.
#include <cstdint>
#include <ctime>
#include <optional>
#include <random>
#include <string_view>

namespace cc::judge {

// What to do after an attempt.
enum class Disposition {
  Success,  // 2xx: read the body
  Retry,    // 408, 409, 429, 5xx, a connection error or a timeout
  Refuse,   // 400, 401, 403, 404, 422 (and any other 4xx): the request or the key is wrong; stop the run
};

// `http_status` is 0 when no response arrived (connection error, timeout).
Disposition classify_status(long http_status);

// Seconds to wait before retry number `retry` (1 for the first retry): a uniformly random
// value in [0, min(cap, base * 2^(retry-1))] ("full jitter").
double backoff_seconds(int retry, std::mt19937_64& rng, double base_s = 1.0, double cap_s = 60.0);

// The wait a Retry-After header asks for: delta-seconds ("120") or an HTTP date
// ("Wed, 21 Oct 2015 07:28:00 GMT", read against `now`); nullopt when unreadable.
// A date in the past means 0.
std::optional<double> parse_retry_after(std::string_view value, std::time_t now);

}  // namespace cc::judge
