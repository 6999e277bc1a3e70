// `cat` against the loopback OpenAI-compatible server: the most informative case first,
// and the two stopping rules.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "judge/eval_test_repo.h"
#include "judge/fake_openai_server.h"

using namespace cc::test;

namespace {

// Case items for the two cases of the test repository: CC-0006 informative at θ = 0,
// CC-0001 only far above it.
void write_items(const EvalRepo& repo) {
  repo.write("calib/items.csv",
             "item,discrimination,difficulty,intercept,case_id,trials\n"
             "CC-0001,0.5,3,-1.5,CC-0001,30\n"
             "CC-0006,1.5,0,0,CC-0006,30\n");
}

}  // namespace

TEST_CASE("cat asks the most informative case first and stops at the budget", "[irt][cli]") {
  FakeOpenAiServer server;
  EvalRepo repo(server);
  write_items(repo);
  auto r = run_cli({"cat", "--endpoint", "cand", "--judge", "judge", "--items", "calib/items.csv", "--budget", "2",
                    "--target-se", "0.01", "-q", "--out", "out"},
                   repo.path(), repo.env());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(repo.read("out/cat.json"));
  REQUIRE(j["steps"].size() == 2);
  CHECK(j["steps"][0]["case_id"] == "CC-0006");
  CHECK(j["steps"][1]["case_id"] == "CC-0001");
  CHECK(j["steps"][0]["judged"] > 0);
  CHECK(j["stop"].get<std::string>().find("budget of 2 cases") != std::string::npos);
  CHECK(j["estimate"]["rubric_accuracy_pct"].get<double>() >= 0);
  CHECK(repo.read("out/cat_ids.txt") == "CC-0006\nCC-0001\n");
  CHECK(repo.read("out/verdicts/cand.jsonl").find("\"case_id\":\"CC-0001\"") != std::string::npos);
  CHECK(repo.read("out/verdicts/cand.jsonl").find(kTestKey) == std::string::npos);

  SECTION("a rerun comes from the cache") {
    const int before = server.requests();
    auto again = run_cli({"cat", "--endpoint", "cand", "--judge", "judge", "--items", "calib/items.csv", "--budget",
                          "2", "--target-se", "0.01", "-q", "--out", "out"},
                         repo.path(), repo.env());
    CHECK(again.exit_code == 0);
    CHECK(server.requests() == before);
  }
}

TEST_CASE("cat stops when the ability's SE reaches the target", "[irt][cli]") {
  FakeOpenAiServer server;
  EvalRepo repo(server);
  write_items(repo);
  auto r = run_cli({"cat", "--endpoint", "cand", "--judge", "judge", "--items", "calib/items.csv", "--target-se", "0.9",
                    "-q", "--out", "out"},
                   repo.path(), repo.env());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(repo.read("out/cat.json"));
  CHECK(j["steps"].size() == 1);
  CHECK(j["stop"].get<std::string>().find("reached the target 0.9") != std::string::npos);
  CHECK(r.out.find("ability ") != std::string::npos);
}
