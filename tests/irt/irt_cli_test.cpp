// `irt fit`, `irt select`, `irt estimate` and `rank-corr` end to end on simulated
// verdict files, and their refusals of bad input.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "irt/simulate.h"
#include "test_support.h"

using cc::test::run_cli;
using cc::test::TempDir;

namespace {

// 12 simulated models on 20 cases, written as cases.jsonl and verdicts/.
void write_small_simulation(const TempDir& dir) {
  cc::irt::SimulationSpec spec;
  spec.respondents = 12;
  spec.cases = 20;
  spec.seed = 3;
  REQUIRE(cc::irt::write_simulation(cc::irt::simulate_2pl(spec), dir.path()).ok());
}

}  // namespace

TEST_CASE("irt fit writes items, respondents and fit.json, and warns under 30 respondents", "[irt][cli]") {
  TempDir dir;
  write_small_simulation(dir);
  auto r = run_cli({"irt", "fit", "--cases", "cases.jsonl", "--verdicts", "verdicts", "--out", "fit"}, dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("respondents (model × judge × repeat runs): 12") != std::string::npos);
  const std::string items = dir.read("fit/items.csv");
  CHECK(items.rfind("item,discrimination,difficulty,intercept,se_discrimination,se_difficulty,se_intercept,fit_q1,",
                    0) == 0);
  CHECK(std::count(items.begin(), items.end(), '\n') == 1 + 20 * 30);
  CHECK(dir.read("fit/respondents.csv").rfind("model,judge,repeat,ability,se,trials\nsim-001,sim-judge,1,", 0) == 0);
  auto fit = nlohmann::json::parse(dir.read("fit/fit.json"));
  CHECK(fit["respondents"] == 12);
  CHECK(fit["converged"] == true);
  CHECK(fit["test_information"].size() == 33);
  CHECK(fit["warnings"].size() == 1);

  SECTION("the warning in Chinese") {
    auto zh =
        run_cli({"--lang", "zh", "irt", "fit", "--cases", "cases.jsonl", "--verdicts", "verdicts", "--out", "fit2"},
                dir.path());
    CHECK(zh.exit_code == 0);
    CHECK(zh.err.find("仅有 12 个作答者") != std::string::npos);
  }
  SECTION("3PL items carry guessing, case items carry their trials") {
    auto g = run_cli({"irt", "fit", "--cases", "cases.jsonl", "--verdicts", "verdicts", "--model", "3pl", "--unit",
                      "case", "--out", "fit3"},
                     dir.path());
    INFO(g.err);
    REQUIRE(g.exit_code == 0);
    const std::string csv = dir.read("fit3/items.csv");
    CHECK(csv.rfind("item,discrimination,difficulty,guessing,", 0) == 0);
    CHECK(csv.find("\nCC-0001,") != std::string::npos);
    CHECK(csv.find(",CC-0001,30\n") != std::string::npos);
  }
  SECTION("select and estimate read the items back") {
    auto s = run_cli({"irt", "select", "--items", "fit/items.csv", "--cases", "cases.jsonl", "--unit", "case",
                      "--count", "4", "--out", "ids.txt"},
                     dir.path());
    INFO(s.err);
    REQUIRE(s.exit_code == 0);
    const std::string ids = dir.read("ids.txt");
    CHECK(std::count(ids.begin(), ids.end(), '\n') == 4);
    auto e = run_cli({"irt", "estimate", "--items", "fit/items.csv", "--cases", "cases.jsonl", "--verdicts",
                      "verdicts/sim-001.jsonl", "--out", "est.csv"},
                     dir.path());
    INFO(e.err);
    REQUIRE(e.exit_code == 0);
    CHECK(dir.read("est.csv").find("\nsim-001,sim-judge,1,") != std::string::npos);
  }
}

TEST_CASE("irt commands refuse bad input with file and line", "[irt][cli]") {
  TempDir dir;
  write_small_simulation(dir);
  dir.write("bad/items.csv", "item,discrimination,difficulty\nCC-0001-R01,1.2,0.3\nCC-0001-R02,abc,0.1\n");
  auto r = run_cli({"irt", "estimate", "--items", "bad/items.csv", "--cases", "cases.jsonl", "--verdicts", "verdicts"},
                   dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("bad/items.csv:3: discrimination 'abc' is not a number") != std::string::npos);
  auto zh = run_cli({"--lang", "zh", "irt", "estimate", "--items", "bad/items.csv", "--cases", "cases.jsonl",
                     "--verdicts", "verdicts"},
                    dir.path());
  CHECK(zh.exit_code == 2);
  CHECK(zh.err.find("bad/items.csv:3: discrimination 的值“abc”不是数字") != std::string::npos);
  dir.write("short/items.csv", "item,discrimination,difficulty,case_id\nCC-0001-R01,1,0,CC-0001\n");
  auto few =
      run_cli({"irt", "select", "--items", "short/items.csv", "--cases", "cases.jsonl", "--count", "3"}, dir.path());
  CHECK(few.exit_code == 2);
  CHECK(few.err.find("--count 3 is more than the 1 cases the items cover") != std::string::npos);
  // Range errors the option parser cannot express are in the reader's language too.
  auto ci = run_cli({"--lang", "zh", "irt", "estimate", "--items", "short/items.csv", "--cases", "cases.jsonl",
                     "--verdicts", "verdicts", "--ci", "100"},
                    dir.path());
  CHECK(ci.exit_code == 2);
  CHECK(ci.err.find("--ci 必须大于 0 且小于 100") != std::string::npos);
  dir.write(
      "verdicts/broken.jsonl",
      "{\"model\": \"x\", \"case_id\": \"CC-9999\", \"criterion_id\": \"CC-9999-R01\", \"criteria_met\": true}\n");
  auto f = run_cli({"irt", "fit", "--cases", "cases.jsonl", "--verdicts", "verdicts", "--out", "fit"}, dir.path());
  CHECK(f.exit_code == 1);
  CHECK(f.err.find("broken.jsonl:1") != std::string::npos);
  CHECK_FALSE(std::ifstream(dir.path() + "/fit/items.csv").good());
}

TEST_CASE("rank-corr compares two leaderboards", "[irt][cli]") {
  TempDir dir;
  dir.write("a.csv", "model,score\nm1,50\nm2,40\nm3,30\nm4,35\nm5,20\nm6,10\n");
  dir.write(
      "b.csv",
      "model,slice,threshold,cases,rubrics,positive,rubric_accuracy_pct,pass_at_k_pct,cacs_at_k_pct\n"
      "m1,overall,10,1,30,1,1,1,5\nm1,low,10,1,30,1,1,1,99\nm2,overall,10,1,30,1,1,1,4\nm3,overall,10,1,30,1,1,1,3\n"
      "m4,overall,10,1,30,1,1,1,2\nm5,overall,10,1,30,1,1,1,1\nm6,overall,10,1,30,1,1,1,0\nm7,overall,10,1,30,1,1,1,"
      "0\n");
  auto r = run_cli({"rank-corr", "a.csv", "b.csv"}, dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // One swapped pair of six: ρ = 1 − 6·2/(6·35) = 0.943, τ = (14 − 1)/15 = 0.867.
  CHECK(r.out.find("spearman_rho 0.943 [") != std::string::npos);
  CHECK(r.out.find("kendall_tau_b 0.867 [") != std::string::npos);
  CHECK(r.err.find("m7") != std::string::npos);
  dir.write("c.csv", "model,score\nm1,1\nm2,x\n");
  auto bad = run_cli({"rank-corr", "a.csv", "c.csv"}, dir.path());
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("c.csv:3:") != std::string::npos);
}

TEST_CASE("irt fit and select inside a benchmark repository", "[irt][cli]") {
  cc::test::TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  repo.add_shipped_case("endocrinology", "CC-0006");
  // Five models; model m meets criterion r of either case when (r + 2m) % 7 < 2 + m.
  for (int m = 0; m < 5; ++m) {
    std::string rows;
    for (const char* c : {"CC-0001", "CC-0006"})
      for (int r = 1; r <= 30; ++r) {
        char id[32];
        std::snprintf(id, sizeof id, "%s-R%02d", c, r);
        rows += std::string("{\"model\": \"m") + std::to_string(m) + "\", \"case_id\": \"" + c +
                "\", \"criterion_id\": \"" + id +
                "\", \"judge\": \"j\", \"criteria_met\": " + ((r + 2 * m) % 7 < 2 + m ? "true" : "false") + "}\n";
      }
    repo.write("runs/m" + std::to_string(m) + ".jsonl", rows);
  }
  auto fit = run_cli({"irt", "fit", "--verdicts", "runs", "--out", "calib", "-q"}, repo.path());
  INFO(fit.err);
  REQUIRE(fit.exit_code == 0);
  CHECK(fit.err.find("respondents (model × judge × repeat runs): 5") != std::string::npos);
  auto sel = run_cli({"irt", "select", "--items", "calib/items.csv", "--unit", "case", "--count", "1"}, repo.path());
  INFO(sel.err);
  REQUIRE(sel.exit_code == 0);
  CHECK((sel.out == "CC-0001\n" || sel.out == "CC-0006\n"));
}
