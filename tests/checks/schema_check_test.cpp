#include <algorithm>

#include <catch2/catch.hpp>

#include "checks/schema_check.h"
#include "checks/schema_detail.h"
#include "checks/schema_sync.h"
#include "core/yaml_loader.h"
#include "test_support.h"

using namespace cc;
using Catch::Matchers::Contains;

namespace {

const SchemaChecker& schema(const char* name) {
  static std::map<std::string, SchemaChecker> cache;
  auto it = cache.find(name);
  if (it == cache.end()) {
    std::vector<Diagnostic> diags;
    // As validate loads them: the keywords `schema sync` generates are left to the
    // integrity checks (checks/schema_sync.h).
    auto c = SchemaChecker::load(cc::test::source_dir() + "/schema/" + name, std::string("schema/") + name, Lang::En,
                                 diags, generated_keywords(name));
    REQUIRE(diags.empty());
    REQUIRE(c);
    it = cache.emplace(name, std::move(*c)).first;
  }
  return it->second;
}

// Lines 1–13 of a valid case; tests replace or append lines.
const char* kCase =
    "case_id: CC-0001\n"                  // 1
    "status: draft\n"                     // 2
    "difficulty: medium\n"                // 3
    "subject: 心血管内科\n"               // 4
    "subject_labels: [心血管内科]\n"      // 5
    "task: 治疗方案制定\n"                // 6
    "task_labels: [治疗方案制定]\n"       // 7
    "care_stage: 干预\n"                  // 8
    "user_role: 患者本人\n"               // 9
    "audience: lay\n"                     // 10
    "clinical_context: 患者男，58岁。\n"  // 11
    "user_request: 请问怎么办？\n"        // 12
    "authors: [张医生]\n";                // 13

std::string replace_line(std::string text, const std::string& prefix, const std::string& line) {
  size_t at = text.find(prefix);
  REQUIRE(at != std::string::npos);
  size_t end = text.find('\n', at);
  return text.replace(at, end - at, line);
}

std::vector<Diagnostic> check(const char* schema_name, const std::string& text, Lang lang = Lang::En) {
  auto loaded = load_yaml_text("cases/cardiology/CC-0001.yaml", text, LoadLimits{}, lang);
  REQUIRE(loaded.diagnostics.empty());
  REQUIRE(loaded.document);
  std::vector<Diagnostic> out;
  schema(schema_name).check(*loaded.document, lang, out);
  for (const auto& d : out) {
    INFO(d.rule << " " << d.message);
    CHECK(d.message.find("Failed to validate") == std::string::npos);  // leaf errors only
    CHECK(d.file == "cases/cardiology/CC-0001.yaml");
  }
  return out;
}

// By value: callers pass a temporary vector.
Diagnostic single(const std::vector<Diagnostic>& diags) {
  REQUIRE(diags.size() == 1);
  return diags[0];
}

}  // namespace

TEST_CASE("schema_check: a valid case and rubric pass", "[checks][schema_check]") {
  CHECK(check("case.schema.json", kCase).empty());
  CHECK(check("case.schema.json", std::string(kCase) + "provenance: {source: original, created: \"2026-11-22\"}\n")
            .empty());
  CHECK(check("rubric.schema.json",
              "case_id: CC-0001\ncriteria:\n  - {criterion_id: CC-0001-R01, criterion: 说明风险。, axis: 准确性}\n")
            .empty());
}

TEST_CASE("schema_check: a schema that cannot be read is reported", "[checks][schema_check]") {
  std::vector<Diagnostic> diags;
  auto c = SchemaChecker::load("/nonexistent/x.schema.json", "schema/x.schema.json", Lang::En, diags);
  CHECK_FALSE(c);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].rule == "schema/unusable");
  CHECK(diags[0].file == "schema/x.schema.json");
}

TEST_CASE("schema_check: schema/required at the object's position", "[checks][schema_check]") {
  std::string text = replace_line(kCase, "status:", "# status removed");
  const auto& d = single(check("case.schema.json", text));
  CHECK(d.rule == "schema/required");
  CHECK(d.severity == Severity::Error);
  CHECK(d.line == 1);
  CHECK(d.column == 1);
  CHECK(d.message ==
        "missing required field 'status' (Workflow status; only approved cases are released. Never exported.); add it");
  auto zh = check("case.schema.json", text, Lang::Zh);
  REQUIRE(zh.size() == 1);
  CHECK(zh[0].message == "缺少必填字段“status”；请补充");

  // Inside a list item: the item's mapping, where its first key starts.
  const auto& r = single(check("rubric.schema.json",
                               "case_id: CC-0001\n"
                               "criteria:\n"
                               "  - criterion_id: CC-0001-R01\n"
                               "    criterion: 说明风险。\n"));
  CHECK(r.rule == "schema/required");
  CHECK(r.line == 3);
  CHECK(r.column == 5);
  CHECK_THAT(r.message, Contains("'axis'"));
}

TEST_CASE("schema_check: schema/unknown-key with did-you-mean at the key", "[checks][schema_check]") {
  const auto& d = single(check("case.schema.json", std::string(kCase) + "subjetc: 心血管内科\n"));
  CHECK(d.rule == "schema/unknown-key");
  CHECK(d.line == 14);
  CHECK(d.column == 1);
  CHECK_THAT(d.message, Contains("unknown field 'subjetc'"));
  CHECK_THAT(d.message, Contains("; did you mean 'subject'?"));
  CHECK_THAT(d.message, Contains("case_id"));
  CHECK(d.fix == "subjetc → subject");

  // Columns after Chinese text are code points; the nested schema supplies the candidates.
  const auto& n =
      single(check("case.schema.json", std::string(kCase) + "provenance: {notes: 来源原创, sourse: original}\n"));
  CHECK(n.rule == "schema/unknown-key");
  CHECK(n.line == 14);
  CHECK(n.column == 27);
  CHECK(n.fix == "sourse → source");
  CHECK_THAT(n.message, Contains("allowed here: created, notes, source"));
}

TEST_CASE("schema_check: every unknown key of a mapping is reported", "[checks][schema_check]") {
  auto diags = check("case.schema.json", std::string(kCase) + "foo: 1\nbar: 2\n");
  std::sort(diags.begin(), diags.end(), diagnostic_less);
  REQUIRE(diags.size() == 2);
  CHECK(diags[0].rule == "schema/unknown-key");
  CHECK(diags[0].line == 14);
  CHECK(diags[0].column == 1);
  CHECK_THAT(diags[0].message, Contains("'foo'"));
  CHECK(diags[1].rule == "schema/unknown-key");
  CHECK(diags[1].line == 15);
  CHECK_THAT(diags[1].message, Contains("'bar'"));
}

TEST_CASE("schema_check: schema/type names expected and actual types", "[checks][schema_check]") {
  const auto& d = single(check("case.schema.json", replace_line(kCase, "authors:", "authors: 张医生")));
  CHECK(d.rule == "schema/type");
  CHECK(d.line == 13);
  CHECK(d.column == 10);
  CHECK(d.message == "'authors' must be a list, not text");

  const auto& n = single(check("case.schema.json", replace_line(kCase, "difficulty:", "difficulty: 3")));
  CHECK(n.rule == "schema/type");
  CHECK(n.line == 3);
  CHECK(n.column == 13);
  CHECK(n.message == "'difficulty' must be text, not a whole number");

  // YAML 1.2: "yes" is text, so a boolean field rejects it.
  const auto& b = single(check("rubric.schema.json",
                               "case_id: CC-0001\ncriteria:\n  - criterion_id: CC-0001-R01\n"
                               "    criterion: 说明风险。\n    axis: 准确性\n    critical: yes\n"));
  CHECK(b.rule == "schema/type");
  CHECK(b.line == 6);
  CHECK(b.column == 15);
  CHECK(b.message == "'criteria[0].critical' must be true or false, not text");
}

TEST_CASE("schema_check: a number with a zero fraction is an integer, as Draft-07 says", "[checks][schema_check]") {
  auto rubric = [](const std::string& revision) {
    return "case_id: CC-0001\ncriteria:\n  - criterion_id: CC-0001-R01\n"
           "    criterion: 说明风险。\n    axis: 准确性\n    revision: " +
           revision + "\n";
  };
  for (const char* whole : {"2", "2.0", "1e0", "2.000", "20E-1"}) {
    INFO("revision: " << whole);
    CHECK(check("rubric.schema.json", rubric(whole)).empty());
  }
  const auto& d = single(check("rubric.schema.json", rubric("2.5")));
  CHECK(d.rule == "schema/type");
  CHECK(d.line == 6);
  CHECK(d.message == "'criteria[0].revision' must be a whole number, not a number");
  // The bound still applies to a whole float.
  CHECK(single(check("rubric.schema.json", rubric("0.0"))).rule == "schema/range");
}

TEST_CASE("schema_check: schema/enum on status", "[checks][schema_check]") {
  const auto& d = single(check("case.schema.json", replace_line(kCase, "status:", "status: final")));
  CHECK(d.rule == "schema/enum");
  CHECK(d.line == 2);
  CHECK(d.column == 9);
  CHECK(d.message == "'final' is not allowed for 'status'; use one of: draft, review, approved, retired");
  CHECK(d.fix.empty());
  const auto& near = single(check("case.schema.json", replace_line(kCase, "status:", "status: aproved")));
  CHECK(near.rule == "schema/enum");
  CHECK(near.fix == "status: approved");
}

TEST_CASE("schema_check: schema/pattern on case_id", "[checks][schema_check]") {
  const auto& d = single(check("case.schema.json", replace_line(kCase, "case_id:", "case_id: cc-1")));
  CHECK(d.rule == "schema/pattern");
  CHECK(d.line == 1);
  CHECK(d.column == 10);
  CHECK(d.message == "'cc-1' is not a valid 'case_id' (Stable case identifier, equal to the file name, e.g. CC-0001.)");
}

TEST_CASE("schema_check: schema/min-items, unique-items and min-length", "[checks][schema_check]") {
  const auto& mi = single(check("case.schema.json", replace_line(kCase, "subject_labels:", "subject_labels: []")));
  CHECK(mi.rule == "schema/min-items");
  CHECK(mi.line == 5);
  CHECK(mi.column == 17);
  CHECK(mi.message == "'subject_labels' needs at least 1 item");

  const auto& ui =
      single(check("case.schema.json",
                   replace_line(kCase, "subject_labels:", "subject_labels: [心血管内科, 内分泌科, 心血管内科]")));
  CHECK(ui.rule == "schema/unique-items");
  CHECK(ui.line == 5);
  CHECK(ui.column == 31);  // the repeat, counted in code points
  CHECK(ui.message == "'subject_labels' lists the same value twice (items 1 and 3); remove the repeat");

  const auto& ml = single(check("case.schema.json", replace_line(kCase, "user_role:", "user_role: ''")));
  CHECK(ml.rule == "schema/min-length");
  CHECK(ml.line == 9);
  CHECK(ml.column == 12);
  CHECK(ml.message == "'user_role' must not be empty");
}

TEST_CASE("schema_check: nested errors are reported as leaves only", "[checks][schema_check]") {
  auto diags = check("rubric.schema.json",
                     "case_id: CC-0001\n"               // 1
                     "criteria:\n"                      // 2
                     "  - criterion_id: CC-0001-R01\n"  // 3
                     "    criterion: 说明风险。\n"      // 4
                     "    axis: 准确性\n"               // 5
                     "  - criterion_id: CC-0001-R2x\n"  // 6
                     "    criterion: \"\"\n"            // 7
                     "    axs: 安全性\n");              // 8
  std::sort(diags.begin(), diags.end(), diagnostic_less);
  REQUIRE(diags.size() == 4);
  CHECK(diags[0].rule == "schema/required");  // 'axis' missing from the second item
  CHECK(diags[0].line == 6);
  CHECK(diags[0].column == 5);
  CHECK(diags[1].rule == "schema/pattern");
  CHECK(diags[1].line == 6);
  CHECK(diags[1].column == 19);
  CHECK_THAT(diags[1].message, Contains("'criteria[1].criterion_id'"));
  CHECK(diags[2].rule == "schema/min-length");
  CHECK(diags[2].line == 7);
  CHECK(diags[2].column == 16);
  CHECK(diags[3].rule == "schema/unknown-key");
  CHECK(diags[3].line == 8);
  CHECK(diags[3].column == 5);
  CHECK(diags[3].fix == "axs → axis");
  for (const auto& d : diags) CHECK(d.rule != "schema/invalid");
}

TEST_CASE("schema_check: a document that is not a mapping", "[checks][schema_check]") {
  const auto& d = single(check("case.schema.json", "- a\n- b\n"));
  CHECK(d.rule == "schema/type");
  CHECK(d.line == 1);
  CHECK(d.column == 1);
  CHECK(d.message == "'(file)' must be a mapping (key: value lines), not a list");
}

TEST_CASE("schema_check: a bound's detail is said in the reader's language, with plain numbers",
          "[checks][schema_check][locale]") {
  const std::string rubric =
      "case_id: CC-0001\ncriteria:\n  - criterion_id: CC-0001-R01\n    criterion: 说明风险。\n    axis: 准确性\n"
      "    revision: 0\nreview: {agreement: 1.5}\n";
  auto by_line = [](std::vector<Diagnostic> v) {
    std::sort(v.begin(), v.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    return v;
  };
  auto en = by_line(check("rubric.schema.json", rubric));
  REQUIRE(en.size() == 2);
  CHECK(en[0].message == "'criteria[0].revision' is out of range: must be at least 1");
  CHECK(en[1].message == "'review.agreement' is out of range: must be at most 1");
  auto zh = by_line(check("rubric.schema.json", rubric, Lang::Zh));
  REQUIRE(zh.size() == 2);
  // valijson says "Expected number greater than or equal to 1.000000": none of it is left.
  CHECK(zh[0].message == "“criteria[0].revision”超出允许范围：应不小于 1");
  CHECK(zh[1].message == "“review.agreement”超出允许范围：应不大于 1");
}

TEST_CASE("schema_check: details of keywords the schemas may use later", "[checks][schema_check][locale]") {
  CHECK(range_detail("Expected number greater than 0.500000", Lang::En) == "must be greater than 0.5");
  CHECK(range_detail("Expected number less than 10.000000", Lang::Zh) == "应小于 10");
  CHECK(invalid_detail("Value should be a multiple of 5.000000", Lang::Zh) == "应为 5 的整数倍");
  CHECK(invalid_detail("Missing dependency 'reason'.", Lang::Zh) == "需要同时填写字段“reason”");
  CHECK(invalid_detail("Object should have no fewer than 2 properties.", Lang::En) == "needs at least 2 fields");
  CHECK(invalid_detail("Something valijson may say one day", Lang::Zh) == "Something valijson may say one day");
}
