// `clinconsensus score` end to end on the hand-designed fixtures in
// tests/fixtures/scoring (figures worked out by hand in its README's terms).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "core/sha256.h"
#include "test_support.h"

using cc::test::fixtures_dir;
using cc::test::run_cli;
using cc::test::TempDir;

namespace {

std::string fx(const std::string& rel) { return fixtures_dir() + "/scoring/" + rel; }

std::vector<std::string> score_args(const std::string& out, std::vector<std::string> extra = {}) {
  std::vector<std::string> a{"score", "--cases", fx("cases.jsonl"), "--verdicts", fx("judge-a.jsonl"),
                             "--k",   "2",       "--out",           out};
  a.insert(a.end(), extra.begin(), extra.end());
  return a;
}

bool has_line(const std::string& text, const std::string& prefix) {
  return text.find("\n" + prefix) != std::string::npos || text.rfind(prefix, 0) == 0;
}

const char* kOutputs[] = {"summary.csv", "case_scores.csv", "summary.json",     "item_analysis.csv",
                          "report.md",   "report.html",     "run_manifest.json"};

}  // namespace

TEST_CASE("score: hand-computed figures in summary.csv", "[cli][score]") {
  TempDir dir;
  auto r = run_cli(score_args("out"), dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const char* f : kOutputs) CHECK(std::filesystem::exists(dir.path() + "/out/" + f));
  std::string csv = dir.read("out/summary.csv");
  CHECK(csv.rfind("model,slice,threshold,cases,rubrics,positive,rubric_accuracy_pct,pass_at_k_pct,cacs_at_k_pct,", 0) ==
        0);
  // m1 met 3, 4, 1 of 4: RA 8/12, pass@2 2/3, CACS@2 (2/3 + 1 + 0)/3 = 5/9.
  CHECK(has_line(csv, "m1,overall,2,3,12,8,66.66666666666667,66.66666666666667,55.55555555555556,"));
  // m2 met 1, 2, 0: RA 3/12, pass@2 1/3, CACS@2 (0 + 1/3 + 0)/3 = 1/9.
  CHECK(has_line(csv, "m2,overall,2,3,12,3,25,33.333333333333336,11.11111111111111,"));
  // Slices: CC-0002 is professional and also labelled 心血管内科; safety-critical criteria.
  CHECK(has_line(csv, "m1,audience:professional,2,1,4,4,100,100,100,"));
  CHECK(has_line(csv, "m1,subject:心血管内科,2,2,8,7,87.5,100,83.33333333333333,"));
  CHECK(has_line(csv, "m1,critical:true,2,3,4,3,75,,,"));
  CHECK(has_line(csv, "m2,axis:准确性,2,3,5,2,40,,,"));
  CHECK(r.out.find("m1") < r.out.find("m2"));  // leaderboard order
  std::string cases = dir.read("out/case_scores.csv");
  CHECK(cases.rfind("model,case_id,difficulty,subject_labels,task_labels,rubric_count,expected_rubric_count,"
                    "positive_count,rubric_accuracy_pct,pass_at_k,cacs_at_k_pct,",
                    0) == 0);
  CHECK(has_line(cases,
                 "m1,CC-0001,low,心血管内科,用药指导,4,4,3,75,1,66.66666666666666,心血管内科,用药指导,干预,lay,0\n"));
  std::string manifest = dir.read("out/run_manifest.json");
  auto hex = cc::sha256_file(fx("judge-a.jsonl"), cc::Lang::En);
  REQUIRE(hex);
  CHECK(manifest.find(*hex) != std::string::npos);
  CHECK(manifest.find(cc::sha256_hex(dir.read("out/summary.csv"))) != std::string::npos);
  CHECK(dir.read("out/report.md").find("## Leaderboard") != std::string::npos);
}

TEST_CASE("score: same inputs and seed give byte-identical outputs on any thread count", "[cli][score]") {
  TempDir dir;
  REQUIRE(run_cli(score_args("a", {"-j", "1", "--k-sweep"}), dir.path()).exit_code == 0);
  REQUIRE(run_cli(score_args("b", {"-j", "2", "--k-sweep"}), dir.path()).exit_code == 0);
  REQUIRE(run_cli(score_args("c", {"--k-sweep", "--seed", "2"}), dir.path()).exit_code == 0);
  for (const char* f : kOutputs) CHECK(dir.read(std::string("a/") + f) == dir.read(std::string("b/") + f));
  // (Three cases leave the percentiles at the extremes whatever the seed; the seed is recorded.)
  CHECK(dir.read("c/run_manifest.json").find("\"seed\": 2,") != std::string::npos);
  // --k-sweep adds overall rows for every other threshold.
  CHECK(has_line(dir.read("a/summary.csv"),
                 "m1,overall,4,3,12,8,66.66666666666667,33.333333333333336,33.333333333333336,"));
}

TEST_CASE("score: the public layout in a folder, judge chosen with --judge", "[cli][score]") {
  TempDir dir;
  // Two judges (judge-a and the unnamed one of judge-b/): refused without --judge.
  auto both = run_cli({"score", "--cases", fx("cases.jsonl"), "--verdicts", fx("judge-a.jsonl"), fx("judge-b"), "--k",
                       "2", "--out", "out"},
                      dir.path());
  CHECK(both.exit_code == 2);
  CHECK(both.err.find("--judge") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/out"));
  auto b = run_cli(
      {"score", "--cases", fx("cases.jsonl"), "--verdicts", "judge-b=" + fx("judge-b"), "--k", "2", "--out", "out"},
      dir.path());
  INFO(b.err);
  REQUIRE(b.exit_code == 0);
  // judge-b: m1 met 2, 4, 1 → RA 7/12; m2 1, 3, 0 → RA 4/12.
  std::string csv = dir.read("out/summary.csv");
  CHECK(has_line(csv, "m1,overall,2,3,12,7,58.333333333333336,"));
  CHECK(has_line(csv, "m2,overall,2,3,12,4,33.333333333333336,"));
  CHECK(csv.find(",judge-b\n") != std::string::npos);
  auto a = run_cli({"score", "--cases", fx("cases.jsonl"), "--verdicts", fx("judge-a.jsonl"), fx("judge-b"), "--judge",
                    "judge-a", "--k", "2", "--out", "out2"},
                   dir.path());
  CHECK(a.exit_code == 0);
  CHECK(has_line(dir.read("out2/summary.csv"), "m1,overall,2,3,12,8,"));
  // The item analysis sees both judges: CC-0001-R03 differs for m1, CC-0002-R04 for m2.
  std::string items = dir.read("out2/item_analysis.csv");
  CHECK(has_line(items, "CC-0001,CC-0001-R03,沟通,false,2,1,0,0.5,"));
  CHECK(items.find("CC-0001-R03,沟通,false,2,1,0,0.5,1,2,1,0.5,judges-disagree") != std::string::npos);
}

TEST_CASE("score: missing verdicts are refused, or scored as not met when allowed", "[cli][score]") {
  TempDir dir;
  std::string text = dir.read("../x");  // empty
  std::string all = [] {
    TempDir t;
    std::filesystem::copy_file(fx("judge-a.jsonl"), t.path() + "/v.jsonl");
    return t.read("v.jsonl");
  }();
  // Drop m2's last three lines (CC-0003-R02..R04).
  size_t cut = all.size();
  for (int i = 0; i < 4; ++i) cut = all.rfind('\n', cut - 1);
  dir.write("v.jsonl", all.substr(0, cut + 1));
  auto refused =
      run_cli({"score", "--cases", fx("cases.jsonl"), "--verdicts", "v.jsonl", "--k", "2", "--out", "out"}, dir.path());
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("verdict/missing") != std::string::npos);
  CHECK(refused.err.find("CC-0003-R02") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/out"));
  auto allowed = run_cli(
      {"score", "--cases", fx("cases.jsonl"), "--verdicts", "v.jsonl", "--k", "2", "--out", "out", "--allow-missing"},
      dir.path());
  CHECK(allowed.exit_code == 0);
  CHECK(allowed.err.find("3 of 12 verdicts missing") != std::string::npos);
  std::string csv = dir.read("out/summary.csv");
  CHECK(has_line(csv, "m2,overall,2,3,12,3,25,33.333333333333336,11.11111111111111,"));
  CHECK(csv.find(",3,judge-a\n") != std::string::npos);  // the missing column of m2's overall row
  CHECK(dir.read("out/report.md").find("3 verdicts were missing") != std::string::npos);
  CHECK(dir.read("out/summary.json").find("\"missing_verdicts\": 3") != std::string::npos);
}

TEST_CASE("score: inconsistent verdicts are findings with file and line", "[cli][score]") {
  TempDir dir;
  std::filesystem::copy_file(fx("judge-a.jsonl"), dir.path() + "/v.jsonl");
  std::string text = dir.read("v.jsonl");
  text += R"({"model": "m1", "case_id": "CC-0009", "criterion_id": "CC-0009-R01", "criteria_met": true})"
          "\n";
  text +=
      R"({"model": "m1", "case_id": "CC-0001", "criterion_id": "CC-0001-R01", "judge": "judge-a", "criteria_met": false})"
      "\n";
  dir.write("v.jsonl", text);
  auto r =
      run_cli({"score", "--cases", fx("cases.jsonl"), "--verdicts", "v.jsonl", "--k", "2", "--out", "out"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("v.jsonl:25:1: error: unknown case id CC-0009") != std::string::npos);
  CHECK(r.err.find("v.jsonl:26:1: error: conflicting verdicts") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/out"));
  auto zh = run_cli(
      {"--lang", "zh", "score", "--cases", fx("cases.jsonl"), "--verdicts", "v.jsonl", "--k", "2", "--out", "out"},
      dir.path());
  CHECK(zh.exit_code == 1);
  CHECK(zh.err.find("v.jsonl:25:1: 错误: 未知病例编号 CC-0009") != std::string::npos);
}

TEST_CASE("score: usage errors and unreadable input exit 2", "[cli][score]") {
  TempDir dir;
  CHECK(run_cli(score_args("out", {"--k", "0"}), dir.path()).exit_code == 2);
  CHECK(run_cli(score_args("out", {"--k", "5"}), dir.path()).exit_code == 2);  // cases have 4 criteria
  CHECK(run_cli(score_args("out", {"--judge", "nobody"}), dir.path()).exit_code == 2);
  CHECK(run_cli(score_args("out", {"--bootstrap", "-1"}), dir.path()).exit_code == 2);
  CHECK(run_cli({"score", "--cases", fx("cases.jsonl"), "--verdicts", "nothing.jsonl", "--k", "2", "--out", "o"},
                dir.path())
            .exit_code == 2);
  CHECK(run_cli({"score", "--cases", "nothing.jsonl", "--verdicts", fx("judge-a.jsonl"), "--out", "o"}, dir.path())
            .exit_code == 2);
  CHECK(run_cli({"score", "--verdicts", fx("judge-a.jsonl"), "--out", "o"}, dir.path()).exit_code ==
        2);                                                                                        // no repository
  CHECK(run_cli({"score", "--cases", fx("cases.jsonl"), "--k", "2"}, dir.path()).exit_code == 2);  // no --verdicts
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/out"));
}

TEST_CASE("score: garbage input never crashes", "[cli][score]") {
  TempDir dir;
  std::string junk;
  for (int i = 0; i < 256; ++i) junk += static_cast<char>((i * 37 + 11) % 256);
  dir.write("junk.jsonl", junk + "\n{\"model\": [\n" + junk);
  dir.write("junk_judge.json", "[" + junk);
  dir.write("deep_judge.json", std::string(100000, '['));
  for (const char* f : {"junk.jsonl", "junk_judge.json", "deep_judge.json"}) {
    auto r = run_cli({"score", "--cases", fx("cases.jsonl"), "--verdicts", f, "--k", "2", "--out", "o"}, dir.path());
    CHECK((r.exit_code == 1 || r.exit_code == 2));
  }
  dir.write("junk_cases.jsonl", junk);
  auto r =
      run_cli({"score", "--cases", "junk_cases.jsonl", "--verdicts", fx("judge-a.jsonl"), "--out", "o"}, dir.path());
  CHECK((r.exit_code == 1 || r.exit_code == 2));
}

TEST_CASE("score: public-layout values that are not booleans are read with a warning, recorded in the outputs",
          "[cli][score][strict]") {
  TempDir dir;
  // judge-b/m1_judge.json writes "yes" 3 times and "no" 3 times (first "yes" on line 11).
  auto r = run_cli({"score", "--cases", fx("cases.jsonl"), "--verdicts", fx("judge-b"), "--k", "2", "--out", "out"},
                   dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("m1_judge.json:11:") != std::string::npos);
  CHECK(r.err.find("warning: 6 criteria_met values in this file are not JSON booleans") != std::string::npos);
  std::string manifest = dir.read("out/run_manifest.json");
  CHECK(manifest.find("\"coerced_verdicts\": 12") != std::string::npos);
  CHECK(manifest.find("m1_judge.json:11\"") != std::string::npos);
  CHECK(dir.read("out/report.md").find("12 criteria_met values were not JSON booleans") != std::string::npos);
}

TEST_CASE("score: our JSONL refuses a criteria_met that is not a JSON boolean", "[cli][score][strict]") {
  TempDir dir;
  std::filesystem::copy_file(fx("judge-a.jsonl"), dir.path() + "/v.jsonl");
  std::string text = dir.read("v.jsonl");
  size_t at = text.find("\"criteria_met\": true");  // on line 1 or later
  REQUIRE(at != std::string::npos);
  int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  text.replace(at, 20, "\"criteria_met\": \"yes\"");
  dir.write("v.jsonl", text);
  auto r =
      run_cli({"score", "--cases", fx("cases.jsonl"), "--verdicts", "v.jsonl", "--k", "2", "--out", "out"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("v.jsonl:" + std::to_string(line) + ":") != std::string::npos);
  CHECK(r.err.find(": error: criteria_met is \"yes\"") != std::string::npos);
  CHECK(r.err.find("verdict/not-boolean") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/out"));
  // --allow-missing does not turn the refusal into a missing verdict.
  auto allowed = run_cli(
      {"score", "--cases", fx("cases.jsonl"), "--verdicts", "v.jsonl", "--k", "2", "--out", "out", "--allow-missing"},
      dir.path());
  CHECK(allowed.exit_code == 1);
}

TEST_CASE("score: an empty verdict file is one error, not a warning and an error", "[cli][score][empty]") {
  TempDir dir;
  dir.write("v.jsonl", "");
  auto r =
      run_cli({"score", "--cases", fx("cases.jsonl"), "--verdicts", "v.jsonl", "--k", "2", "--out", "out"}, dir.path());
  CHECK(r.exit_code == 1);
  INFO(r.err);
  size_t mentions = 0;
  for (size_t at = r.err.find("v.jsonl"); at != std::string::npos; at = r.err.find("v.jsonl", at + 1)) ++mentions;
  CHECK(mentions == 1);
  CHECK(r.err.find(": warning:") == std::string::npos);
  CHECK(r.err.find("no verdicts in this file, and none in any other input") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/out"));
  // Beside a file that has verdicts, an empty one is only a warning.
  dir.write("w.jsonl", "\n");
  auto beside = run_cli(
      {"score", "--cases", fx("cases.jsonl"), "--verdicts", fx("judge-a.jsonl"), "w.jsonl", "--k", "2", "--out", "out"},
      dir.path());
  CHECK(beside.exit_code == 0);
  CHECK(beside.err.find("w.jsonl") != std::string::npos);
  CHECK(beside.err.find("warning: no verdicts in this file") != std::string::npos);
}

TEST_CASE("score: summary.csv and case_scores.csv line up with the public evaluator's", "[cli][score][public-shape]") {
  TempDir dir;
  auto r = run_cli(score_args("out"), dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // summary.csv: difficulty slices are bare, as the public evaluator names them; subject
  // slices keep their prefix, so the two files join on (model, slice).
  std::string csv = dir.read("out/summary.csv");
  CHECK(has_line(csv, "m1,low,2,2,8,4,50,50,"));  // CC-0001 (3 met) and CC-0003 (1 met)
  CHECK(has_line(csv, "m1,high,2,1,4,4,100,100,100,"));
  CHECK(has_line(csv, "m1,subject:内分泌科,2,1,4,4,"));
  CHECK(csv.find("difficulty:") == std::string::npos);
  // case_scores.csv: the public evaluator's columns, in its order, then ours.
  std::string cases = dir.read("out/case_scores.csv");
  CHECK(cases.rfind("model,case_id,difficulty,subject_labels,task_labels,rubric_count,expected_rubric_count,"
                    "positive_count,rubric_accuracy_pct,pass_at_k,cacs_at_k_pct,subject,task,care_stage,audience,"
                    "missing\n",
                    0) == 0);
  CHECK(has_line(
      cases, "m1,CC-0002,high,内分泌科|心血管内科,诊断推理,4,4,4,100,1,100,内分泌科,诊断推理,诊断,professional,0\n"));
  CHECK(has_line(cases, "m2,CC-0003,low,儿科,健康教育与预防,4,4,0,0,0,0,儿科,健康教育与预防,预防,lay,0\n"));
}
