// Export (public row, canonical JSON, selection) and import (YAML files, rejections,
// round trip export(import(F)) == F).
#include <filesystem>

#include <catch2/catch.hpp>

#include "checks/validator.h"
#include "core/benchmark_loader.h"
#include "release/export_jsonl.h"
#include "release/export_run.h"
#include "release/import_jsonl.h"
#include "test_support.h"

using namespace cc;
using cc::test::TempRepo;

namespace {

Case make_case(const std::string& id, const std::string& status, const std::string& difficulty) {
  Case c;
  c.case_id = id;
  c.status = status;
  c.difficulty = difficulty;
  c.subject = "心血管内科";
  c.subject_labels = {"心血管内科"};
  c.task = "用药指导";
  c.task_labels = {"用药指导", "健康教育与预防"};
  c.care_stage = "干预";
  c.user_role = "患者本人";
  c.audience = "lay";
  c.clinical_context = "ctx";
  c.user_request = "req";
  c.authors = {"某医生"};
  return c;
}

Rubric make_rubric(const std::string& id) {
  Rubric r;
  r.case_id = id;
  r.criteria = {{id + "-R01", "first", "安全性", true, 0}, {id + "-R02", "second", "准确性", false, 0}};
  return r;
}

Project open(const TempRepo& repo) {
  ProjectLoad load = load_project(repo.path(), Lang::En);
  REQUIRE(load.project);
  return std::move(*load.project);
}

// The public export of shipped cases (folder, id), made approved: an F to import.
std::string approved_export(const std::vector<std::pair<std::string, std::string>>& cases) {
  TempRepo source;
  for (const auto& [folder, id] : cases) {
    source.add_shipped_case(folder, id);
    std::string rel = "cases/" + folder + "/" + id + ".yaml";
    std::string text = source.read(rel);
    text.replace(text.find("status: draft"), 13, "status: approved");
    source.write(rel, text);
  }
  Project sp = open(source);
  ExportRun exported = run_export(sp, ExportOptions{});
  REQUIRE(exported.outcome == cc::RunOutcome::Done);
  REQUIRE(exported.result.rows == static_cast<int>(cases.size()));
  return exported.result.jsonl;
}

}  // namespace

TEST_CASE("export row: public keys in order, canonical JSON, no internal field", "[release][export]") {
  Case c = make_case("CC-0001", "approved", "low");
  c.clinical_context = "引号\"、反斜杠\\、斜杠/、换行\n、制表\t、控制\x01";
  Rubric r = make_rubric("CC-0001");
  std::string got = canonical_json(export_row(c, r));
  std::string want =
      R"({"case_id":"CC-0001","difficulty":"low","task":"用药指导","task_labels":["用药指导","健康教育与预防"],)"
      R"("subject":"心血管内科","subject_labels":["心血管内科"],"user_role":"患者本人",)"
      R"("clinical_context":"引号\"、反斜杠\\、斜杠/、换行\n、制表\t、控制\u0001","user_request":"req",)"
      R"("rubrics":[{"criterion_id":"CC-0001-R01","criterion":"first"},{"criterion_id":"CC-0001-R02","criterion":"second"}]})";
  CHECK(got == want);
  for (const char* internal :
       {"status", "authors", "care_stage", "audience", "axis", "critical", "provenance", "review"})
    CHECK(got.find(std::string("\"") + internal + "\"") == std::string::npos);
}

TEST_CASE("export: approved cases with a rubric, sorted by case id; --public keeps the low tier", "[release][export]") {
  Benchmark b;
  b.cases = {make_case("CC-0003", "approved", "medium"), make_case("CC-0001", "approved", "low"),
             make_case("CC-0002", "draft", "low"), make_case("CC-0004", "approved", "low"),
             make_case("CC-0005", "retired", "low")};
  b.rubrics = {make_rubric("CC-0001"), make_rubric("CC-0002"), make_rubric("CC-0003"), make_rubric("CC-0005")};
  b.build_index();
  ExportResult all = export_jsonl(b, ExportOptions{});
  CHECK(all.rows == 2);
  CHECK(all.jsonl.rfind("{\"case_id\":\"CC-0001\"", 0) == 0);
  size_t second = all.jsonl.find('\n') + 1;
  CHECK(all.jsonl.compare(second, 20, "{\"case_id\":\"CC-0003\"") == 0);
  CHECK(all.jsonl.back() == '\n');
  CHECK(all.without_rubric == std::vector<std::string>{"CC-0004"});
  ExportResult pub = export_jsonl(b, ExportOptions{true});
  CHECK(pub.rows == 1);
  CHECK(pub.jsonl.rfind("{\"case_id\":\"CC-0001\"", 0) == 0);
}

TEST_CASE("export refuses when validate has errors, and a privacy rule cannot be lowered", "[release][export]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  std::string text = repo.read("cases/cardiology/CC-0001.yaml");
  text.replace(text.find("status: draft"), 13, "status: approved");
  repo.write("cases/cardiology/CC-0001.yaml", text);
  {
    Project p = open(repo);
    ExportRun run = run_export(p, ExportOptions{});
    REQUIRE(run.outcome == cc::RunOutcome::Done);
    CHECK(run.result.rows == 1);
  }
  // A mobile number in the context, with pii/mobile lowered to a warning in the config.
  size_t at = text.find("clinical_context: |\n  ") + 22;
  text.insert(at, "联系电话13812345678。");
  repo.write("cases/cardiology/CC-0001.yaml", text);
  std::string cfg = repo.read("clinconsensus.yaml");
  cfg.insert(cfg.find("\nrules:\n") + 8, "  pii/mobile: warning\n");
  repo.write("clinconsensus.yaml", cfg);
  Project p = open(repo);
  ExportRun run = run_export(p, ExportOptions{});
  CHECK(run.outcome == cc::RunOutcome::Findings);
  bool mobile = false;
  for (const auto& d : run.findings) mobile = mobile || (d.rule == "pii/mobile" && d.severity == Severity::Error);
  CHECK(mobile);
  CHECK(run.result.jsonl.empty());
}

TEST_CASE("import: readable, valid files placed by subject; export(import(F)) == F", "[release][import]") {
  // F: the export of three shipped cases, made approved.
  const std::string F = approved_export({{"cardiology", "CC-0001"}, {"anesthesiology", "CC-0027"}, {"tcm", "CC-0031"}});

  TempRepo target;
  Project tp = open(target);
  ImportPlan plan = plan_import(tp, F, ImportOptions{"public.jsonl", false});
  CHECK(plan.rows == 3);
  CHECK(plan.rejected.empty());
  for (const auto& p : plan.rejected) INFO(p.line << " " << p.reason);
  REQUIRE(plan.cases.size() == 3);
  REQUIRE(write_import(tp, plan));
  CHECK(std::filesystem::exists(target.path() + "/cases/anesthesiology/CC-0027.yaml"));
  CHECK(std::filesystem::exists(target.path() + "/rubrics/tcm/CC-0031.yaml"));
  std::string case_text = target.read("cases/cardiology/CC-0001.yaml");
  CHECK(case_text.find("clinical_context: |") != std::string::npos);  // prose as a literal block
  CHECK(case_text.find("status: approved") != std::string::npos);
  CHECK(case_text.find("# TODO(import)") != std::string::npos);
  CHECK(case_text.find("source: imported") != std::string::npos);

  // validate accepts the imported benchmark (warnings only: placeholder axes).
  ValidateReport report = validate(tp, ValidateOptions{});
  for (const auto& d : report.diagnostics)
    if (d.severity == Severity::Error) FAIL_CHECK(d.file << ":" << d.line << " " << d.rule << " " << d.message);
  CHECK(report.files_checked == 6);

  ExportRun again = run_export(tp, ExportOptions{});
  REQUIRE(again.outcome == cc::RunOutcome::Done);
  CHECK(again.result.jsonl == F);
}

TEST_CASE("import: rows it cannot take are reported with their line and reason", "[release][import]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  Project p = open(repo);
  std::string rows;
  rows += "{not json\n";  // 1
  rows += "\n";           // 2 (blank)
  rows += R"({"case_id":"CC-0100","difficulty":"low"})"
          "\n";  // 3 missing fields
  rows += R"({"case_id":"CC-0101","difficulty":"low","task":"用药指导","task_labels":["用药指导"],)"
          R"("subject":"心内","subject_labels":["心内"],"user_role":"患者","clinical_context":"a",)"
          R"("user_request":"b","rubrics":[]})"
          "\n";  // 4 unknown subject
  rows += R"({"case_id":"CC-0001","difficulty":"low","task":"用药指导","task_labels":["用药指导"],)"
          R"("subject":"心血管内科","subject_labels":["心血管内科"],"user_role":"患者","clinical_context":"a",)"
          R"("user_request":"b","rubrics":[]})"
          "\n";  // 5 exists
  ImportPlan plan = plan_import(p, rows, ImportOptions{});
  CHECK(plan.rows == 4);
  CHECK(plan.cases.empty());
  REQUIRE(plan.rejected.size() == 4);
  CHECK(plan.rejected[0].line == 1);
  CHECK(plan.rejected[0].reason.find("not valid JSON") != std::string::npos);
  CHECK(plan.rejected[1].line == 3);
  CHECK(plan.rejected[1].case_id == "CC-0100");
  CHECK(plan.rejected[1].reason.find("field task") != std::string::npos);
  CHECK(plan.rejected[2].line == 4);
  CHECK(plan.rejected[2].reason.find("unknown subject '心内'") != std::string::npos);
  CHECK(plan.rejected[3].line == 5);
  CHECK(plan.rejected[3].reason.find("cases/cardiology/CC-0001.yaml") != std::string::npos);
}

TEST_CASE("import: a row whose files would not validate is refused with the findings", "[release][import]") {
  TempRepo repo;
  Project p = open(repo);
  // Two criteria where the config requires 30.
  std::string row = R"({"case_id":"CC-0200","difficulty":"low","task":"用药指导","task_labels":["用药指导"],)"
                    R"("subject":"心血管内科","subject_labels":["心血管内科"],"user_role":"患者本人",)"
                    R"("clinical_context":"患者男，58岁。","user_request":"请问怎么服药？",)"
                    R"("rubrics":[{"criterion_id":"CC-0200-R01","criterion":"说明服药时间。"}]})"
                    "\n";
  ImportPlan plan = plan_import(p, row, ImportOptions{});
  REQUIRE(plan.rejected.size() == 1);
  CHECK(plan.rejected[0].reason.find("integrity/criteria-count") != std::string::npos);
  ImportPlan kept = plan_import(p, row, ImportOptions{"", true});
  CHECK(kept.rejected.empty());
  REQUIRE(kept.cases.size() == 1);
  CHECK_FALSE(kept.cases[0].errors.empty());
}

// Regression (hardening #3): a killed import left a case without its rubric, and the
// re-run refused the row because the case id existed.
TEST_CASE("import: a re-run completes a half-imported row and names an orphan it did not write", "[release][import]") {
  const std::string F = approved_export({{"cardiology", "CC-0001"}, {"anesthesiology", "CC-0027"}});

  TempRepo target;
  Project tp = open(target);
  ImportPlan first = plan_import(tp, F, ImportOptions{"public.jsonl", false});
  REQUIRE(write_import(tp, first));
  const std::string rubric = target.read("rubrics/cardiology/CC-0001.yaml");
  // As a kill between the two renames of a row leaves it; and a stale temp file beside.
  std::filesystem::remove(target.path() + "/rubrics/cardiology/CC-0001.yaml");
  target.write("rubrics/cardiology/CC-0001.yaml.tmp.999999999.AbCdEf", "partial");
  // Someone else's case file for the second row, without a rubric.
  std::filesystem::remove(target.path() + "/rubrics/anesthesiology/CC-0027.yaml");
  target.write("cases/anesthesiology/CC-0027.yaml", target.read("cases/anesthesiology/CC-0027.yaml") + "# edited\n");

  ImportPlan again = plan_import(tp, F, ImportOptions{"public.jsonl", false});
  REQUIRE(again.cases.size() == 1);
  CHECK(again.cases[0].case_id == "CC-0001");
  CHECK(again.cases[0].case_present);
  CHECK_FALSE(again.cases[0].rubric_present);
  REQUIRE(again.rejected.size() == 1);
  CHECK(again.rejected[0].case_id == "CC-0027");
  CHECK_THAT(again.rejected[0].reason, Catch::Contains("cases/anesthesiology/CC-0027.yaml") &&
                                           Catch::Contains("rubrics/anesthesiology/CC-0027.yaml") &&
                                           Catch::Contains("remove"));
  REQUIRE(write_import(tp, again));
  CHECK(target.read("rubrics/cardiology/CC-0001.yaml") == rubric);
  CHECK_FALSE(std::filesystem::exists(target.path() + "/rubrics/cardiology/CC-0001.yaml.tmp.999999999.AbCdEf"));
}
