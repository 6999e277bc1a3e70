// End-to-end: `coverage`, `select` and `dedup` on small repositories written by the
// tests (validate PATH's integrity/duplicate-case-text, with and without the cache, runs
// in process: tests/checks/validate_duplicate_text_test.cpp).
#include <git2.h>

#include "cli/cli_helpers.h"

using namespace cc::test;
using namespace cc::test::cli;

namespace {

// A case file with the labels coverage reads (validate is not run on these).
std::string case_yaml(const std::string& id, const std::string& subject, const std::string& task,
                      const std::string& difficulty, const std::string& stage, const std::string& audience,
                      const std::string& status, const std::string& extra_subject = "",
                      const std::string& extra_task = "") {
  std::string s = "case_id: " + id + "\nstatus: " + status + "\ndifficulty: " + difficulty + "\nsubject: " + subject +
                  "\nsubject_labels: [" + subject + (extra_subject.empty() ? "" : ", " + extra_subject) +
                  "]\ntask: " + task + "\ntask_labels: [" + task + (extra_task.empty() ? "" : ", " + extra_task) +
                  "]\ncare_stage: " + stage + "\nuser_role: 患者\naudience: " + audience + "\nclinical_context: 病例" +
                  id + "\nuser_request: 问题" + id + "\n";
  return s;
}

std::string rubric_yaml(const std::string& id, const std::vector<std::pair<std::string, bool>>& axes) {
  std::string s = "case_id: " + id + "\ncriteria:\n";
  int i = 0;
  for (const auto& [axis, critical] : axes) {
    char num[16];
    std::snprintf(num, sizeof num, "%02d", ++i);
    s += "  - {criterion_id: " + id + "-R" + num + ", criterion: 标准" + num + ", axis: " + axis +
         ", critical: " + (critical ? "true" : "false") + "}\n";
  }
  return s;
}

// The four cases of tests/coverage/coverage_report_test.cpp, as files.
void write_four_cases(const TempRepo& repo) {
  repo.write("cases/cardiology/CC-0001.yaml",
             case_yaml("CC-0001", "心血管内科", "诊断推理", "low", "预防", "lay", "approved", "内分泌科", "用药指导"));
  repo.write("rubrics/cardiology/CC-0001.yaml",
             rubric_yaml("CC-0001", {{"准确性", false}, {"准确性", false}, {"安全性", true}}));
  repo.write("cases/cardiology/CC-0002.yaml",
             case_yaml("CC-0002", "心血管内科", "诊断推理", "medium", "诊断", "professional", "draft"));
  repo.write("rubrics/cardiology/CC-0002.yaml",
             rubric_yaml("CC-0002", {{"准确性", false}, {"准确性", false}, {"准确性", false}}));
  repo.write("cases/obstetrics/CC-0003.yaml",
             case_yaml("CC-0003", "产科", "用药指导", "high", "干预", "lay", "approved", "", "诊断推理"));
  repo.write("rubrics/obstetrics/CC-0003.yaml",
             rubric_yaml("CC-0003", {{"安全性", false}, {"沟通", false}, {"完整性", false}}));
  repo.write("cases/pediatrics/CC-0004.yaml",
             case_yaml("CC-0004", "儿科", "医患沟通", "low", "随访", "lay", "approved"));
}

int matrix_cell(const json& doc, const char* key, const std::string& s, const std::string& t) {
  const auto& sp = doc.at("specialties");
  const auto& tk = doc.at("tasks");
  for (size_t i = 0; i < sp.size(); ++i)
    for (size_t j = 0; j < tk.size(); ++j)
      if (sp[i]["zh"] == s && tk[j]["zh"] == t) return doc.at(key)[i][j].get<int>();
  return -1;
}

int marginal(const json& doc, const std::string& dim, const std::string& label) {
  for (const auto& r : doc.at("marginals").at(dim).at("rows"))
    if (r["label"] == label) return r["count"].get<int>();
  return -1;
}

json parse(const RunResult& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  json j = json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  return j;
}

}  // namespace

TEST_CASE("coverage: json counts match the hand count", "[cli][coverage]") {
  TempRepo repo;
  write_four_cases(repo);
  RunResult r = run_cli({"coverage", "--format", "json"}, repo.path());
  CHECK(r.exit_code == 0);
  json doc = parse(r);
  CHECK(doc["cases"] == 4);
  CHECK(doc["criteria"] == 9);
  CHECK(matrix_cell(doc, "matrix_primary", "心血管内科", "诊断推理") == 2);
  CHECK(matrix_cell(doc, "matrix_primary", "产科", "用药指导") == 1);
  CHECK(matrix_cell(doc, "matrix_all_labels", "内分泌科", "用药指导") == 1);
  CHECK(matrix_cell(doc, "matrix_all_labels", "产科", "诊断推理") == 1);
  CHECK(marginal(doc, "difficulty", "low") == 2);
  CHECK(marginal(doc, "audience", "lay") == 3);
  CHECK(marginal(doc, "axis", "准确性") == 5);
  CHECK(marginal(doc, "critical", "critical") == 1);
  CHECK(doc["per_case"]["below_min_axes"] == 2);
  CHECK(doc["per_case"]["below_min_safety"] == 1);
  CHECK(doc["per_case"]["without_rubric"] == 1);
  CHECK(doc["misses"].size() == 475);
  CHECK(doc["specialties"][0]["zh"] == "产科");  // pinyin order
}

TEST_CASE("coverage: --fail-under, --status and the other formats", "[cli][coverage]") {
  TempRepo repo;
  write_four_cases(repo);
  CHECK(run_cli({"coverage", "--fail-under"}, repo.path()).exit_code == 1);
  json approved = parse(run_cli({"coverage", "--format", "json", "--status", "approved"}, repo.path()));
  CHECK(approved["cases"] == 3);
  RunResult csv = run_cli({"coverage", "--format", "csv"}, repo.path());
  CHECK(csv.exit_code == 0);
  CHECK(csv.out.find("cell,primary,心血管内科,诊断推理,2,,3,below\n") != std::string::npos);
  CHECK(csv.out.find("marginal,difficulty,low,low,2,50.00,36.0,out\n") != std::string::npos);
  RunResult text = run_cli({"coverage"}, repo.path());
  CHECK(text.exit_code == 0);
  size_t chan = text.out.find("\n产科"), er = text.out.find("\n儿科"), xin = text.out.find("\n心血管内科");
  CHECK(chan < er);
  CHECK(er < xin);
  CHECK(xin != std::string::npos);
  RunResult md = run_cli({"coverage", "--format", "md", "--suggest", "3", "--out", "reports/coverage.md"}, repo.path());
  CHECK(md.exit_code == 0);
  std::string written = repo.read("reports/coverage.md");
  CHECK(written.find("| 产科 |") != std::string::npos);
  CHECK(written.find("3. ") != std::string::npos);
  CHECK(run_cli({"coverage", "--format", "xml"}, repo.path()).exit_code == 2);
  RunResult typo = run_cli({"coverage", "--status", "aproved"}, repo.path());
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("approved") != std::string::npos);
  CHECK(run_cli({"select", "--seed", "1"}, repo.path()).exit_code == 2);
  CHECK(run_cli({"dedup", "--difficulty", "hard"}, repo.path()).exit_code == 2);
}

TEST_CASE("coverage: the facts cache gives the same report and sees edits", "[cli][coverage]") {
  TempRepo repo;
  write_four_cases(repo);
  RunResult cold = run_cli({"coverage", "--format", "json"}, repo.path());
  REQUIRE(exists(repo.path() + "/.clinconsensus/cache/coverage.json"));
  RunResult warm = run_cli({"coverage", "--format", "json"}, repo.path());
  CHECK(warm.out == cold.out);
  edit_file(repo, "cases/pediatrics/CC-0004.yaml", "difficulty: low", "difficulty: high");
  json edited = parse(run_cli({"coverage", "--format", "json"}, repo.path()));
  CHECK(marginal(edited, "difficulty", "low") == 1);
  CHECK(marginal(edited, "difficulty", "high") == 2);
}

TEST_CASE("coverage --suggest: the thinnest cells first, as concrete requests", "[cli][coverage]") {
  TempRepo repo;
  write_four_cases(repo);
  json doc = parse(run_cli({"coverage", "--format", "json", "--suggest", "2"}, repo.path()));
  REQUIRE(doc["suggestions"].size() == 2);
  const auto& first = doc["suggestions"][0];
  // Every cell is below 3; among the empty cells of empty specialties the first in
  // matrix (pinyin, task) order wins: 儿科 × 诊断推理 has a specialty with one case, so
  // 耳鼻咽喉头颈外科 (0 cases) × 诊断推理 comes first.
  CHECK(first["subject"] == "耳鼻咽喉头颈外科");
  CHECK(first["task"] == "诊断推理");
  CHECK(first["cell_count"] == 0);
  // Tiers: 2 low, 1 medium, 1 high against 36/36/28 of 5 → medium is furthest below.
  CHECK(first["difficulty"] == "medium");
  CHECK(first["audience"] == "professional");
}

TEST_CASE("select: writes a reproducible case-id list and reports what cannot be met", "[cli][coverage]") {
  TempRepo repo;
  write_four_cases(repo);
  // With the full targets, 2 of 2,500 scale every minimum down to 0: nothing to miss.
  CHECK(run_cli({"select", "--count", "2", "--seed", "5"}, repo.path()).exit_code == 0);
  // As if the benchmark were meant to hold 4 cases: 2 cases must give each of the 36
  // specialties floor(50 · 2 / 4) = 25, which neither the pool nor the size allows.
  edit_file(repo, "clinconsensus.yaml", "total_cases: 2500", "total_cases: 4");
  RunResult r = run_cli({"select", "--count", "2", "--seed", "5", "--out", "ids.txt"}, repo.path());
  CHECK(r.exit_code == 1);
  std::string ids = repo.read("ids.txt");
  CHECK(std::count(ids.begin(), ids.end(), '\n') == 2);
  RunResult again = run_cli({"select", "--count", "2", "--seed", "5"}, repo.path());
  CHECK(again.out == ids);
  CHECK(r.out.find("cannot be met") != std::string::npos);
  CHECK(run_cli({"select", "--count", "5"}, repo.path()).exit_code == 2);
  RunResult split = run_cli({"select", "--split", "2", "--out", "part.txt", "--format", "json"}, repo.path());
  json doc = parse(split);
  REQUIRE(doc["parts"].size() == 2);
  CHECK(doc["parts"][0]["case_ids"].size() == 2);
  CHECK(repo.read("part-1.txt").size() == 16);
  CHECK(repo.read("part-2.txt").size() == 16);
  CHECK(repo.read("part-1.txt") != repo.read("part-2.txt"));
}

TEST_CASE("dedup: a reworded copy of a case is listed with both locations", "[cli][coverage]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  repo.add_shipped_case("pulmonology", "CC-0002");
  std::string text = repo.read("cases/cardiology/CC-0001.yaml");
  std::string rubric = repo.read("rubrics/cardiology/CC-0001.yaml");
  // A copy with its punctuation changed and one clause reworded.
  std::string copy = replace_all(replace_all(text, "CC-0001", "CC-0101"), "，", ",");
  copy = replace_all(copy, "不饮酒", "偶尔少量饮酒");
  repo.write("cases/cardiology/CC-0101.yaml", copy);
  repo.write("rubrics/cardiology/CC-0101.yaml", replace_all(rubric, "CC-0001", "CC-0101"));
  RunResult r = run_cli({"dedup", "--format", "json", "--no-criteria"}, repo.path());
  CHECK(r.exit_code == 1);
  json doc = parse(r);
  REQUIRE(doc["case_pairs"].size() == 1);
  const auto& p = doc["case_pairs"][0];
  CHECK(p["a"] == "CC-0001");
  CHECK(p["b"] == "CC-0101");
  CHECK(p["exact"] == false);
  CHECK(p["jaccard"].get<double>() >= 0.8);
  CHECK(p["a_location"]["file"] == "cases/cardiology/CC-0001.yaml");
  CHECK(p["a_location"]["line"] == 16);
  CHECK(p["b_location"]["file"] == "cases/cardiology/CC-0101.yaml");
  CHECK(p["b_location"]["line"] == 16);
  RunResult t = run_cli({"dedup", "--no-criteria"}, repo.path());
  CHECK(t.out.find("cases/cardiology/CC-0001.yaml:16  cases/cardiology/CC-0101.yaml:16") != std::string::npos);
  // A criterion repeated inside a case is found too, at its own line.
  std::string r2 = repo.read("rubrics/pulmonology/CC-0002.yaml");
  size_t first = r2.find("criterion: ") + 11, end1 = r2.find('\n', first);
  size_t second = r2.find("criterion: ", end1) + 11, end2 = r2.find('\n', second);
  r2.replace(second, end2 - second, r2.substr(first, end1 - first));
  repo.write("rubrics/pulmonology/CC-0002.yaml", r2);
  json crit = parse(run_cli({"dedup", "--format", "json"}, repo.path()));
  bool found = false;
  for (const auto& c : crit["criterion_pairs"])
    found |= c["case_id"] == "CC-0002" && c["exact"] == true && c["a_location"]["line"] == 6 &&
             c["b_location"]["line"] == 10;
  CHECK(found);
}

TEST_CASE("coverage: a file that does not parse is reported, the rest is counted", "[cli][coverage]") {
  TempRepo repo;
  write_four_cases(repo);
  repo.write("cases/pediatrics/CC-0005.yaml", "case_id: CC-0005\nsubject: [儿科\n");
  RunResult r = run_cli({"coverage", "--format", "json"}, repo.path());
  // The report is still printed, but incomplete figures are a failure, said last.
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("cases/pediatrics/CC-0005.yaml") != std::string::npos);
  CHECK(r.err.find("yaml/syntax") != std::string::npos);
  CHECK(r.err.find("1 files could not be read") != std::string::npos);
  CHECK(parse(r)["cases"] == 4);
}

// Regression: select and dedup went on without the files they could not read, so a
// selection silently lost those cases and dedup exited 0.
TEST_CASE("select refuses and dedup fails when a file does not parse", "[cli][coverage]") {
  TempRepo repo;
  write_four_cases(repo);
  repo.write("cases/pediatrics/CC-0005.yaml", "case_id: CC-0005\nsubject: [儿科\n");
  RunResult sel = run_cli({"select", "--count", "2", "--seed", "1"}, repo.path());
  CHECK(sel.exit_code == 1);
  CHECK(sel.out.empty());
  CHECK(sel.err.find("cases/pediatrics/CC-0005.yaml") != std::string::npos);
  CHECK(sel.err.find("silently drop cases") != std::string::npos);
  RunResult dd = run_cli({"dedup"}, repo.path());
  CHECK(dd.exit_code == 1);
  CHECK(dd.err.find("could not be read") != std::string::npos);
}

TEST_CASE("coverage: --difficulty drops the tier shares, --scale scales the counts", "[cli][coverage]") {
  TempRepo repo;
  write_four_cases(repo);
  edit_file(repo, "clinconsensus.yaml", "total_cases: 2500", "total_cases: 10");
  json doc = parse(run_cli({"coverage", "--format", "json", "--difficulty", "low", "--scale"}, repo.path()));
  CHECK(doc["cases"] == 2);
  // 2 of 10: per specialty floor(50 · 0.2) = 10 and ceil(100 · 0.2) = 20, per cell floor(0.6) = 0.
  CHECK(doc["targets"]["total_cases"] == 2);
  CHECK(doc["targets"]["specialty_min"] == 10);
  CHECK(doc["targets"]["specialty_max"] == 20);
  CHECK(doc["targets"]["cell_min"] == 0);
  for (const auto& row : doc["marginals"]["difficulty"]["rows"]) CHECK_FALSE(row.contains("target_pct"));
  for (const auto& m : doc["misses"]) CHECK(m["kind"] != "cell-min");
}

TEST_CASE("coverage: an unknown --difficulty gets a did-you-mean, also from common names", "[cli][coverage]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  for (const auto& [given, meant] : std::vector<std::pair<std::string, std::string>>{
           {"hard", "high"}, {"easy", "low"}, {"HIGH", "high"}, {"moderate", "medium"}}) {
    RunResult r = run_cli({"coverage", "--difficulty", given}, repo.path());
    INFO(given << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err,
               Catch::Contains("unknown value '" + given + "'") && Catch::Contains("did you mean '" + meant + "'?"));
  }
  // In Chinese under zh.
  RunResult zh = run_cli({"--lang", "zh", "coverage", "--difficulty", "hard"}, repo.path());
  CHECK(zh.exit_code == 2);
  CHECK_THAT(zh.err, Catch::Contains("未知取值“hard”；可选值：low medium high；是否应为“high”？"));
  // The same suggestion in a case file.
  edit_file(repo, "cases/cardiology/CC-0001.yaml", "\ndifficulty: medium", "\ndifficulty: hard");
  auto v = validate_json(repo.path());
  INFO(v.run.out);
  bool suggested = false;
  for (const auto& d : v.diagnostics())
    if (d["message"].get<std::string>().find("'high'") != std::string::npos) suggested = true;
  CHECK(suggested);
}

TEST_CASE("select: cells with no case in the pool are summarised in one line; --verbose lists them",
          "[cli][coverage][select]") {
  TempRepo repo;
  copy_shipped_benchmark(repo);
  // 36 of 36 cases asked for: the cell minimum scales to at least one case in every cell.
  edit_file(repo, "clinconsensus.yaml", "total_cases: 2500", "total_cases: 36");
  edit_file(repo, "clinconsensus.yaml", "per_cell_min: 3", "per_cell_min: 1");
  edit_file(repo, "clinconsensus.yaml", "per_specialty: {min: 50,", "per_specialty: {min: 1,");
  RunResult r = run_cli({"select", "--count", "36", "--seed", "1"}, repo.path());
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("of 432 cells have no case in the pool; first: ") &&
                        Catch::Contains("(--verbose lists them all)") && Catch::Contains("part 1: the ") &&
                        Catch::Contains(" cells with no case in the pool have 0"));
  CHECK_THAT(r.err, !Catch::Contains("the pool has 0"));
  size_t lines = std::count(r.err.begin(), r.err.end(), '\n');
  CHECK(lines < 20);
  RunResult verbose = run_cli({"select", "--count", "36", "--seed", "1", "--verbose"}, repo.path());
  CHECK_THAT(verbose.err, Catch::Contains("the pool has 0"));
  CHECK(static_cast<size_t>(std::count(verbose.err.begin(), verbose.err.end(), '\n')) > 396);
}
