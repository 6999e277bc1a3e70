// Self-test of FakeOpenAiServer: the judge tests trust it to script statuses, headers,
// delays and truncation exactly, to count requests and concurrency exactly, and never to
// hang a test on the way out, so each of those is checked here against a real client.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "judge/fake_openai_server.h"

using cc::test::FakeOpenAiServer;
using cc::test::FakeReply;
using nlohmann::json;

namespace {

std::string chat_request(const std::string& user, const std::string& model = "m") {
  return json{{"model", model}, {"messages", json::array({{{"role", "user"}, {"content", user}}})}}.dump();
}

httplib::Result post_chat(int port, const std::string& body, const std::string& bearer = "") {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(20, 0);
  httplib::Headers headers;
  if (!bearer.empty()) headers.emplace("Authorization", "Bearer " + bearer);
  return client.Post("/v1/chat/completions", headers, body, "application/json");
}

// What a raw HTTP/1.1 exchange returned: the header block and every body byte read
// until the server closed the connection.
struct RawExchange {
  std::string head;
  std::string body;
  bool closed_by_server = false;
};

// A plain socket, so that nothing between the server and the test repairs, retries or
// hides a short body.
RawExchange raw_post(int port, const std::string& body, const std::string& extra_headers = "") {
  RawExchange out;
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return out;
  timeval tv{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return out;
  }
  std::string request =
      "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Connection: close\r\nContent-Type: application/json\r\n" +
      extra_headers + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) {
    ::close(fd);
    return out;
  }
  std::string all;
  char buf[4096];
  for (;;) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n == 0) out.closed_by_server = true;
    if (n <= 0) break;
    all.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  size_t end = all.find("\r\n\r\n");
  if (end == std::string::npos) return out;
  out.head = all.substr(0, end);
  out.body = all.substr(end + 4);
  return out;
}

size_t declared_length(const std::string& head) {
  for (const char* name : {"Content-Length: ", "content-length: "}) {
    size_t at = head.find(name);
    if (at != std::string::npos) return std::stoul(head.substr(at + std::string(name).size()));
  }
  return 0;
}

}  // namespace

TEST_CASE("chat_body has OpenAI's chat.completion shape", "[judge]") {
  json b = json::parse(cc::test::chat_body("答案", "思考过程", 12, 3, "length"));
  CHECK(b["object"] == "chat.completion");
  CHECK(b["id"].is_string());
  CHECK(b["created"].is_number_integer());
  CHECK(b["model"].is_string());
  REQUIRE(b["choices"].size() == 1);
  const json& choice = b["choices"][0];
  CHECK(choice["index"] == 0);
  CHECK(choice["finish_reason"] == "length");
  CHECK(choice["message"]["role"] == "assistant");
  CHECK(choice["message"]["content"] == "答案");
  CHECK(choice["message"]["reasoning_content"] == "思考过程");
  CHECK(b["usage"]["prompt_tokens"] == 12);
  CHECK(b["usage"]["completion_tokens"] == 3);
  CHECK(b["usage"]["total_tokens"] == 15);

  json plain = json::parse(cc::test::chat_body("x"));
  CHECK_FALSE(plain["choices"][0]["message"].contains("reasoning_content"));
  CHECK(plain["choices"][0]["finish_reason"] == "stop");
}

TEST_CASE("well_behaved_reply answers questions, single verdicts and per-case arrays", "[judge]") {
  auto content_of = [](const FakeReply& r) {
    return json::parse(r.body)["choices"][0]["message"]["content"].get<std::string>();
  };

  SECTION("a question gets a short Chinese answer that differs between cases") {
    FakeReply a =
        cc::test::well_behaved_reply(json::parse(chat_request("患者男，65岁，胸痛2小时，如何处理？", "qwen")));
    FakeReply b = cc::test::well_behaved_reply(json::parse(chat_request("孕妇发热39度，可以用什么药？")));
    CHECK(a.status == 200);
    CHECK_FALSE(content_of(a).empty());
    CHECK(content_of(a) != content_of(b));
    CHECK(content_of(a).find("criteria_met") == std::string::npos);
    json body = json::parse(a.body);
    CHECK(body["model"] == "qwen");
    CHECK(body["usage"]["prompt_tokens"].get<int>() > 0);
    CHECK(body["usage"]["completion_tokens"].get<int>() > 0);
  }

  SECTION("a per-criterion prompt gets one verdict, the same every time") {
    std::string prompt =
        "评分标准：是否建议立即做心电图。请输出 JSON {\"explanation\": ..., \"criteria_met\": true|false}";
    FakeReply first = cc::test::well_behaved_reply(json::parse(chat_request(prompt)));
    FakeReply again = cc::test::well_behaved_reply(json::parse(chat_request(prompt)));
    json verdict = json::parse(content_of(first));
    CHECK(verdict["criteria_met"].is_boolean());
    CHECK(verdict["explanation"].is_string());
    CHECK(content_of(first) == content_of(again));
  }

  SECTION("verdicts vary with the prompt (about two thirds met)") {
    int met = 0;
    for (int i = 0; i < 60; ++i) {
      std::string prompt = "回答 " + std::to_string(i) + "，请给出 criteria_met";
      met += json::parse(content_of(cc::test::well_behaved_reply(json::parse(chat_request(prompt)))))["criteria_met"]
                 .get<bool>();
    }
    CHECK(met > 25);
    CHECK(met < 55);
  }

  SECTION("a per-case prompt gets one object per listed id") {
    std::string prompt =
        "逐条评判以下标准，输出数组，每项含 criterion_id、explanation、criteria_met：\n"
        "- CC-0001-R01：建议心电图\n- CC-0001-R02：建议查肌钙蛋白\n- CC-0001-R03：提及阿司匹林\n"
        "（再次提到 CC-0001-R01 不应重复）";
    json verdicts = json::parse(content_of(cc::test::well_behaved_reply(json::parse(chat_request(prompt)))));
    REQUIRE(verdicts.is_array());
    REQUIRE(verdicts.size() == 3);
    CHECK(verdicts[0]["criterion_id"] == "CC-0001-R01");
    CHECK(verdicts[1]["criterion_id"] == "CC-0001-R02");
    CHECK(verdicts[2]["criterion_id"] == "CC-0001-R03");
    for (const auto& v : verdicts) CHECK(v["criteria_met"].is_boolean());
  }

  SECTION("a request without messages still gets an answer") {
    FakeReply r = cc::test::well_behaved_reply(json::object());
    CHECK(r.status == 200);
    CHECK(json::parse(r.body)["choices"][0]["message"]["content"].is_string());
  }
}

TEST_CASE("FakeOpenAiServer serves chat completions and records requests", "[judge]") {
  FakeOpenAiServer server;
  REQUIRE(server.port() > 0);
  CHECK(server.base_url() == "http://127.0.0.1:" + std::to_string(server.port()) + "/v1");

  auto res = post_chat(server.port(), chat_request("你好"), "sk-test");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type").rfind("application/json", 0) == 0);
  json body = json::parse(res->body);
  CHECK(body["object"] == "chat.completion");
  CHECK(body["choices"][0]["message"]["content"].is_string());

  auto second = post_chat(server.port(), chat_request("再见"));
  REQUIRE(second);
  CHECK(server.requests() == 2);
  REQUIRE(server.bodies().size() == 2);
  CHECK(server.bodies()[0]["messages"][0]["content"] == "你好");
  CHECK(server.authorizations() == std::vector<std::string>{"Bearer sk-test", ""});
  CHECK(server.max_in_flight() == 1);

  SECTION("invalid JSON is a 400 in OpenAI's error shape, and still recorded") {
    auto bad = post_chat(server.port(), "{not json");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK(json::parse(bad->body)["error"]["message"].is_string());
    CHECK(server.requests() == 3);
    CHECK(server.bodies().back() == "{not json");
  }

  SECTION("replies are not compressed, even for a client that accepts it") {
    // Compression would make the fake server, not the client, the cost a benchmark sees.
    RawExchange raw = raw_post(server.port(), chat_request("压缩"), "Accept-Encoding: gzip, deflate, br\r\n");
    CHECK(raw.head.rfind("HTTP/1.1 200", 0) == 0);
    CHECK(raw.head.find("Content-Encoding") == std::string::npos);
    CHECK(json::parse(raw.body)["object"] == "chat.completion");
  }

  SECTION("GET /v1/models lists a model; unknown paths are OpenAI-style 404s") {
    httplib::Client client("127.0.0.1", server.port());
    auto models = client.Get("/v1/models");
    REQUIRE(models);
    CHECK(models->status == 200);
    CHECK(json::parse(models->body)["data"][0]["id"].is_string());
    auto missing = client.Get("/v1/nothing");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(json::parse(missing->body)["error"]["message"].is_string());
    CHECK(server.requests() == 2);  // only chat completions are counted
  }
}

TEST_CASE("FakeOpenAiServer sends scripted statuses and headers in call order", "[judge]") {
  FakeOpenAiServer server([](const json&, int call) {
    FakeReply r;
    if (call == 0) {
      r.status = 429;
      r.headers["Retry-After"] = "1";
      r.body = R"({"error":{"message":"rate limited"}})";
    } else if (call == 1) {
      r.status = 500;  // empty body: must stay empty, not be filled by an error page
    } else {
      r.body = cc::test::chat_body("好的");
    }
    return r;
  });
  auto limited = post_chat(server.port(), chat_request("a"));
  REQUIRE(limited);
  CHECK(limited->status == 429);
  CHECK(limited->get_header_value("Retry-After") == "1");
  CHECK(json::parse(limited->body)["error"]["message"] == "rate limited");

  auto failed = post_chat(server.port(), chat_request("b"));
  REQUIRE(failed);
  CHECK(failed->status == 500);
  CHECK(failed->body.empty());

  auto ok = post_chat(server.port(), chat_request("c"));
  REQUIRE(ok);
  CHECK(ok->status == 200);
  CHECK(json::parse(ok->body)["choices"][0]["message"]["content"] == "好的");
  CHECK(server.requests() == 3);

  SECTION("set_handler replaces the script for later requests") {
    server.set_handler([](const json&, int) {
      FakeReply r;
      r.status = 401;
      r.body = R"({"error":{"message":"bad key"}})";
      return r;
    });
    auto refused = post_chat(server.port(), chat_request("d"));
    REQUIRE(refused);
    CHECK(refused->status == 401);
  }

  SECTION("a handler that throws becomes a 500 that says so") {
    server.set_handler([](const json&, int) -> FakeReply { throw std::runtime_error("scripted failure"); });
    auto thrown = post_chat(server.port(), chat_request("e"));
    REQUIRE(thrown);
    CHECK(thrown->status == 500);
    CHECK(json::parse(thrown->body)["error"]["message"].get<std::string>().find("scripted failure") !=
          std::string::npos);
  }
}

TEST_CASE("FakeOpenAiServer truncates a body so that the client sees it cut short", "[judge]") {
  const std::string full = cc::test::chat_body(std::string(300, 'x'));
  FakeOpenAiServer server([&](const json&, int) {
    FakeReply r;
    r.body = full;
    r.truncate = true;
    return r;
  });

  RawExchange raw = raw_post(server.port(), chat_request("q"));
  CHECK(raw.head.rfind("HTTP/1.1 200", 0) == 0);
  CHECK(declared_length(raw.head) == full.size());
  CHECK(raw.body == full.substr(0, full.size() / 2));
  CHECK(raw.closed_by_server);

  // httplib's own client reads Content-Length bytes, so it must report a failure.
  auto res = post_chat(server.port(), chat_request("q"));
  CHECK_FALSE(res);
  CHECK(server.requests() == 2);
}

TEST_CASE("FakeOpenAiServer counts the most requests in flight at once", "[judge]") {
  FakeOpenAiServer server([](const json& request, int) {
    FakeReply r = cc::test::well_behaved_reply(request);
    r.delay_ms = 400;
    return r;
  });
  constexpr int kClients = 6;
  std::vector<std::thread> clients;
  std::vector<int> statuses(kClients, 0);
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      auto res = post_chat(server.port(), chat_request("问题 " + std::to_string(i)));
      statuses[static_cast<size_t>(i)] = res ? res->status : -1;
    });
  }
  for (auto& t : clients) t.join();
  CHECK(statuses == std::vector<int>(kClients, 200));
  CHECK(server.requests() == kClients);
  CHECK(server.max_in_flight() == kClients);

  // Sequential requests afterwards do not raise the maximum.
  REQUIRE(post_chat(server.port(), chat_request("后来")));
  CHECK(server.max_in_flight() == kClients);
}

TEST_CASE("FakeOpenAiServer's destructor returns promptly while a handler sleeps", "[judge]") {
  auto server = std::make_unique<FakeOpenAiServer>([](const json& request, int) {
    FakeReply r = cc::test::well_behaved_reply(request);
    r.delay_ms = 10000;
    return r;
  });
  int port = server->port();
  int status = 0;
  std::thread client([&] {
    auto res = post_chat(port, chat_request("慢"));
    status = res ? res->status : -1;
  });
  // Wait until the request is inside the handler.
  auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (server->max_in_flight() == 0 && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(server->max_in_flight() == 1);

  auto start = std::chrono::steady_clock::now();
  server.reset();
  auto took = std::chrono::steady_clock::now() - start;
  client.join();
  CHECK(took < std::chrono::seconds(2));
  CHECK(status != 200);  // the sleeping request was not answered as if it had completed
}

TEST_CASE("FakeOpenAiServer's destructor is bounded with an idle connection open", "[judge]") {
  auto server = std::make_unique<FakeOpenAiServer>();
  // A connection that never sends a request holds a worker until the keep-alive timeout.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(server->port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));

  auto start = std::chrono::steady_clock::now();
  server.reset();
  auto took = std::chrono::steady_clock::now() - start;
  ::close(fd);
  CHECK(took < std::chrono::seconds(3));
}

TEST_CASE("FakeOpenAiServer survives a client that hangs up before its answer", "[judge]") {
  // Writing to a closed connection raises SIGPIPE, which would end the whole test run.
  FakeOpenAiServer server([](const json& request, int) {
    FakeReply r = cc::test::well_behaved_reply(request);
    r.body += std::string(256 * 1024, ' ');  // several writes, the later ones after the RST
    r.delay_ms = 200;
    return r;
  });
  for (int i = 0; i < 3; ++i) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(server.port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    std::string body = chat_request("挂断");
    std::string request =
        "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
        body;
    REQUIRE(::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size()));
    ::close(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  auto res = post_chat(server.port(), chat_request("还在吗"));
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(server.requests() == 4);
}
