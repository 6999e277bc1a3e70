// Two judges at once: both judge every item (or the second a stratified sample), every
// row names its judge, and judge.policy forms the final verdicts — the first judge's,
// only agreed ones, or disagreements escalated to an arbiter or left for physicians,
// never filled in as false. Loopback servers that differ on a known share of items.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <mutex>

#include "judge/dual_judge_support.h"
#include "judge/eval_test_repo.h"
#include "judge/judge_policy.h"

using namespace cc::test;

namespace {

// Criteria where the two maps both have a verdict and differ.
size_t differing(const std::map<std::pair<std::string, std::string>, bool>& a,
                 const std::map<std::pair<std::string, std::string>, bool>& b) {
  size_t n = 0;
  for (const auto& [k, v] : b)
    if (a.count(k) && a.at(k) != v) ++n;
  return n;
}

}  // namespace

TEST_CASE("two judges judge every item and policy primary keeps the first judge's verdicts", "[judge][dual]") {
  TwoJudges t;
  auto& repo = t.repo;
  auto& contrary = t.contrary;
  auto r = t.judge();
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  auto rows = t.rows();
  auto first = verdict_map(rows_of(rows, "judge")), second = verdict_map(rows_of(rows, "second"));
  auto final_rows = rows_of(rows, "final");
  CHECK(first.size() == 60);
  CHECK(second.size() == 60);
  REQUIRE(final_rows.size() == 60);
  REQUIRE(contrary.flipped() > 0);
  CHECK(differing(first, second) == contrary.flipped());
  CHECK(verdict_map(final_rows) == first);
  CHECK(final_rows[0]["policy"] == "primary");
  CHECK(t.missing().empty());

  // score needs a judge named when there are several, and scores the one named.
  auto several = run_cli({"score", "--verdicts", "results/verdicts", "-q", "--out", "s"}, repo.path());
  INFO(several.err);
  CHECK(several.exit_code == 2);
  CHECK(several.err.find("choose one with --judge") != std::string::npos);
  for (const char* judge : {"judge", "second", "final"}) {
    auto s = run_cli({"score", "--verdicts", "results/verdicts", "--judge", judge, "--bootstrap", "20", "-q", "--out",
                      std::string("scores-") + judge},
                     repo.path());
    INFO(judge << s.out << s.err);
    CHECK(s.exit_code == 0);
  }
}

TEST_CASE("policy agreed-only reports the differing items missing, never false", "[judge][dual]") {
  TwoJudges t("agreed-only");
  auto& contrary = t.contrary;
  auto r = t.judge();
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  auto rows = t.rows();
  auto first = verdict_map(rows_of(rows, "judge")), second = verdict_map(rows_of(rows, "second"));
  auto final_map = verdict_map(rows_of(rows, "final"));
  auto missing = t.missing();
  REQUIRE(contrary.flipped() > 0);
  CHECK(missing.size() == contrary.flipped());
  CHECK(final_map.size() == 60 - contrary.flipped());
  for (const auto& m : missing) {
    CHECK(m["reason"] == "differ");
    CHECK(final_map.count({m["case_id"], m["criterion_id"]}) == 0);
    CHECK(m["judge"] != m["second"]);
  }
  for (const auto& [k, v] : final_map) CHECK((first.at(k) == v && second.at(k) == v));
  CHECK(r.out.find("the judges differ") != std::string::npos);

  // score reports the final verdicts incomplete rather than counting them as not met.
  auto s = run_cli({"score", "--verdicts", "results/verdicts", "--judge", "final", "-q", "--out", "s"}, t.repo.path());
  CHECK(s.exit_code == 1);
}

TEST_CASE("policy escalate sends exactly the disagreements to the arbiter", "[judge][dual]") {
  TwoJudges t("escalate");
  auto& contrary = t.contrary;
  ContraryJudge arbiter_rule(1);  // the arbiter contradicts the first judge everywhere
  FakeOpenAiServer c(arbiter_rule.handler());
  t.repo.add_endpoint("arbiter", c);
  auto r = t.judge({"--arbiter", "arbiter"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(contrary.flipped() > 0);
  CHECK(static_cast<size_t>(c.requests()) == contrary.flipped());
  auto rows = t.rows();
  auto first = verdict_map(rows_of(rows, "judge")), second = verdict_map(rows_of(rows, "second"));
  auto arb = verdict_map(rows_of(rows, "arbiter"));
  auto final_rows = rows_of(rows, "final");
  REQUIRE(final_rows.size() == 60);
  CHECK(t.missing().empty());
  size_t from_arbiter = 0;
  for (const auto& f : final_rows) {
    std::pair<std::string, std::string> k{f["case_id"], f["criterion_id"]};
    if (first.at(k) != second.at(k)) {
      ++from_arbiter;
      CHECK(f["source"] == "arbiter");
      CHECK(f["criteria_met"] == arb.at(k));
    } else {
      CHECK(f["criteria_met"] == first.at(k));
    }
  }
  CHECK(from_arbiter == contrary.flipped());

  // A rerun asks nobody anything.
  int before = t.a.requests() + t.b.requests() + c.requests();
  CHECK(t.judge({"--arbiter", "arbiter"}).exit_code == 0);
  CHECK(t.a.requests() + t.b.requests() + c.requests() == before);
}

TEST_CASE("policy escalate without an arbiter leaves disagreements for physician review", "[judge][dual]") {
  TwoJudges t("escalate");
  auto r = t.judge();
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  auto missing = t.missing();
  REQUIRE(t.contrary.flipped() > 0);
  CHECK(missing.size() == t.contrary.flipped());
  for (const auto& m : missing) CHECK(m["reason"] == "review");
  CHECK(rows_of(t.rows(), "final").size() == 60 - t.contrary.flipped());
}

TEST_CASE("judge refuses --arbiter without policy escalate, a third judge and a bad sample", "[judge][dual]") {
  FakeOpenAiServer a;
  EvalRepo repo(a);
  repo.add_endpoint("second", a);
  std::string responses = write_responses(repo);
  auto arb =
      run_cli({"judge", "--responses", responses, "--judge", "judge", "--judge", "second", "--arbiter", "cand", "-q"},
              repo.path(), repo.env());
  CHECK(arb.exit_code == 2);
  CHECK(arb.err.find("judge.policy: escalate") != std::string::npos);
  auto three =
      run_cli({"judge", "--responses", responses, "--judge", "judge", "--judge", "second", "--judge", "cand", "-q"},
              repo.path(), repo.env());
  CHECK(three.exit_code == 2);
  auto sample = run_cli({"judge", "--responses", responses, "--judge", "judge", "--second-judge-sample", "0.5", "-q"},
                        repo.path(), repo.env());
  CHECK(sample.exit_code == 2);
  CHECK(sample.err.find("second judge") != std::string::npos);
  auto zero = run_cli(
      {"judge", "--responses", responses, "--judge", "judge", "--judge", "second", "--second-judge-sample", "0", "-q"},
      repo.path(), repo.env());
  CHECK(zero.exit_code == 2);
  repo.set_judge_policy("majority");
  auto policy = run_cli({"judge", "--responses", responses, "--judge", "judge", "--judge", "second", "-q"}, repo.path(),
                        repo.env());
  CHECK(policy.exit_code == 2);
  CHECK(a.requests() == 0);
}

TEST_CASE("the second judge sample gives the second judge a seeded share of every specialty", "[judge][dual]") {
  FakeOpenAiServer a;
  FakeOpenAiServer b;
  EvalRepo repo(a);
  repo.add_endpoint("second", b);
  repo.set_judge_policy("agreed-only");
  std::string responses = write_responses(repo);
  auto r = run_cli({"judge", "--responses", responses, "--judge", "judge", "--judge", "second", "--second-judge-sample",
                    "0.25", "--seed", "7", "-q"},
                   repo.path(), repo.env());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  auto rows = read_rows(repo.path() + "/results/verdicts/m1.jsonl");
  auto second = rows_of(rows, "second");
  std::map<std::string, size_t> per_case;
  for (const auto& s : second) ++per_case[s["case_id"]];
  // Each case is its own specialty (cardiology, endocrinology): a quarter of each.
  CHECK(per_case.size() == 2);
  for (const auto& [id, n] : per_case) CHECK((n >= 6 && n <= 9));
  CHECK(static_cast<size_t>(b.requests()) == second.size());
  // Items the second judge did not see keep the first judge's verdict, even under agreed-only.
  CHECK(rows_of(rows, "final").size() == 60);
  std::string first_pick;
  for (const auto& s : second) first_pick += s["criterion_id"].get<std::string>();

  // The same seed picks the same items; another seed others.
  std::filesystem::remove_all(repo.path() + "/results");
  auto same = run_cli({"judge", "--responses", responses, "--judge", "judge", "--judge", "second",
                       "--second-judge-sample", "0.25", "--seed", "7", "-q", "--no-cache"},
                      repo.path(), repo.env());
  REQUIRE(same.exit_code == 0);
  std::string again;
  for (const auto& s : rows_of(read_rows(repo.path() + "/results/verdicts/m1.jsonl"), "second"))
    again += s["criterion_id"].get<std::string>();
  CHECK(again == first_pick);
  auto other = run_cli({"judge", "--responses", responses, "--judge", "judge", "--judge", "second",
                        "--second-judge-sample", "0.25", "--seed", "8", "-q", "--out", "other"},
                       repo.path(), repo.env());
  REQUIRE(other.exit_code == 0);
  std::string picked;
  for (const auto& s : rows_of(read_rows(repo.path() + "/other/verdicts/m1.jsonl"), "second"))
    picked += s["criterion_id"].get<std::string>();
  CHECK(picked != first_pick);
}

TEST_CASE("judge --repeat puts the repeat in the cache key and in every row", "[judge][dual]") {
  FakeOpenAiServer a;
  EvalRepo repo(a);
  auto r = run_cli({"judge", "--responses", write_responses(repo), "--judge", "judge", "--repeat", "3", "-q"},
                   repo.path(), repo.env());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(a.requests() == 180);  // three calls per item: the repeat is part of the key
  auto rows = read_rows(repo.path() + "/results/verdicts/m1.jsonl");
  CHECK(rows_of(rows, "judge").size() == 60);
  auto third = rows_of(rows, "judge#3");
  REQUIRE(third.size() == 60);
  CHECK(third[0]["repeat"] == 3);
  CHECK(rows_of(rows, "judge")[0]["repeat"] == 1);
  auto again = run_cli({"judge", "--responses", write_responses(repo), "--judge", "judge", "--repeat", "3", "-q"},
                       repo.path(), repo.env());
  CHECK(again.exit_code == 0);
  CHECK(a.requests() == 180);
}

TEST_CASE("agree --repeats: kappa between repeats and the SD of CACS@k across them", "[judge][dual]") {
  // The third time the judge sees a prompt it changes its mind on a known share of them.
  std::mutex mu;
  std::map<std::string, int> seen;
  size_t changed = 0;
  FakeOpenAiServer a([&](const nlohmann::json& request, int) {
    FakeReply reply = well_behaved_reply(request);
    std::string question = request["messages"].back()["content"];
    std::lock_guard<std::mutex> lock(mu);
    if (++seen[question] != 3 || std::hash<std::string>{}(question) % 5 != 0) return reply;
    auto body = nlohmann::json::parse(reply.body);
    auto verdict = nlohmann::json::parse(body["choices"][0]["message"]["content"].get<std::string>());
    verdict["criteria_met"] = !verdict["criteria_met"].get<bool>();
    body["choices"][0]["message"]["content"] = verdict.dump();
    reply.body = body.dump();
    ++changed;
    return reply;
  });
  EvalRepo repo(a);
  auto r = run_cli({"judge", "--responses", write_responses(repo), "--judge", "judge", "--repeat", "3", "-q"},
                   repo.path(), repo.env());
  REQUIRE(r.exit_code == 0);
  REQUIRE(changed > 0);
  auto ag =
      run_cli({"agree", "--verdicts", "results/verdicts", "--judge", "judge", "--repeats", "--k", "5", "--out", "rep"},
              repo.path());
  INFO(ag.out << ag.err);
  REQUIRE(ag.exit_code == 0);
  CHECK(ag.out.find("judge vs judge#3") != std::string::npos);
  auto rep = nlohmann::json::parse(repo.read("rep/repeatability.json"));
  CHECK(rep["k"] == 5);
  REQUIRE(rep["pairs"].size() == 3);
  CHECK(rep["pairs"][0]["b"] == "judge#2");
  CHECK(rep["pairs"][0]["kappa"] == 1.0);
  CHECK(rep["pairs"][1]["b"] == "judge#3");
  CHECK(rep["pairs"][1]["agreement_pct"].get<double>() == Approx(100.0 * (60 - changed) / 60));
  CHECK(rep["pairs"][1]["kappa"].get<double>() < 1.0);
  REQUIRE(rep["models"].size() == 1);
  auto cacs = rep["models"][0]["cacs_at_k_pct"];
  REQUIRE(cacs.size() == 3);
  CHECK(cacs[0] == cacs[1]);
  double mean = (cacs[0].get<double>() + cacs[1].get<double>() + cacs[2].get<double>()) / 3;
  double ss = 0;
  for (const auto& c : cacs) ss += (c.get<double>() - mean) * (c.get<double>() - mean);
  CHECK(rep["models"][0]["sd"].get<double>() == Approx(std::sqrt(ss / 2)));

  // Without repeats it says what to do.
  auto none = run_cli({"agree", "--verdicts", "results/verdicts", "--judge", "judge#2", "--repeats"}, repo.path());
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("--repeat N") != std::string::npos);
}

TEST_CASE("a dry run with two judges counts each judge's calls and the sample", "[judge][dual]") {
  TwoJudges t("escalate");
  t.repo.add_endpoint("arbiter", t.a);
  auto r = t.judge({"--dry-run", "--second-judge-sample", "0.5", "--arbiter", "arbiter"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("judge judge: 60 of 60 calls still needed") != std::string::npos);
  CHECK(r.out.find("judge second: 30 of 30 calls still needed") != std::string::npos);
  CHECK(r.out.find("arbiter arbiter: asked only where the judges differ") != std::string::npos);
  CHECK(t.a.requests() + t.b.requests() == 0);
  CHECK(!std::filesystem::exists(t.repo.path() + "/results/verdicts"));
}

// Regression: a bad judge.policy, responses that cannot be judged and a folder with no
// judge run were refused in English under zh.
TEST_CASE("judge's file and policy errors under zh are in Chinese", "[judge][locale]") {
  FakeOpenAiServer a;
  EvalRepo repo(a);
  repo.write("answers/bad.jsonl",
             "{\"case_id\":\"CC-0001\",\"response\":\"\"}\n"
             "{\"case_id\":\"CC-9999\",\"response\":\"建议复查。\"}\n"
             "[1]\n");
  auto bad = run_cli({"--lang", "zh", "judge", "--responses", repo.path() + "/answers/bad.jsonl", "--judge", "judge", "-q"},
                     repo.path(), repo.env());
  CHECK(bad.exit_code != 0);
  CHECK_THAT(bad.err, Catch::Contains("这些回答目前无法评分；请修改以下各行："));
  CHECK_THAT(bad.err, Catch::Contains("bad.jsonl:1：CC-0001：回答为空"));
  CHECK_THAT(bad.err, Catch::Contains("bad.jsonl:2：基准中没有病例 CC-9999"));
  CHECK_THAT(bad.err, Catch::Contains("bad.jsonl:3：不是 JSON 对象"));
  CHECK_THAT(bad.err, !Catch::Contains("cannot be judged") && !Catch::Contains("the response is empty"));

  auto none = run_cli({"--lang", "zh", "review", "export", "--from", "no-run-here"}, repo.path(), repo.env());
  CHECK(none.exit_code != 0);
  CHECK_THAT(none.err, Catch::Contains("no-run-here 中没有评分运行"));
  CHECK_THAT(none.err, !Catch::Contains("no judge run"));
  CHECK(a.requests() == 0);

  // validate's schema refuses such a config first; a library caller still gets the reader's language.
  cc::Config config;
  config.judge = nlohmann::json{{"policy", "majority"}};
  auto policy = cc::judge::judge_policy(config, cc::Lang::Zh);
  REQUIRE_FALSE(policy.ok());
  CHECK(policy.error().message == "clinconsensus.yaml：judge.policy 必须是 primary、agreed-only 或 escalate，而不是 \"majority\"");
}
