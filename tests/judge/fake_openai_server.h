#pragma once
// FakeOpenAiServer: an OpenAI-compatible /v1/chat/completions server on 127.0.0.1 for the
// judge tests and the runner benchmark (cpp-httplib). Every reply is scripted by a
// handler, so tests can serve 429 with Retry-After, 500, 401, slow answers, prose without
// JSON, truncated bodies and <think> prefixes; the server counts requests and the most
// requests it ever had in flight at once. It listens on an ephemeral port (tests must keep
// to those, or parallel runs would collide; only cc_fake_openai_server --port names one)
// and stops when the object goes away.
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace cc::test {

// One scripted reply.
struct FakeReply {
  int status = 200;
  std::string body;                            // sent as is (application/json)
  std::map<std::string, std::string> headers;  // e.g. {"Retry-After", "1"}
  int delay_ms = 0;                            // wait before answering
  bool truncate = false;                       // promise the full length, send half, close
};

// A 200 body in OpenAI's chat.completion shape with `content` as the message, and
// optionally `reasoning_content` beside it.
std::string chat_body(const std::string& content, const std::string& reasoning = "", int prompt_tokens = 100,
                      int completion_tokens = 20, const std::string& finish_reason = "stop");

// The reply of a well-behaved judge and model: when the request's last user message
// asks for a verdict (contains "criteria_met"), a verdict JSON whose criteria_met is a
// deterministic function of the message (so reruns agree); for the per-case prompt an
// array with one verdict per "CC-xxxx-Rnn" id listed; otherwise a short answer to the
// question, as a candidate model would give.
FakeReply well_behaved_reply(const nlohmann::json& request);

class FakeOpenAiServer {
 public:
  // `call` is the 0-based number of the request (in order of arrival).
  using Handler = std::function<FakeReply(const nlohmann::json& request, int call)>;

  // `handler` defaults to well_behaved_reply; `port` 0 is an ephemeral port.
  explicit FakeOpenAiServer(Handler handler = {}, int port = 0);
  ~FakeOpenAiServer();
  FakeOpenAiServer(const FakeOpenAiServer&) = delete;
  FakeOpenAiServer& operator=(const FakeOpenAiServer&) = delete;

  int port() const { return port_; }
  std::string base_url() const;  // "http://127.0.0.1:<port>/v1"
  void set_handler(Handler handler);

  int requests() const { return requests_.load(); }
  int max_in_flight() const { return max_in_flight_.load(); }
  // Every request body received, and its Authorization header ("" when none), in order.
  std::vector<nlohmann::json> bodies() const;
  std::vector<std::string> authorizations() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
  std::atomic<int> requests_{0};
  std::atomic<int> in_flight_{0};
  std::atomic<int> max_in_flight_{0};
  mutable std::mutex mu_;
  std::vector<nlohmann::json> bodies_;
  std::vector<std::string> auth_;
  Handler handler_;
  std::thread thread_;
};

}  // namespace cc::test
