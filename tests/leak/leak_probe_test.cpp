// `clinconsensus leak --probe ENDPOINT` against the loopback OpenAI-compatible server: a
// model that continues a public-tier case word for word is listed, one that answers
// something else is not, cases outside the public tier are never sent, answers come from
// the cache on a rerun, and an endpoint refusing exits 2.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "judge/eval_test_repo.h"

using namespace cc::test;

namespace {

std::string set_field(std::string yaml, const std::string& key, const std::string& value) {
  size_t at = yaml.find("\n" + key + ": ");
  REQUIRE(at != std::string::npos);
  size_t end = yaml.find('\n', at + 1);
  return yaml.replace(at + 1, end - at - 1, key + ": " + value);
}

// A repository where CC-0001 and CC-0006 are both approved and of the public tier.
void make_public(const EvalRepo& repo) {
  for (const char* rel : {"cases/cardiology/CC-0001.yaml", "cases/endocrinology/CC-0006.yaml"})
    repo.write(rel, set_field(set_field(repo.read(rel), "status", "approved"), "difficulty", "low"));
}

std::string user_message(const nlohmann::json& request) {
  return request["messages"].back()["content"].get<std::string>();
}

// A model that has memorised CC-0006: it finds where the prompt stops in the case file
// and goes on from there to the end of the user_request. Other prompts get a usual answer.
FakeOpenAiServer::Handler memorising(const std::string& case_file) {
  return [case_file](const nlohmann::json& request, int) -> FakeReply {
    std::string prompt = user_message(request);
    std::string tail = prompt.substr(prompt.size() - 18);  // six characters
    size_t at = case_file.find(tail);
    if (at == std::string::npos) return well_behaved_reply(request);
    size_t from = at + tail.size(), to = case_file.find("\nauthors:", from);
    return FakeReply{200, chat_body(case_file.substr(from, to - from)), {}};
  };
}

}  // namespace

TEST_CASE("leak --probe lists the case a model continues word for word", "[leak][cli][judge]") {
  FakeOpenAiServer server;
  EvalRepo repo(server);
  make_public(repo);
  server.set_handler(memorising(repo.read("cases/endocrinology/CC-0006.yaml")));
  auto r = run_cli({"leak", "--probe", "cand", "--format", "json", "-q"}, repo.path(), repo.env());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 1);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["cases_probed"] == 2);
  REQUIRE(j["cases"].size() == 1);
  CHECK(j["cases"][0]["case_id"] == "CC-0006");
  CHECK(j["cases"][0]["lcs"].get<double>() > 0.95);
  CHECK(j["cases"][0]["ngrams"].get<double>() > 0.9);
  CHECK(server.requests() == 2);
  // The prompt is the first half of the query, not the whole of it.
  for (const auto& body : server.bodies()) CHECK(user_message(body).find("请逐字续写") == 0);

  auto again = run_cli({"leak", "--probe", "cand", "-q"}, repo.path(), repo.env());
  CHECK(again.exit_code == 1);
  CHECK(server.requests() == 2);  // from the cache
  CHECK(again.out.find("CC-0006  LCS") != std::string::npos);
}

TEST_CASE("leak --probe: only the public tier is sent; a model that answers otherwise passes", "[leak][cli][judge]") {
  FakeOpenAiServer server;
  EvalRepo repo(server);
  // Only CC-0006 is low tier; make it approved.
  const std::string rel = "cases/endocrinology/CC-0006.yaml";
  repo.write(rel, set_field(repo.read(rel), "status", "approved"));
  auto r = run_cli({"leak", "--probe", "cand", "-q", "--no-cache"}, repo.path(), repo.env());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(server.requests() == 1);
  CHECK(r.out.find("1 public-tier cases: 0 at or over") != std::string::npos);
}

TEST_CASE("leak --probe: a refusing endpoint or an unknown one exits 2", "[leak][cli][judge]") {
  FakeOpenAiServer server([](const nlohmann::json&, int) {
    return FakeReply{401, R"({"error":{"message":"bad key"}})", {}};
  });
  EvalRepo repo(server);
  make_public(repo);
  auto r = run_cli({"leak", "--probe", "cand", "-q"}, repo.path(), repo.env());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("401") != std::string::npos);
  CHECK(run_cli({"leak", "--probe", "nowhere", "-q"}, repo.path(), repo.env()).exit_code == 2);
  CHECK(run_cli({"leak", "--probe", "cand", "--corpus", "x"}, repo.path(), repo.env()).exit_code == 2);
}

TEST_CASE("leak --probe --dry-run says what would be sent and sends nothing", "[leak][cli][judge]") {
  FakeOpenAiServer server;
  EvalRepo repo(server, {.extra = "    price_per_million_tokens: {input: 2, output: 8}\n"});
  make_public(repo);
  // No key in the environment: a dry run needs none.
  auto r = run_cli({"leak", "--probe", "cand", "--dry-run"}, repo.path());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(server.requests() == 0);
  CHECK(r.out.find("cand (" + server.base_url() + "/chat/completions) would be probed with 2 public-tier cases") !=
        std::string::npos);
  CHECK(r.out.find("2 calls still needed (0 in the cache)") != std::string::npos);
  CHECK(r.out.find("estimated cost 0.0") != std::string::npos);
  const size_t first = r.out.find("first prompt (CC-0001):\n请逐字续写");
  CHECK(first != std::string::npos);

  auto j = run_cli({"leak", "--probe", "cand", "--dry-run", "--format", "json"}, repo.path());
  REQUIRE(j.exit_code == 0);
  auto doc = nlohmann::json::parse(j.out);
  CHECK(doc["dry_run"] == true);
  CHECK(doc["endpoint"] == "cand");
  CHECK(doc["cases"] == 2);
  CHECK(doc["calls_needed"] == 2);
  CHECK(doc["estimated_input_tokens"].get<int64_t>() > 0);
  CHECK(doc["estimated_cost"].get<double>() > 0);
  CHECK(doc["first_case_id"] == "CC-0001");
  // The prompt is the instruction and the first half of the case's query: its opening is
  // in the case file, its end is not the end of the query.
  const std::string prompt = doc["first_prompt"];
  const std::string case_file = repo.read("cases/cardiology/CC-0001.yaml");
  const std::string tail = prompt.substr(prompt.size() - 18);
  CHECK(case_file.find(tail) != std::string::npos);
  CHECK(server.requests() == 0);

  // Once the answers are in the cache, a dry run counts them there.
  REQUIRE(run_cli({"leak", "--probe", "cand", "-q"}, repo.path(), repo.env()).exit_code == 0);
  CHECK(server.requests() == 2);
  auto after = run_cli({"leak", "--probe", "cand", "--dry-run"}, repo.path());
  CHECK(after.out.find("0 calls still needed (2 in the cache)") != std::string::npos);
  CHECK(server.requests() == 2);
  // --dry-run belongs to the probe.
  CHECK(run_cli({"leak", "--corpus", "x", "--dry-run"}, repo.path()).exit_code == 2);
}
