#pragma once
// Endpoint: one OpenAI-compatible server as clinconsensus.yaml declares it under
// `endpoints:` — where to send requests, the model id, the limits to keep, the sampling
// parameters and prices. The API key is not part of it: it is read from the environment
// variable the endpoint names, only when a request is about to be sent.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config.h"
#include "core/messages.h"
#include "core/result.h"

namespace cc::judge {

struct Endpoint {
  std::string name;      // the key under endpoints:, used on the command line
  std::string base_url;  // without a trailing '/'
  std::string model;
  std::string api_key_env;  // "" : requests carry no Authorization header (local servers)
  int max_concurrency = 4;
  double requests_per_minute = 0;  // 0: no limit
  double tokens_per_minute = 0;
  double timeout_s = 120;
  int max_retries = 5;
  std::optional<double> temperature = 0.0;
  int max_tokens = 2048;
  double price_input = 0;   // per million prompt tokens
  double price_output = 0;  // per million completion tokens
  nlohmann::json extra_body = nlohmann::json::object();
  bool allow_insecure = false;
  int breaker_failures = 20;  // consecutive failed attempts that open the circuit breaker
  double breaker_pause_s = 30;

  std::string chat_url() const { return base_url + "/chat/completions"; }
  // What the manifest records: every setting, never a key.
  nlohmann::ordered_json describe() const;
  double cost(int64_t prompt_tokens, int64_t completion_tokens) const {
    return (prompt_tokens * price_input + completion_tokens * price_output) / 1e6;
  }
};

// The endpoint `name` of the config. Error (kind Usage) when it is not declared (the
// message lists the declared ones), when base_url carries credentials, or when it is plain
// http:// to a host that is not loopback and allow_insecure is not set.
// Errors are worded in `lang`.
Result<Endpoint> find_endpoint(const Config& config, const std::string& name, Lang lang);

// Checks a base URL on its own: credentials, scheme, loopback rule (see find_endpoint).
Result<void> check_base_url(const std::string& url, bool allow_insecure, Lang lang);

// The key from the endpoint's environment variable; "" when the endpoint names none.
// Error (kind Usage) when it names one that is unset or empty.
Result<std::string> read_api_key(const Endpoint& endpoint, Lang lang);

// `text` with every occurrence of `key` replaced by "[redacted]" (no-op for an empty
// key), for any message that quotes a server's words.
std::string redact(std::string text, const std::string& key);

}  // namespace cc::judge
