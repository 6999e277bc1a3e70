// FakeOpenAiServer: the loopback OpenAI-compatible server of the judge tests and the
// runner benchmark, on cpp-httplib. Replies are scripted per request (see the header);
// this file also holds the "well-behaved" judge and model used when nothing is scripted.
//
// Debian 12 ships cpp-httplib 0.11 as a compiled library, not header-only: link with
// -lcpp-httplib and compile with the -D flags of `pkg-config --cflags cpp-httplib`
// (OpenSSL, zlib and Brotli support), which change the layout of httplib::Request.
#include "judge/fake_openai_server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string_view>

namespace cc::test {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// Workers of the server's pool. Each open connection holds a worker for its whole life,
// idle keep-alive time included, so the pool must exceed the connections any client
// keeps open, or the pool, not the client, would bound the requests in flight (and a
// connection past the pool would wait for an idle one to time out, a second each).
// 256 idle threads cost about 10 ms to start and stop.
constexpr size_t kWorkers = 256;
// httplib listens with a backlog of 5, built into the Debian library; a burst of clients
// connecting at once could then see SYNs dropped and a one-second retransmit.
constexpr int kListenBacklog = 256;
// Scripted delays sleep in slices this long so the destructor never waits for them.
constexpr auto kSleepSlice = std::chrono::milliseconds(10);
// Fixed, so that chat_body is a pure function of its arguments.
constexpr int64_t kCreated = 1700000000;

// httplib compresses application/json when the client accepts it (libcurl's
// CURLOPT_ACCEPT_ENCODING ""), and Brotli costs ~1.5 ms a reply, ten times the rest of
// the request: a benchmark would measure the fake server. The charset parameter is just
// as true and keeps httplib from compressing (it only matches the bare type).
constexpr const char* kJson = "application/json; charset=utf-8";

constexpr const char* kChatPath = "/v1/chat/completions";
constexpr const char* kModelsPath = "/v1/models";

// FNV-1a, 64-bit: std::hash differs between standard libraries and builds, and the
// verdicts must be the same on every machine so that reruns and caches agree.
uint64_t fnv1a(std::string_view text) {
  uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string hex8(uint64_t h) {
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(h & 0xffffffffU));
  return buf;
}

// A message's text: `content` is a string, or (newer clients) an array of parts of which
// the {"type":"text","text":...} ones carry text.
std::string text_of(const json& message) {
  auto it = message.find("content");
  if (it == message.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  std::string out;
  if (it->is_array()) {
    for (const auto& part : *it) {
      auto t = part.is_object() ? part.find("text") : part.end();
      if (part.is_object() && t != part.end() && t->is_string()) out += t->get<std::string>();
    }
  }
  return out;
}

const json* messages_of(const json& request) {
  if (!request.is_object()) return nullptr;
  auto it = request.find("messages");
  return it != request.end() && it->is_array() ? &*it : nullptr;
}

std::string last_user_message(const json& request) {
  const json* messages = messages_of(request);
  if (!messages) return "";
  for (auto it = messages->rbegin(); it != messages->rend(); ++it) {
    if (!it->is_object()) continue;
    auto role = it->find("role");
    if (role != it->end() && role->is_string() && *role == "user") return text_of(*it);
  }
  return "";
}

size_t all_messages_length(const json& request) {
  size_t n = 0;
  if (const json* messages = messages_of(request)) {
    for (const auto& m : *messages) n += m.is_object() ? text_of(m).size() : 0;
  }
  return n;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word(char c) { return is_upper(c) || is_digit(c) || (c >= 'a' && c <= 'z') || c == '_'; }

// Criterion ids ([A-Z]+-[0-9]+-R[0-9]+, as schema/verdict.schema.json has them) in order
// of first appearance, each once. ASCII tests only: the prompt is UTF-8 Chinese, and the
// <cctype> functions are undefined for negative chars.
std::vector<std::string> criterion_ids(std::string_view text) {
  std::vector<std::string> ids;
  size_t i = 0;
  while (i < text.size()) {
    if (!is_upper(text[i]) || (i > 0 && (is_word(text[i - 1]) || text[i - 1] == '-'))) {
      ++i;
      continue;
    }
    size_t j = i;
    auto run = [&](auto pred) {
      size_t start = j;
      while (j < text.size() && pred(text[j])) ++j;
      return j > start;
    };
    auto literal = [&](char c) {
      if (j < text.size() && text[j] == c) return ++j, true;
      return false;
    };
    bool ok = run(is_upper) && literal('-') && run(is_digit) && literal('-') && literal('R') && run(is_digit) &&
              (j == text.size() || !(is_word(text[j]) || text[j] == '-'));
    if (ok) {
      std::string id(text.substr(i, j - i));
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
      i = j;
    } else {
      ++i;
    }
  }
  return ids;
}

// A verdict as a careful judge would phrase it; `met` comes from a hash, the wording only
// has to be plausible Chinese of a realistic length.
std::string explanation_for(bool met) {
  return met ? "回答明确覆盖了该评分标准要求的要点，表述准确，判定为满足。"
             : "回答未涉及该评分标准要求的关键内容，判定为不满足。";
}

std::string dump(const ordered_json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }
std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json chat_json(const std::string& content, const std::string& reasoning, int prompt_tokens, int completion_tokens,
               const std::string& finish_reason) {
  json message = {{"role", "assistant"}, {"content", content}};
  if (!reasoning.empty()) message["reasoning_content"] = reasoning;
  return json{
      {"id", "chatcmpl-fake-" + hex8(fnv1a(content))},
      {"object", "chat.completion"},
      {"created", kCreated},
      {"model", "fake-model"},
      {"choices", json::array({{{"index", 0}, {"message", message}, {"finish_reason", finish_reason}}})},
      {"usage",
       {{"prompt_tokens", prompt_tokens},
        {"completion_tokens", completion_tokens},
        {"total_tokens", prompt_tokens + completion_tokens}}},
  };
}

std::string error_body(const std::string& message, const std::string& type) {
  return dump(json{{"error", {{"message", message}, {"type", type}, {"param", nullptr}, {"code", nullptr}}}});
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
           return lower(x) == lower(y);
         });
}

// httplib 0.11 has no accessor for the listening socket; the derived class reaches the
// protected member to raise the backlog (see kListenBacklog).
class BacklogServer : public httplib::Server {
 public:
  socket_t listening_socket() const { return svr_sock_.load(); }
};

}  // namespace

std::string chat_body(const std::string& content, const std::string& reasoning, int prompt_tokens,
                      int completion_tokens, const std::string& finish_reason) {
  return dump(chat_json(content, reasoning, prompt_tokens, completion_tokens, finish_reason));
}

// A judge request is recognised by "criteria_met" in the last user message. It is the
// per-case prompt when that message lists two or more criterion ids, or one id together
// with "criterion_id" (the key the per-case prompt asks to echo); otherwise it is one
// criterion. criteria_met is FNV-1a of the whole message (plus the id, per case) mod 3
// != 0: about two thirds met, the same on every run.
FakeReply well_behaved_reply(const nlohmann::json& request) {
  const std::string question = last_user_message(request);
  std::string answer;
  if (question.find("criteria_met") != std::string::npos) {
    std::vector<std::string> ids = criterion_ids(question);
    bool per_case = ids.size() >= 2 || (ids.size() == 1 && question.find("criterion_id") != std::string::npos);
    if (per_case) {
      ordered_json verdicts = ordered_json::array();
      for (const auto& id : ids) {
        bool met = fnv1a(question + "\n" + id) % 3 != 0;
        verdicts.push_back({{"criterion_id", id}, {"explanation", explanation_for(met)}, {"criteria_met", met}});
      }
      answer = dump(verdicts);
    } else {
      bool met = fnv1a(question) % 3 != 0;
      answer = dump(ordered_json{{"explanation", explanation_for(met)}, {"criteria_met", met}});
    }
  } else {
    // The hash makes each case's answer its own, so responses files and caches built
    // from these answers cannot pass a test by accident of being all alike.
    answer = "针对该问题（编号 " + hex8(fnv1a(question)) +
             "）：建议结合病史、体格检查和必要的辅助检查综合评估，明确诊断后在专科医生指导下规范治疗，"
             "并注意监测病情变化、按时复诊。";
  }
  int prompt_tokens = static_cast<int>(std::max<size_t>(1, all_messages_length(request) / 3));
  int completion_tokens = static_cast<int>(std::max<size_t>(1, answer.size() / 3));
  json body = chat_json(answer, "", prompt_tokens, completion_tokens, "stop");
  if (request.is_object() && request.contains("model") && request["model"].is_string()) {
    body["model"] = request["model"];  // echoed, as real servers do
  }
  FakeReply reply;
  reply.body = dump(body);
  return reply;
}

struct FakeOpenAiServer::Impl {
  explicit Impl(FakeOpenAiServer& o) : owner(o) {}

  FakeOpenAiServer& owner;
  BacklogServer http;
  std::atomic<bool> stopping{false};
  std::atomic<bool> listen_returned{false};

  // Counts the request in flight for exactly as long as its handler runs.
  struct InFlight {
    explicit InFlight(FakeOpenAiServer& o) : owner(o) {
      int now = owner.in_flight_.fetch_add(1) + 1;
      int seen = owner.max_in_flight_.load();
      while (now > seen && !owner.max_in_flight_.compare_exchange_weak(seen, now)) {
      }
    }
    ~InFlight() { owner.in_flight_.fetch_sub(1); }
    InFlight(const InFlight&) = delete;
    InFlight& operator=(const InFlight&) = delete;
    FakeOpenAiServer& owner;
  };

  // False when the server began stopping during the wait.
  bool sleep_unless_stopping(int delay_ms) const {
    if (delay_ms <= 0) return true;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(delay_ms);
    while (!stopping.load()) {
      auto now = std::chrono::steady_clock::now();
      if (now >= deadline) return true;
      std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(kSleepSlice, deadline - now));
    }
    return false;
  }

  static void send_error(httplib::Response& res, int status, const std::string& message, const std::string& type) {
    res.status = status;
    res.set_content(error_body(message, type), kJson);
  }

  static void send_reply(httplib::Response& res, const FakeReply& reply) {
    res.status = reply.status;
    std::string content_type = kJson;
    for (const auto& [name, value] : reply.headers) {
      if (iequals(name, "Content-Type")) {
        content_type = value;
      } else if (iequals(name, "Content-Length") || iequals(name, "Transfer-Encoding")) {
        // httplib writes its own framing; a second copy would make the response
        // malformed in a way no real server is, which is not what a script means.
        continue;
      } else {
        res.set_header(name, value);
      }
    }
    if (!reply.truncate) {
      res.set_content(reply.body, content_type);
      return;
    }
    // Declare the whole length, write the first half, then fail the provider: httplib
    // then ends the response and closes the connection, so the client sees a body cut
    // short (libcurl: CURLE_PARTIAL_FILE). An empty body cannot be cut, so "{}" stands in.
    auto body = std::make_shared<const std::string>(reply.body.empty() ? std::string("{}") : reply.body);
    size_t half = body->size() / 2;
    res.set_content_provider(body->size(), content_type, [body, half](size_t offset, size_t, httplib::DataSink& sink) {
      if (offset < half) sink.write(body->data() + offset, half - offset);
      return false;
    });
  }

  void serve_chat(const httplib::Request& req, httplib::Response& res) {
    InFlight counted(owner);
    try {
      json request = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
      bool valid = !request.is_discarded() && request.is_object();
      int call = 0;
      Handler handler;
      {
        std::lock_guard<std::mutex> lock(owner.mu_);
        call = owner.requests_.fetch_add(1);
        // An unparsable body is kept as the JSON string of its text, so bodies() still
        // has one entry per request and a test can see what the client sent.
        owner.bodies_.push_back(valid ? request : json(req.body));
        owner.auth_.push_back(req.get_header_value("Authorization"));
        handler = owner.handler_;
      }
      if (!valid) {
        send_error(res, 400, "We could not parse the JSON body of your request.", "invalid_request_error");
        return;
      }
      FakeReply reply = handler ? handler(request, call) : well_behaved_reply(request);
      if (!sleep_unless_stopping(reply.delay_ms)) {
        send_error(res, 503, "The fake server is shutting down.", "server_error");
        return;
      }
      send_reply(res, reply);
    } catch (const std::exception& e) {
      // A test's handler threw (or a failed REQUIRE inside it): answer 500 rather than
      // letting httplib decide, and say why, so the failing test can tell.
      send_error(res, 500, std::string("fake server handler failed: ") + e.what(), "server_error");
    } catch (...) {
      send_error(res, 500, "fake server handler failed", "server_error");
    }
  }

  static void serve_models(const httplib::Request&, httplib::Response& res) {
    json list = {{"object", "list"},
                 {"data", json::array({{{"id", "fake-model"},
                                        {"object", "model"},
                                        {"created", kCreated},
                                        {"owned_by", "clinconsensus-tests"}}})}};
    res.set_content(dump(list), kJson);
  }
};

FakeOpenAiServer::FakeOpenAiServer(Handler handler, int port)
    : impl_(std::make_unique<Impl>(*this)), handler_(std::move(handler)) {
  auto& http = impl_->http;
  http.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  // Clients reuse connections as they would with a real server; but an idle kept-alive
  // connection holds its worker until this timeout even after stop(), and stop() joins
  // the workers, so the timeout bounds how long a destructor can wait for one.
  http.set_keep_alive_max_count(1000);
  http.set_keep_alive_timeout(1);
  http.set_tcp_nodelay(true);
  // httplib's default also sets SO_REUSEPORT, which lets a second server bind the same
  // fixed port and silently take half its connections. SO_REUSEADDR alone still allows
  // a restart on a port whose old connections linger in TIME_WAIT.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.Post(kChatPath,
            [impl = impl_.get()](const httplib::Request& req, httplib::Response& res) { impl->serve_chat(req, res); });
  http.Get(kModelsPath, &Impl::serve_models);
  // httplib calls the error handler for every status >= 400, scripted ones included;
  // only unrouted requests get a body here, in OpenAI's error shape.
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
    bool ours = (req.method == "POST" && req.path == kChatPath) || (req.method == "GET" && req.path == kModelsPath);
    if (ours || res.status != 404 || !res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    Impl::send_error(res, 404, "Unknown request URL: " + req.method + " " + req.path, "invalid_request_error");
    return httplib::Server::HandlerResponse::Handled;
  }));

  int wanted = port;
  if (wanted > 0) {
    port = http.bind_to_port("127.0.0.1", wanted) ? wanted : -1;
  } else {
    port = http.bind_to_any_port("127.0.0.1");
  }
  if (port <= 0) {
    // No exception (tests must not die in a constructor); port() stays 0 and every
    // request the test makes fails with "connection refused", which names the cause.
    std::fprintf(stderr, "FakeOpenAiServer: cannot bind 127.0.0.1%s\n",
                 wanted > 0 ? (":" + std::to_string(wanted)).c_str() : "");
    return;
  }
  // Listening again on a listening socket only updates its backlog (Linux).
  ::listen(http.listening_socket(), kListenBacklog);
  port_ = port;

  thread_ = std::thread([impl = impl_.get()] {
    // The Debian library sends without MSG_NOSIGNAL. It checks that the peer is still
    // there before each write, but a client hanging up between that check and send()
    // would raise SIGPIPE and end the whole test binary. Blocking it here covers the
    // workers too: httplib creates them from this thread and they inherit its mask;
    // send() then fails with EPIPE instead.
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
    impl->http.listen_after_bind();
    impl->listen_returned.store(true);
  });
  // Connections made before the loop runs would only queue; the wait is for the
  // destructor, whose stop() is a no-op until is_running().
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!http.is_running() && !impl_->listen_returned.load() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

FakeOpenAiServer::~FakeOpenAiServer() {
  impl_->stopping.store(true);
  if (!thread_.joinable()) return;
  // stop() does nothing until the listen loop has marked itself running, which the
  // constructor waited for but, after a 10 s timeout, might not have seen.
  while (!impl_->listen_returned.load()) {
    if (impl_->http.is_running()) {
      impl_->http.stop();
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  thread_.join();
}

std::string FakeOpenAiServer::base_url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1"; }

void FakeOpenAiServer::set_handler(Handler handler) {
  std::lock_guard<std::mutex> lock(mu_);
  handler_ = std::move(handler);
}

std::vector<nlohmann::json> FakeOpenAiServer::bodies() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bodies_;
}

std::vector<std::string> FakeOpenAiServer::authorizations() const {
  std::lock_guard<std::mutex> lock(mu_);
  return auth_;
}

}  // namespace cc::test
