// CLI tests of generate, judge and eval against a scripted OpenAI-compatible server on
// 127.0.0.1: retries and their bound, refusals, the concurrency bound, resume after
// SIGKILL and Ctrl-C, parse failures never becoming verdicts, the key in no file, dry runs.
#include <catch2/catch.hpp>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "judge/eval_test_repo.h"
#include "judge/llm_cache.h"

namespace fs = std::filesystem;
using namespace cc::test;

namespace {

int count_lines(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  int n = 0;
  while (std::getline(in, line))
    if (!line.empty()) ++n;
  return n;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A response file for both cases of EvalRepo.
std::string write_responses(const EvalRepo& repo) {
  repo.write("answers/m1.jsonl",
             "{\"case_id\":\"CC-0001\",\"response\":\"建议继续服药，监测血压。\"}\n"
             "{\"case_id\":\"CC-0006\",\"response\":\"建议复查糖化血红蛋白。\"}\n");
  return repo.path() + "/answers/m1.jsonl";
}

int64_t cache_size(const EvalRepo& repo) {
  auto cache = cc::judge::LlmCache::open(repo.path() + "/.clinconsensus/cache/llm.sqlite", cc::Lang::En);
  REQUIRE(cache.ok());
  auto n = (*cache)->size();
  REQUIRE(n.ok());
  return *n;
}

bool is_verdict_request(const nlohmann::json& body) { return body.dump().find("criteria_met") != std::string::npos; }

}  // namespace

TEST_CASE("eval runs generate, judge and score and a rerun asks nothing again", "[judge][cli]") {
  FakeOpenAiServer server;
  EvalRepo repo(server);
  auto r =
      run_cli({"eval", "--endpoint", "cand", "--judge", "judge", "-q", "--bootstrap", "50"}, repo.path(), repo.env());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(count_lines(repo.path() + "/results/responses/cand.jsonl") == 2);
  CHECK(count_lines(repo.path() + "/results/verdicts/cand.jsonl") == 60);
  CHECK(count_lines(repo.path() + "/results/judge_errors.jsonl") == 0);
  CHECK(fs::exists(repo.path() + "/results/summary.csv"));
  CHECK(fs::exists(repo.path() + "/results/judge_manifest.json"));
  CHECK(r.out.find("cand") != std::string::npos);
  CHECK(server.requests() == 62);
  std::string first = slurp(repo.path() + "/results/verdicts/cand.jsonl");

  auto again =
      run_cli({"eval", "--endpoint", "cand", "--judge", "judge", "-q", "--bootstrap", "50"}, repo.path(), repo.env());
  REQUIRE(again.exit_code == 0);
  CHECK(server.requests() == 62);  // everything from the cache
  CHECK(slurp(repo.path() + "/results/verdicts/cand.jsonl") == first);

  // Every verdict row has the verdict schema's fields, the judge's name and a boolean.
  std::ifstream in(repo.path() + "/results/verdicts/cand.jsonl");
  std::string line;
  std::getline(in, line);
  auto row = nlohmann::json::parse(line);
  CHECK(row["model"] == "cand");
  CHECK(row["judge"] == "judge");
  CHECK(row["criteria_met"].is_boolean());
  CHECK(row["explanation"].is_string());
}

TEST_CASE("the API key is sent to the server and written to no file", "[judge][cli]") {
  FakeOpenAiServer server;
  EvalRepo repo(server);
  auto r =
      run_cli({"eval", "--endpoint", "cand", "--judge", "judge", "-q", "--bootstrap", "20"}, repo.path(), repo.env());
  REQUIRE(r.exit_code == 0);
  REQUIRE(!server.authorizations().empty());
  CHECK(server.authorizations().front() == std::string("Bearer ") + kTestKey);
  CHECK(r.out.find(kTestKey) == std::string::npos);
  CHECK(r.err.find(kTestKey) == std::string::npos);
  for (const auto& e : fs::recursive_directory_iterator(repo.path())) {
    if (!e.is_regular_file()) continue;
    INFO(e.path().string());
    CHECK(slurp(e.path().string()).find(kTestKey) == std::string::npos);
  }
}

TEST_CASE("a missing key variable is a usage error naming the variable", "[judge][cli]") {
  FakeOpenAiServer server;
  EvalRepo repo(server);
  auto r = run_cli({"generate", "--endpoint", "cand", "-q"}, repo.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("CC_TEST_KEY") != std::string::npos);
  CHECK(server.requests() == 0);
}

// Regression: generate's refusals were English whatever --lang said.
TEST_CASE("generate's refusals under zh are Chinese: the key variable, the id list", "[judge][cli]") {
  FakeOpenAiServer server;
  EvalRepo repo(server);
  auto key = run_cli({"--lang", "zh", "generate", "--endpoint", "cand", "-q"}, repo.path());
  CHECK(key.exit_code == 2);
  CHECK_THAT(key.err, Catch::Contains("端点“cand”从 $CC_TEST_KEY 读取密钥，但该变量未设置"));
  repo.write("ids.txt", "CC-9999\n");
  auto ids =
      run_cli({"--lang", "zh", "generate", "--endpoint", "cand", "--ids", "ids.txt", "-q"}, repo.path(), repo.env());
  CHECK_THAT(ids.err,
             Catch::Contains("id 列表中有基准里没有的病例：") && Catch::Contains("ids.txt:1: 基准中没有病例 CC-9999"));
  CHECK_THAT(key.err + ids.err, !Catch::Contains("not set") && !Catch::Contains("no case"));
  CHECK(server.requests() == 0);
}

TEST_CASE("401 stops the run at once with exit 2 and the server's text, key redacted", "[judge][cli]") {
  FakeOpenAiServer server([](const nlohmann::json&, int) {
    FakeReply r;
    r.status = 401;
    r.body = std::string(R"({"error":{"message":"Incorrect API key provided: )") + kTestKey + R"("}})";
    return r;
  });
  EvalRepo repo(server);
  auto r = run_cli({"judge", "--responses", write_responses(repo), "--judge", "judge", "-q"}, repo.path(), repo.env());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("401") != std::string::npos);
  CHECK(r.err.find("Incorrect API key provided") != std::string::npos);
  CHECK(r.err.find("judge") != std::string::npos);
  CHECK(r.err.find(kTestKey) == std::string::npos);
  CHECK(r.err.find("[redacted]") != std::string::npos);
  CHECK(server.requests() <= 4);  // what was in flight, never a retry
}

// Regression: the endpoint's refusal was said in English under zh; the server's own text
// stays in its words after ours.
TEST_CASE("a refused request under zh is said in Chinese, the server's text after it", "[judge][cli][locale]") {
  FakeOpenAiServer server([](const nlohmann::json&, int) {
    FakeReply r;
    r.status = 401;
    r.body = R"({"error":{"message":"Incorrect API key provided"}})";
    return r;
  });
  EvalRepo repo(server);
  auto r = run_cli({"--lang", "zh", "judge", "--responses", write_responses(repo), "--judge", "judge", "-q"}, repo.path(),
                   repo.env());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("端点“judge”（") && Catch::Contains("）拒绝了请求：HTTP 401：Incorrect API key provided"));
  CHECK_THAT(r.err, !Catch::Contains("refused the request"));
}

// Regression: the summary at the end of a judge or generate run was English under zh.
TEST_CASE("judge's and generate's summaries under zh are in Chinese", "[judge][cli][locale]") {
  FakeOpenAiServer server;
  EvalRepo repo(server);
  auto judged = run_cli({"--lang", "zh", "judge", "--responses", write_responses(repo), "--judge", "judge"}, repo.path(),
                        repo.env());
  INFO(judged.out << judged.err);
  REQUIRE(judged.exit_code == 0);
  CHECK_THAT(judged.out + judged.err, Catch::Contains("条评分结果；") && Catch::Contains("个 token，费用"));
  CHECK_THAT(judged.out + judged.err, !Catch::Contains("verdicts written") && !Catch::Contains("tokens, cost"));
  auto generated = run_cli({"--lang", "zh", "generate", "--endpoint", "cand"}, repo.path(), repo.env());
  INFO(generated.out << generated.err);
  REQUIRE(generated.exit_code == 0);
  CHECK_THAT(generated.out + generated.err, Catch::Contains("已写入 2 条回答；"));
  CHECK_THAT(generated.out + generated.err, !Catch::Contains("responses written"));
}

// Regression: why a call failed (an HTTP status, an answer without a verdict) was written
// to judge_errors.jsonl in English under zh.
TEST_CASE("judge_errors.jsonl under zh says in Chinese why each call failed", "[judge][cli][locale]") {
  FakeOpenAiServer server([&](const nlohmann::json& body, int) {
    std::string text = body["messages"][0]["content"];
    FakeReply r;
    if (text.find("建议继续服药") != std::string::npos) {
      r.status = 500;
      r.body = R"({"error":{"message":"boom"}})";
    } else {
      r.body = chat_body("I cannot tell.");
    }
    return r;
  });
  EvalRepo repo(server, {.max_retries = 0, .extra = "    circuit_breaker: {failures: 1000, pause_s: 0}\n"});
  std::string responses = write_responses(repo);
  auto zh = run_cli({"--lang", "zh", "judge", "--responses", responses, "--judge", "judge", "-q"}, repo.path(),
                    repo.env());
  INFO(zh.out << zh.err);
  CHECK(zh.exit_code == 1);
  std::string errors = slurp(repo.path() + "/results/judge_errors.jsonl");
  CHECK_THAT(errors, Catch::Contains("HTTP 500：boom") && Catch::Contains("评审的回答中没有完整的 JSON 对象（14 字节）"));
  CHECK_THAT(errors, !Catch::Contains("HTTP 500: boom") && !Catch::Contains("holds no complete JSON"));
  auto en = run_cli({"judge", "--responses", responses, "--judge", "judge", "-q"}, repo.path(), repo.env());
  CHECK(en.exit_code == 1);
  std::string english = slurp(repo.path() + "/results/judge_errors.jsonl");
  CHECK_THAT(english, Catch::Contains("HTTP 500: boom") &&
                          Catch::Contains("the judge's answer holds no complete JSON object (14 bytes)"));
}

TEST_CASE("5xx is retried max_retries times, then the item is an error, never a false verdict", "[judge][cli]") {
  std::atomic<int> calls{0};
  // Criteria of CC-0001 always fail; the rest are answered.
  FakeOpenAiServer server([&](const nlohmann::json& body, int) {
    ++calls;
    std::string text = body["messages"][0]["content"];
    if (text.find("建议继续服药") != std::string::npos) {
      FakeReply r;
      r.status = 500;
      r.body = R"({"error":{"message":"boom"}})";
      return r;
    }
    return well_behaved_reply(body);
  });
  EvalRepo repo(server, {.extra = "    circuit_breaker: {failures: 1000, pause_s: 0}\n"});
  auto r = run_cli({"judge", "--responses", write_responses(repo), "--judge", "judge", "-q"}, repo.path(), repo.env());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(count_lines(repo.path() + "/results/judge_errors.jsonl") == 30);
  CHECK(count_lines(repo.path() + "/results/verdicts/m1.jsonl") == 30);
  CHECK(slurp(repo.path() + "/results/verdicts/m1.jsonl").find("CC-0001") == std::string::npos);
  CHECK(calls.load() == 30 * 3 + 30);  // 1 attempt + max_retries 2 for each failing item
  auto err = nlohmann::json::parse(slurp(repo.path() + "/results/judge_errors.jsonl")
                                       .substr(0, slurp(repo.path() + "/results/judge_errors.jsonl").find('\n')));
  CHECK(err["attempts"] == 3);
  CHECK(err["error"].get<std::string>().find("500") != std::string::npos);

  // score then reports the items as missing rather than not met.
  auto s = run_cli({"score", "--verdicts", repo.path() + "/results/verdicts", "--out", repo.path() + "/scores", "-q"},
                   repo.path());
  CHECK(s.exit_code == 1);
}

TEST_CASE("429 with Retry-After is waited for, then answered", "[judge][cli]") {
  std::mutex mu;
  std::map<std::string, std::vector<std::chrono::steady_clock::time_point>> seen;
  FakeOpenAiServer server([&](const nlohmann::json& body, int) {
    std::string key = body["messages"][0]["content"];
    std::lock_guard<std::mutex> lock(mu);
    auto& times = seen[key];
    times.push_back(std::chrono::steady_clock::now());
    if (times.size() == 1) {
      FakeReply r;
      r.status = 429;
      r.headers["Retry-After"] = "1";
      r.body = R"({"error":{"message":"rate limited"}})";
      return r;
    }
    return well_behaved_reply(body);
  });
  EvalRepo repo(server);
  repo.write("one.jsonl", "{\"case_id\":\"CC-0001\",\"model\":\"m\",\"response\":\"建议复查。\"}\n");
  auto r = run_cli({"judge", "--responses", "one.jsonl", "--judge", "judge", "-q"}, repo.path(), repo.env());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(count_lines(repo.path() + "/results/verdicts/m.jsonl") == 30);
  for (const auto& [k, times] : seen) {
    REQUIRE(times.size() == 2);
    CHECK(times[1] - times[0] >= std::chrono::milliseconds(950));
  }
}

TEST_CASE("never more requests in flight than max_concurrency", "[judge][cli]") {
  FakeOpenAiServer server([](const nlohmann::json& body, int) {
    FakeReply r = well_behaved_reply(body);
    r.delay_ms = 30;
    return r;
  });
  EvalRepo repo(server, {.max_concurrency = 3});
  auto r = run_cli({"judge", "--responses", write_responses(repo), "--judge", "judge", "-q"}, repo.path(), repo.env());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(server.requests() == 60);
  CHECK(server.max_in_flight() <= 3);
  CHECK(server.max_in_flight() >= 2);  // the bound is used, not just respected
}

TEST_CASE("answers that are not a verdict end in judge_errors, never as false", "[judge][cli]") {
  FakeOpenAiServer server([](const nlohmann::json& body, int) {
    std::string text = body["messages"][0]["content"];
    FakeReply r = well_behaved_reply(body);
    // The criteria of CC-0006 get prose, or a string where a boolean belongs.
    if (text.find("糖化血红蛋白") != std::string::npos)
      r.body =
          chat_body(text.size() % 2 ? "我认为该回答基本满足要求。" : R"({"explanation":"满足","criteria_met":"true"})");
    return r;
  });
  EvalRepo repo(server);
  auto r = run_cli({"judge", "--responses", write_responses(repo), "--judge", "judge", "-q"}, repo.path(), repo.env());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(count_lines(repo.path() + "/results/judge_errors.jsonl") == 30);
  std::string verdicts = slurp(repo.path() + "/results/verdicts/m1.jsonl");
  CHECK(verdicts.find("CC-0006") == std::string::npos);
  CHECK(count_lines(repo.path() + "/results/verdicts/m1.jsonl") == 30);
  CHECK(server.requests() == 30 + 30 * 3);
}

TEST_CASE("thinking output, reasoning_content and truncated bodies are handled", "[judge][cli]") {
  std::atomic<int> truncated{0};
  FakeOpenAiServer server([&](const nlohmann::json& body, int call) {
    FakeReply r = well_behaved_reply(body);
    auto content = nlohmann::json::parse(r.body)["choices"][0]["message"]["content"].get<std::string>();
    if (call % 3 == 0)
      r.body = chat_body("<think>先逐条分析标准……</think>\n" + content);
    else if (call % 3 == 1)
      r.body = chat_body("```json\n" + content + "\n```", "推理过程");
    if (call % 10 == 5 && truncated++ < 3) r.truncate = true;
    return r;
  });
  EvalRepo repo(server);
  auto r = run_cli({"judge", "--responses", write_responses(repo), "--judge", "judge", "-q"}, repo.path(), repo.env());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(count_lines(repo.path() + "/results/verdicts/m1.jsonl") == 60);
  CHECK(truncated.load() >= 1);
  CHECK(server.requests() == 60 + std::min(truncated.load(), 3));
}

TEST_CASE("a timeout is retried and then reported", "[judge][cli]") {
  FakeOpenAiServer server([](const nlohmann::json& body, int) {
    FakeReply r = well_behaved_reply(body);
    r.delay_ms = 3000;
    return r;
  });
  EvalRepo repo(server, {.max_concurrency = 30,
                         .max_retries = 1,
                         .timeout_s = 0.3,
                         .extra = "    circuit_breaker: {failures: 1000, pause_s: 0}\n"});
  repo.write("one.jsonl", "{\"case_id\":\"CC-0001\",\"model\":\"m\",\"response\":\"建议复查。\"}\n");
  auto r = run_cli({"judge", "--responses", "one.jsonl", "--judge", "judge", "-q"}, repo.path(), repo.env());
  CHECK(r.exit_code == 1);
  std::string errors = slurp(repo.path() + "/results/judge_errors.jsonl");
  CHECK(count_lines(repo.path() + "/results/judge_errors.jsonl") == 30);
  CHECK(errors.find("imeout") != std::string::npos);
  CHECK(nlohmann::json::parse(errors.substr(0, errors.find('\n')))["attempts"] == 2);  // one retry, then given up
}

TEST_CASE("the circuit breaker pauses, then stops a run against a failing endpoint", "[judge][cli]") {
  FakeOpenAiServer server([](const nlohmann::json&, int) {
    FakeReply r;
    r.status = 503;
    r.body = R"({"error":{"message":"overloaded"}})";
    return r;
  });
  EvalRepo repo(
      server, {.max_concurrency = 1, .max_retries = 50, .extra = "    circuit_breaker: {failures: 3, pause_s: 0.2}\n"});
  auto r = run_cli({"judge", "--responses", write_responses(repo), "--judge", "judge", "-q"}, repo.path(), repo.env());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("in a row") != std::string::npos);
  CHECK(server.requests() == 4);  // three failures, the pause, one probe
  CHECK(count_lines(repo.path() + "/results/judge_errors.jsonl") == 60);
}

TEST_CASE("dry run counts the calls still needed and sends nothing", "[judge][cli]") {
  FakeOpenAiServer server;
  EvalRepo repo(server, {.extra = "    price_per_million_tokens: {input: 2, output: 8}\n"});
  std::string responses = write_responses(repo);
  auto dry = run_cli({"judge", "--responses", responses, "--judge", "judge", "--dry-run"}, repo.path());
  INFO(dry.out << dry.err);
  REQUIRE(dry.exit_code == 0);  // needs no key
  CHECK(dry.out.find("60 of 60 calls still needed") != std::string::npos);
  CHECK(dry.out.find("estimated cost") != std::string::npos);
  CHECK(server.requests() == 0);
  CHECK(!fs::exists(repo.path() + "/results/verdicts"));

  repo.write("first.jsonl", "{\"case_id\":\"CC-0001\",\"model\":\"m1\",\"response\":\"建议继续服药，监测血压。\"}\n");
  REQUIRE(
      run_cli({"judge", "--responses", "first.jsonl", "--judge", "judge", "-q"}, repo.path(), repo.env()).exit_code ==
      0);
  auto after = run_cli({"judge", "--responses", responses, "--judge", "judge", "--dry-run"}, repo.path());
  CHECK(after.out.find("30 of 60 calls still needed (30 in the cache)") != std::string::npos);
}

// Regression: the lines --dry-run prints were English under zh.
TEST_CASE("judge's and generate's dry runs under zh are in Chinese, and English under en", "[judge][cli][locale]") {
  FakeOpenAiServer server;
  EvalRepo repo(server, {.extra = "    price_per_million_tokens: {input: 2, output: 8}\n"});
  std::string responses = write_responses(repo);
  auto judged = run_cli({"--lang", "zh", "judge", "--responses", responses, "--judge", "judge", "--dry-run"}, repo.path());
  INFO(judged.out << judged.err);
  REQUIRE(judged.exit_code == 0);
  CHECK_THAT(judged.out, Catch::Contains("judge judge：仍需 60 次调用（共 60 次，缓存中已有 0 次）") &&
                             Catch::Contains("估计费用") && Catch::Contains("合计：60 次调用") &&
                             Catch::Contains("每条评分结果另加 150 个输出 token"));
  CHECK_THAT(judged.out, !Catch::Contains("calls still needed") && !Catch::Contains("estimated cost") &&
                             !Catch::Contains("tokens estimated as"));
  auto generated = run_cli({"--lang", "zh", "generate", "--endpoint", "cand", "--dry-run"}, repo.path());
  INFO(generated.out << generated.err);
  REQUIRE(generated.exit_code == 0);
  CHECK_THAT(generated.out, Catch::Contains("generate cand：仍需 2 次调用（共 2 次，缓存中已有 0 次）") &&
                                Catch::Contains("输出按每条回答 800 个计"));
  CHECK_THAT(generated.out, !Catch::Contains("calls still needed") && !Catch::Contains("input tokens estimated"));
  auto english = run_cli({"generate", "--endpoint", "cand", "--dry-run"}, repo.path());
  CHECK_THAT(english.out, Catch::Contains("generate cand: 2 of 2 calls still needed (0 in the cache), about ") &&
                              Catch::Contains("output as 800 per answer, at most max_tokens)"));
  auto total = run_cli({"judge", "--responses", responses, "--judge", "judge", "--dry-run"}, repo.path());
  CHECK_THAT(total.out, Catch::Contains("total: 60 calls, about ") &&
                            Catch::Contains("plus 150 output tokens per verdict; cost from price_per_million_tokens)"));
  CHECK(server.requests() == 0);
}

TEST_CASE("bad response rows are listed with their lines and nothing is judged", "[judge][cli]") {
  FakeOpenAiServer server;
  EvalRepo repo(server);
  repo.write("bad.jsonl",
             "{\"case_id\":\"CC-0001\",\"response\":\"好\"}\n"
             "{\"case_id\":\"CC-9999\",\"response\":\"好\"}\n"
             "{\"case_id\":\"CC-0006\",\"response\":\"  \"}\n"
             "{\"case_id\":\"CC-0001\",\"response\":\"又一次\"}\n"
             "not json\n");
  auto r = run_cli({"judge", "--responses", "bad.jsonl", "--judge", "judge", "-q"}, repo.path(), repo.env());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("bad.jsonl:2: no case CC-9999") != std::string::npos);
  CHECK(r.err.find("bad.jsonl:3:") != std::string::npos);
  CHECK(r.err.find("bad.jsonl:4:") != std::string::npos);
  CHECK(r.err.find("bad.jsonl:1") != std::string::npos);  // the first of the duplicates is named
  CHECK(r.err.find("bad.jsonl:5: not a JSON object") != std::string::npos);
  CHECK(server.requests() == 0);
}

TEST_CASE("endpoint settings are checked: schema, credentials in the URL, plain http", "[judge][cli]") {
  FakeOpenAiServer server;
  {
    EvalRepo repo(server, {.extra = "    max_retries_typo: 3\n"});
    auto r = run_cli({"generate", "--endpoint", "cand", "-q"}, repo.path(), repo.env());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("clinconsensus.yaml:") != std::string::npos);
    CHECK(r.err.find("max_retries_typo") != std::string::npos);
  }
  {
    EvalRepo repo(server);
    std::string cfg = repo.read("clinconsensus.yaml");
    std::string url = server.base_url();
    std::string with_user = cfg;
    with_user.replace(with_user.find(url), url.size(),
                      "http://user:pw@127.0.0.1:" + std::to_string(server.port()) + "/v1");
    repo.write("clinconsensus.yaml", with_user);
    auto r = run_cli({"generate", "--endpoint", "cand", "-q"}, repo.path(), repo.env());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("credentials") != std::string::npos);
    std::string remote = cfg;
    remote.replace(remote.find(url), url.size(), "http://10.1.2.3/v1");
    repo.write("clinconsensus.yaml", remote);
    r = run_cli({"generate", "--endpoint", "cand", "-q"}, repo.path(), repo.env());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("allow_insecure") != std::string::npos);
    r = run_cli({"generate", "--endpoint", "nope", "-q"}, repo.path(), repo.env());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("declared: cand, judge") != std::string::npos);
    // Under zh the refusals are Chinese (regression: they were English whatever --lang said).
    repo.write("clinconsensus.yaml", remote);
    r = run_cli({"--lang", "zh", "generate", "--endpoint", "cand", "-q"}, repo.path(), repo.env());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("端点“cand”：base_url“http://10.1.2.3/v1”以明文 http:// 连接 10.1.2.3"));
    CHECK_THAT(r.err, !Catch::Contains("unencrypted"));
    r = run_cli({"--lang", "zh", "generate", "--endpoint", "nope", "-q"}, repo.path(), repo.env());
    CHECK_THAT(r.err, Catch::Contains("clinconsensus.yaml 中没有端点“nope”（已声明：cand, judge）"));
  }
  CHECK(server.requests() == 0);
}

TEST_CASE("a run killed with SIGKILL resumes without asking an answered request again", "[judge][cli]") {
  FakeOpenAiServer server([](const nlohmann::json& body, int) {
    FakeReply r = well_behaved_reply(body);
    r.delay_ms = 20;
    return r;
  });
  EvalRepo repo(server, {.max_concurrency = 2});
  std::string responses = write_responses(repo);
  {
    CliProcess p({"judge", "--responses", responses, "--judge", "judge", "-q"}, repo.path(), repo.env());
    for (int i = 0; i < 500 && server.requests() < 20; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    p.signal(SIGKILL);
    CHECK(p.wait().exit_code == 128 + SIGKILL);
  }
  int before = server.requests();
  int64_t stored = cache_size(repo);
  CHECK(stored >= 10);
  CHECK(stored < 60);
  CHECK(!fs::exists(repo.path() + "/results/verdicts/m1.jsonl"));
  auto r = run_cli({"judge", "--responses", responses, "--judge", "judge", "-q"}, repo.path(), repo.env());
  REQUIRE(r.exit_code == 0);
  CHECK(server.requests() - before == 60 - stored);
  CHECK(count_lines(repo.path() + "/results/verdicts/m1.jsonl") == 60);
}

TEST_CASE("Ctrl-C stores what is in flight, exits 130 and the same command resumes", "[judge][cli]") {
  FakeOpenAiServer server([](const nlohmann::json& body, int) {
    FakeReply r = well_behaved_reply(body);
    r.delay_ms = 50;
    return r;
  });
  EvalRepo repo(server, {.max_concurrency = 2});
  std::string responses = write_responses(repo);
  CliProcess p({"judge", "--responses", responses, "--judge", "judge"}, repo.path(), repo.env());
  for (int i = 0; i < 500 && server.requests() < 10; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  p.signal(SIGINT);
  auto r = p.wait();
  CHECK(r.exit_code == 130);
  CHECK(r.err.find("run the same command again") != std::string::npos);
  int sent = server.requests();
  int64_t stored = cache_size(repo);
  CHECK(stored == sent);  // every request sent was answered and stored
  auto again = run_cli({"judge", "--responses", responses, "--judge", "judge", "-q"}, repo.path(), repo.env());
  REQUIRE(again.exit_code == 0);
  CHECK(server.requests() - sent == 60 - stored);
}

TEST_CASE("two runs on one output folder: the second is refused while the first runs", "[judge][cli]") {
  FakeOpenAiServer server([](const nlohmann::json& body, int) {
    FakeReply r = well_behaved_reply(body);
    r.delay_ms = 50;
    return r;
  });
  EvalRepo repo(server, {.max_concurrency = 1});
  std::string responses = write_responses(repo);
  CliProcess first({"judge", "--responses", responses, "--judge", "judge", "-q"}, repo.path(), repo.env());
  for (int i = 0; i < 500 && server.requests() < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  auto second = run_cli({"judge", "--responses", responses, "--judge", "judge", "-q"}, repo.path(), repo.env());
  CHECK(second.exit_code == 2);
  CHECK(second.err.find("another clinconsensus run") != std::string::npos);
  CHECK(first.wait().exit_code == 0);
}

TEST_CASE("per-case mode asks once per response and gives one verdict per criterion", "[judge][cli]") {
  FakeOpenAiServer server;
  EvalRepo repo(server, {.judge_mode = "per-case"});
  auto r = run_cli({"judge", "--responses", write_responses(repo), "--judge", "judge", "-q"}, repo.path(), repo.env());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(server.requests() == 2);
  CHECK(count_lines(repo.path() + "/results/verdicts/m1.jsonl") == 60);
}
