#include <catch2/catch.hpp>

#include "checks/validator.h"
#include "core/scaffold.h"
#include "core/yaml_loader.h"
#include "shipped_project.h"
#include "test_support.h"

using namespace cc;
using Catch::Matchers::Contains;

namespace {

const Project& project() { return cc::test::shipped_project(); }

std::string describe(const std::vector<Diagnostic>& diags) {
  std::string s;
  for (const auto& d : diags)
    s += d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.rule + " " + d.message + "\n";
  return s;
}

}  // namespace

TEST_CASE("scaffold: next_case_id is one above the highest id", "[core][scaffold]") {
  Config cfg;
  CHECK(next_case_id(cfg, {}) == "CC-0001");
  CHECK(next_case_id(cfg, {"CC-0001"}) == "CC-0002");
  CHECK(next_case_id(cfg, {"CC-0001", "CC-0003"}) == "CC-0004");  // gaps stay gaps
  CHECK(next_case_id(cfg, {"CC-0010", "CC-0002"}) == "CC-0011");  // order does not matter
  CHECK(next_case_id(cfg, {"XX-0099", "CC-0002", "CC-abc", "CC-", "notes", "cc-0050", "CC-0007x"}) == "CC-0003");
  CHECK(next_case_id(cfg, {"CC-9999"}) == "CC-10000");  // more digits when needed
  cfg.id_prefix = "MED-";
  cfg.id_digits = 6;
  CHECK(next_case_id(cfg, {"CC-0042", "MED-000041"}) == "MED-000042");
}

TEST_CASE("scaffold: the case text names its labels", "[core][scaffold]") {
  const Project& p = project();
  ScaffoldRequest req;
  req.case_id = "CC-0042";
  req.subject = p.taxonomy.find_specialty_any("cardiology");
  req.task = p.taxonomy.find_task_any("treatment-planning");
  REQUIRE(req.subject);
  REQUIRE(req.task);
  std::string text = scaffold_case(p.config, p.taxonomy, req).value();
  CHECK(text.rfind("# yaml-language-server: $schema=../../schema/case.schema.json\n", 0) == 0);
  auto doc = load_yaml_text("cases/cardiology/CC-0042.yaml", text, LoadLimits{}, Lang::En);
  REQUIRE(doc.document);
  const auto& j = doc.document->root;
  CHECK(j["case_id"] == "CC-0042");
  CHECK(j["status"] == "draft");
  CHECK(j["difficulty"] == "medium");
  CHECK(j["subject"] == "心血管内科");
  CHECK(j["subject_labels"] == nlohmann::json::array({"心血管内科"}));
  CHECK(j["task"] == "治疗方案制定");
  CHECK(j["care_stage"] == "预防");  // the first stage by default
  CHECK(j["user_role"] == "患者本人");
  CHECK(j["audience"] == "lay");

  std::string rubric = scaffold_rubric(p.config, p.taxonomy, req).value();
  auto rdoc = load_yaml_text("rubrics/cardiology/CC-0042.yaml", rubric, LoadLimits{}, Lang::En);
  REQUIRE(rdoc.document);
  const auto& criteria = rdoc.document->root["criteria"];
  REQUIRE(criteria.size() == 30);
  CHECK(criteria[0]["criterion_id"] == "CC-0042-R01");
  CHECK(criteria[29]["criterion_id"] == "CC-0042-R30");
  CHECK(criteria[0]["axis"] == "准确性");
  CHECK(criteria[0]["critical"] == false);
}

TEST_CASE("scaffold: output for every specialty validates clean", "[core][scaffold]") {
  const Project& p = project();
  const auto& tasks = p.taxonomy.tasks.labels;
  size_t i = 0;
  for (const Label& subject : p.taxonomy.specialties.labels) {
    ScaffoldRequest req;
    req.case_id = "CC-" + std::string(i < 9 ? "000" : "00") + std::to_string(i + 1);
    req.subject = &subject;
    req.task = &tasks[i % tasks.size()];
    req.difficulty = p.taxonomy.difficulty.labels[i % 3].code;
    req.care_stage = i % 2 ? p.taxonomy.care_stages.labels[i % 4].zh : "";
    req.audience = i % 2 ? "professional" : "lay";
    ++i;
    INFO(subject.code << " " << req.case_id << " " << req.audience);
    std::string case_path = "cases/" + subject.code + "/" + req.case_id + ".yaml";
    std::string rubric_path = "rubrics/" + subject.code + "/" + req.case_id + ".yaml";
    FileResult c = check_file(p, case_path, scaffold_case(p.config, p.taxonomy, req).value());
    INFO(describe(c.diagnostics));
    // Only the blanks: warnings in a draft case.
    for (const auto& d : c.diagnostics) CHECK((d.rule == "text/placeholder" && d.severity == Severity::Warning));
    CHECK_FALSE(c.diagnostics.empty());
    CHECK(c.facts.kind == FileKind::Case);
    CHECK(c.facts.case_id == req.case_id);
    CHECK(c.facts.subject_folder == subject.code);
    FileResult r = check_file(p, rubric_path, scaffold_rubric(p.config, p.taxonomy, req).value());
    INFO(describe(r.diagnostics));
    // Only the blanks (a rubric has no status; validate lowers them while its case is a draft).
    for (const auto& d : r.diagnostics) CHECK(d.rule == "text/placeholder");
    CHECK_FALSE(r.diagnostics.empty());
    CHECK(r.facts.case_id == req.case_id);
  }
  CHECK(i == 36);
}

TEST_CASE("scaffold: the rubric follows the configured criteria count", "[core][scaffold]") {
  Project p = project();  // a copy whose config asks for 12 criteria
  p.config.criteria_per_case = 12;
  ScaffoldRequest req;
  req.case_id = "CC-0003";
  req.subject = p.taxonomy.find_specialty_any("neurology");
  req.task = p.taxonomy.find_task_any("diagnostic-reasoning");
  std::string text = scaffold_rubric(p.config, p.taxonomy, req).value();
  CHECK_THAT(text, Contains("12 条二元标准"));
  FileResult r = check_file(p, "rubrics/neurology/CC-0003.yaml", text);
  INFO(describe(r.diagnostics));
  CHECK(r.facts.criteria == 12);
  for (const auto& d : r.diagnostics) CHECK(d.rule == "text/placeholder");
}
