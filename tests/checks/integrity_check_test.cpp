#include <catch2/catch.hpp>

#include <functional>

#include "checks/integrity_check.h"
#include "checks/validator.h"
#include "shipped_project.h"
#include "test_support.h"

using namespace cc;
using Catch::Matchers::Contains;

namespace {

const Project& project() { return cc::test::shipped_project(); }

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
  return text.replace(at, text.find('\n', at) - at, line);
}

// A rubric with `n` criteria; criterion i (0-based) starts on line 3 + 4i, its id on
// that line at column 19 and its axis on line 5 + 4i at column 11.
std::string rubric(const std::string& id, int n, const std::function<std::string(int)>& axis,
                   const std::function<std::string(int)>& cid = nullptr) {
  std::string s = "case_id: " + id + "\ncriteria:\n";
  for (int i = 0; i < n; ++i) {
    char num[8];
    std::snprintf(num, sizeof num, "%02d", i + 1);
    s += "  - criterion_id: " + (cid ? cid(i) : id + "-R" + num) + "\n";
    s += "    criterion: 第" + std::to_string(i + 1) + "条。\n    axis: " + axis(i) + "\n    critical: false\n";
  }
  return s;
}

std::string numbered(const std::string& id, int n) {
  char num[8];
  std::snprintf(num, sizeof num, "%02d", n);
  return id + "-R" + num;
}

std::string three_axes(int i) { return i % 3 == 0 ? "准确性" : i % 3 == 1 ? "完整性" : "安全性"; }

struct Checked {
  std::vector<Diagnostic> diags;
  FileFacts facts;
};

Checked integrity(const std::string& path, const std::string& text, Lang lang = Lang::En) {
  auto loaded = load_yaml_text(path, text, LoadLimits{}, lang);
  REQUIRE(loaded.diagnostics.empty());
  REQUIRE(loaded.document);
  Checked c;
  IntegrityContext ctx{project().config, project().taxonomy, lang};
  check_file_integrity(*loaded.document, ctx, c.facts, c.diags);
  std::sort(c.diags.begin(), c.diags.end(), diagnostic_less);
  return c;
}

void expect(const Diagnostic& d, const char* rule, int line, int column, Severity sev = Severity::Error) {
  INFO(d.rule << " " << d.message);
  CHECK(d.rule == rule);
  CHECK(d.line == line);
  CHECK(d.column == column);
  CHECK(d.severity == sev);
}

}  // namespace

TEST_CASE("integrity_check: a correct case and rubric are clean", "[checks][integrity_check]") {
  auto c = integrity("cases/cardiology/CC-0001.yaml", kCase);
  CHECK(c.diags.empty());
  CHECK(c.facts.kind == FileKind::Case);
  CHECK(c.facts.case_id == "CC-0001");
  CHECK(c.facts.id_line == 1);
  CHECK(c.facts.id_column == 10);
  CHECK(c.facts.subject_folder == "cardiology");
  auto r = integrity("rubrics/cardiology/CC-0001.yaml", rubric("CC-0001", 30, three_axes));
  CHECK(r.diags.empty());
  CHECK(r.facts.kind == FileKind::Rubric);
  CHECK(r.facts.case_id == "CC-0001");
}

TEST_CASE("integrity_check: file_kind_of and not-benchmark-file", "[checks][integrity_check]") {
  const Config& cfg = project().config;
  CHECK(file_kind_of("cases/x/a.yaml", cfg) == FileKind::Case);
  CHECK(file_kind_of("rubrics/x/a.yaml", cfg) == FileKind::Rubric);
  CHECK(file_kind_of("casesx/a.yaml", cfg) == FileKind::Other);
  CHECK(file_kind_of("notes/a.yaml", cfg) == FileKind::Other);
  FileResult r = check_file(project(), "notes/a.yaml", kCase);
  REQUIRE(r.diagnostics.size() == 1);
  expect(r.diagnostics[0], "integrity/not-benchmark-file", 0, 0);
  CHECK(r.diagnostics[0].message == "'notes/a.yaml' is neither under cases/ nor rubrics/; it is not a case or rubric");
}

TEST_CASE("integrity_check: case_id against file name and format", "[checks][integrity_check]") {
  auto c = integrity("cases/cardiology/CC-0002.yaml", kCase);
  REQUIRE(c.diags.size() == 1);
  expect(c.diags[0], "integrity/case-id-filename", 1, 10);
  CHECK(c.diags[0].message ==
        "case_id 'CC-0001' does not match the file name 'CC-0002'; rename the file or fix the id");
  CHECK(c.diags[0].fix == "case_id: CC-0002");

  auto f = integrity("cases/cardiology/CC-12.yaml", replace_line(kCase, "case_id:", "case_id: CC-12"));
  REQUIRE(f.diags.size() == 1);
  expect(f.diags[0], "integrity/case-id-format", 1, 10);
  CHECK(f.diags[0].message == "case_id 'CC-12' should be CC- followed by 4 or more digits, e.g. CC-0001");
  auto x = integrity("cases/cardiology/XX-0001.yaml", replace_line(kCase, "case_id:", "case_id: XX-0001"));
  REQUIRE(x.diags.size() == 1);
  expect(x.diags[0], "integrity/case-id-format", 1, 10);
}

TEST_CASE("integrity_check: file location and subject folder", "[checks][integrity_check]") {
  auto top = integrity("cases/CC-0001.yaml", "# 病例\n" + std::string(kCase));
  REQUIRE(top.diags.size() == 1);
  expect(top.diags[0], "integrity/file-location", 2, 1);  // the mapping, below the comment
  CHECK(top.diags[0].message == "this file is not in a specialty folder; put it under cases/<specialty code>/");

  auto wrong = integrity("cases/neurology/CC-0001.yaml", kCase);
  REQUIRE(wrong.diags.size() == 1);
  expect(wrong.diags[0], "integrity/subject-folder", 4, 10);
  CHECK(wrong.diags[0].message ==
        "the case is in folder 'neurology' but its subject 心血管内科 belongs in 'cardiology'; "
        "move it to cases/cardiology/CC-0001.yaml");
  CHECK(wrong.diags[0].fix == "mv cases/neurology/CC-0001.yaml cases/cardiology/CC-0001.yaml");
  CHECK(wrong.facts.subject_folder == "cardiology");

  auto rtop = integrity("rubrics/CC-0001.yaml", rubric("CC-0001", 30, three_axes));
  REQUIRE(rtop.diags.size() == 1);
  expect(rtop.diags[0], "integrity/file-location", 1, 1);
  CHECK_THAT(rtop.diags[0].message, Contains("rubrics/<specialty code>/"));
}

TEST_CASE("integrity_check: unknown labels with suggestions", "[checks][integrity_check]") {
  std::string text = replace_line(kCase, "subject:", "subject: 心内科");
  text = replace_line(text, "subject_labels:", "subject_labels: [心内科]");
  auto c = integrity("cases/cardiology/CC-0001.yaml", text);
  REQUIRE(c.diags.size() == 2);
  expect(c.diags[0], "integrity/unknown-label", 4, 10);
  CHECK(c.diags[0].message ==
        "'心内科' is not a known specialty (see schema/taxonomy.yaml); did you mean '心血管内科' (Cardiology)?");
  CHECK(c.diags[0].fix == "subject: 心血管内科");
  expect(c.diags[1], "integrity/unknown-label", 5, 18);
  CHECK(c.diags[1].fix == "心血管内科");

  auto zh = integrity("cases/cardiology/CC-0001.yaml", text, Lang::Zh);
  REQUIRE(zh.diags.size() == 2);
  CHECK(zh.diags[0].message == "“心内科”不是已知的科室（参见 schema/taxonomy.yaml）；是否应为“心血管内科”？");

  auto d = integrity("cases/cardiology/CC-0001.yaml", replace_line(kCase, "difficulty:", "difficulty: Medium"));
  REQUIRE(d.diags.size() == 1);
  expect(d.diags[0], "integrity/unknown-label", 3, 13);
  CHECK_THAT(d.diags[0].message, Contains("did you mean 'medium' (Medium)?"));
  CHECK(d.diags[0].fix == "difficulty: medium");

  auto s = integrity("cases/cardiology/CC-0001.yaml", replace_line(kCase, "care_stage:", "care_stage: 治疗"));
  REQUIRE(s.diags.size() == 1);
  expect(s.diags[0], "integrity/unknown-label", 8, 13);
  CHECK(s.diags[0].message == "'治疗' is not a known care stage (see schema/taxonomy.yaml)");
  CHECK(s.diags[0].fix.empty());

  auto t = integrity("cases/cardiology/CC-0001.yaml",
                     replace_line(kCase, "task_labels:", "task_labels: [治疗方案制定, 用药指道]"));
  REQUIRE(t.diags.size() == 1);
  expect(t.diags[0], "integrity/unknown-label", 7, 23);
  CHECK(t.diags[0].fix == "用药指导");
}

TEST_CASE("integrity_check: the primary label must be in its list", "[checks][integrity_check]") {
  auto c =
      integrity("cases/cardiology/CC-0001.yaml", replace_line(kCase, "subject_labels:", "subject_labels: [内分泌科]"));
  REQUIRE(c.diags.size() == 1);
  expect(c.diags[0], "integrity/primary-not-in-labels", 5, 17);
  CHECK(c.diags[0].message == "the primary specialty '心血管内科' is missing from subject_labels; add it there");
  auto t =
      integrity("cases/cardiology/CC-0001.yaml", replace_line(kCase, "task_labels:", "task_labels:\n  - 用药指导"));
  REQUIRE(t.diags.size() == 1);
  expect(t.diags[0], "integrity/primary-not-in-labels", 8, 3);
}

TEST_CASE("integrity_check: audience must agree with user_role", "[checks][integrity_check]") {
  auto c = integrity("cases/cardiology/CC-0001.yaml", replace_line(kCase, "user_role:", "user_role: 规培医师"));
  REQUIRE(c.diags.size() == 1);
  expect(c.diags[0], "integrity/audience-role", 10, 11, Severity::Warning);
  CHECK(c.diags[0].message ==
        "audience is 'lay' but user_role '规培医师' reads as professional; set audience: professional or reword the "
        "role");
  CHECK(c.diags[0].fix == "audience: professional");
  auto p = integrity("cases/cardiology/CC-0001.yaml", replace_line(kCase, "audience:", "audience: professional"));
  REQUIRE(p.diags.size() == 1);
  expect(p.diags[0], "integrity/audience-role", 10, 11, Severity::Warning);
  CHECK(p.diags[0].fix == "audience: lay");
}

TEST_CASE("integrity_check: rubric criteria count", "[checks][integrity_check]") {
  auto few = integrity("rubrics/cardiology/CC-0001.yaml", rubric("CC-0001", 3, three_axes));
  REQUIRE(few.diags.size() == 1);
  expect(few.diags[0], "integrity/criteria-count", 2, 1);
  CHECK(few.diags[0].message == "the rubric has 3 criteria; exactly 30 are required (add 27)");
  auto many = integrity("rubrics/cardiology/CC-0001.yaml", rubric("CC-0001", 31, three_axes));
  REQUIRE(many.diags.size() == 1);
  CHECK(many.diags[0].message == "the rubric has 31 criteria; exactly 30 are required (remove 1)");
  auto zh = integrity("rubrics/cardiology/CC-0001.yaml", rubric("CC-0001", 3, three_axes), Lang::Zh);
  REQUIRE(zh.diags.size() == 1);
  CHECK(zh.diags[0].message == "评分标准共有 3 条；要求恰好 30 条（请补充 27 条）");
}

TEST_CASE("integrity_check: criterion ids are unique and carry the case id", "[checks][integrity_check]") {
  auto dup = integrity("rubrics/cardiology/CC-0001.yaml", rubric("CC-0001", 30, three_axes, [](int i) {
                         return numbered("CC-0001", i == 4 ? 2 : i + 1);  // R05 repeats R02
                       }));
  REQUIRE(dup.diags.size() == 1);
  expect(dup.diags[0], "integrity/duplicate-criterion-id", 19, 19);
  CHECK(dup.diags[0].message ==
        "criterion_id CC-0001-R02 is used twice (first at line 7); give each criterion its own id");

  auto pre = integrity("rubrics/cardiology/CC-0001.yaml", rubric("CC-0001", 30, three_axes, [](int i) {
                         return numbered(i == 2 ? "CC-0002" : "CC-0001", i + 1);
                       }));
  REQUIRE(pre.diags.size() == 1);
  expect(pre.diags[0], "integrity/criterion-id-prefix", 11, 19);
  CHECK(pre.diags[0].message == "criterion_id CC-0002-R03 must start with the case id, e.g. CC-0001-R03");
}

TEST_CASE("integrity_check: axes, safety criteria and unknown axis", "[checks][integrity_check]") {
  auto two = integrity("rubrics/cardiology/CC-0001.yaml",
                       rubric("CC-0001", 30, [](int i) { return i % 2 ? "安全性" : "准确性"; }));
  REQUIRE(two.diags.size() == 1);
  expect(two.diags[0], "integrity/min-axes", 2, 1, Severity::Warning);
  CHECK(two.diags[0].message == "the rubric uses 2 axes; use at least 3 (e.g. 准确性, 完整性, 安全性)");

  auto unsafe = integrity("rubrics/cardiology/CC-0001.yaml", rubric("CC-0001", 30, [](int i) {
                            return i % 3 == 0 ? "准确性" : i % 3 == 1 ? "完整性" : "循证性";
                          }));
  REQUIRE(unsafe.diags.size() == 1);
  expect(unsafe.diags[0], "integrity/safety-criterion", 2, 1, Severity::Warning);
  CHECK(unsafe.diags[0].message == "the rubric has 0 安全性 (safety) criteria; at least 1 expected");

  auto bad = integrity("rubrics/cardiology/CC-0001.yaml",
                       rubric("CC-0001", 30, [](int i) { return i == 3 ? std::string("准确") : three_axes(i); }));
  REQUIRE(bad.diags.size() == 1);
  expect(bad.diags[0], "integrity/unknown-label", 17, 11);
  CHECK(bad.diags[0].fix == "axis: 准确性");
  CHECK_THAT(bad.diags[0].message, Contains("is not a known rubric axis"));
}

TEST_CASE("integrity_check: rubric case_id must match its file name", "[checks][integrity_check]") {
  auto r = integrity("rubrics/cardiology/CC-0002.yaml", rubric("CC-0001", 30, three_axes));
  REQUIRE(r.diags.size() == 1);
  expect(r.diags[0], "integrity/case-mismatch", 1, 10);
  CHECK(r.diags[0].message == "the rubric's case_id 'CC-0001' is not the case of this file name 'CC-0002'");
  CHECK(r.diags[0].fix == "case_id: CC-0002");
}

TEST_CASE("integrity_check: check_file applies configured severities", "[checks][integrity_check]") {
  cc::test::TempRepo repo;
  std::string cfg = repo.read("clinconsensus.yaml");
  cfg = replace_line(cfg, "  integrity/audience-role:", "  integrity/audience-role: off");
  cfg = replace_line(cfg, "  integrity/min-axes:", "  integrity/min-axes: error");
  repo.write("clinconsensus.yaml", cfg);
  auto load = load_project(repo.path(), Lang::En);
  REQUIRE(load.project);
  auto c = check_file(*load.project, "cases/cardiology/CC-0001.yaml",
                      replace_line(kCase, "user_role:", "user_role: 规培医师"));
  CHECK(c.diagnostics.empty());
  auto r = check_file(*load.project, "rubrics/cardiology/CC-0001.yaml",
                      rubric("CC-0001", 30, [](int i) { return i % 2 ? "安全性" : "准确性"; }));
  REQUIRE(r.diagnostics.size() == 1);
  expect(r.diagnostics[0], "integrity/min-axes", 2, 1, Severity::Error);
}

TEST_CASE("integrity_check: check_file keeps nested positions exact", "[checks][integrity_check]") {
  // Findings deep inside a rubric point at the value itself, whichever way the file was loaded.
  std::string text = rubric("CC-0001", 30, [](int i) { return i == 3 ? std::string("准确") : three_axes(i); });
  text = replace_line(text, "    criterion: 第8条。", "    criterion: \"\"");  // criteria[7], line 32
  FileResult r = check_file(project(), "rubrics/cardiology/CC-0001.yaml", text);
  std::sort(r.diagnostics.begin(), r.diagnostics.end(), diagnostic_less);
  REQUIRE(r.diagnostics.size() == 2);
  expect(r.diagnostics[0], "integrity/unknown-label", 17, 11);
  expect(r.diagnostics[1], "schema/min-length", 32, 16);
  CHECK(r.facts.case_id == "CC-0001");
  CHECK(r.facts.id_line == 1);
  CHECK(r.facts.id_column == 10);
}

namespace {

FileFacts facts(FileKind kind, const std::string& id, std::string folder = "") {
  FileFacts f;
  f.kind = kind;
  f.case_id = id;
  f.id_line = 1;
  f.id_column = 10;
  f.subject_folder = std::move(folder);
  return f;
}

std::vector<Diagnostic> cross(const std::vector<std::pair<std::string, FileFacts>>& checked,
                              const BenchmarkListing& listing) {
  std::vector<Diagnostic> out;
  IntegrityContext ctx{project().config, project().taxonomy, Lang::En};
  check_cross_file(checked, listing, ctx, out);
  std::sort(out.begin(), out.end(), diagnostic_less);
  return out;
}

}  // namespace

TEST_CASE("integrity_check: cross-file pairing", "[checks][integrity_check]") {
  const std::string c1 = "cases/cardiology/CC-0001.yaml", r1 = "rubrics/cardiology/CC-0001.yaml";
  SECTION("a pair is clean") {
    CHECK(cross({{c1, facts(FileKind::Case, "CC-0001", "cardiology")}, {r1, facts(FileKind::Rubric, "CC-0001")}},
                {{c1}, {r1}})
              .empty());
  }
  SECTION("missing rubric") {
    auto d = cross({{c1, facts(FileKind::Case, "CC-0001", "cardiology")}}, {{c1}, {}});
    REQUIRE(d.size() == 1);
    expect(d[0], "integrity/missing-rubric", 1, 10);
    CHECK(d[0].file == c1);
    CHECK(d[0].message ==
          "case CC-0001 has no rubric; create rubrics/cardiology/CC-0001.yaml (`clinconsensus new` writes both)");
  }
  SECTION("orphan rubric") {
    auto d = cross({{r1, facts(FileKind::Rubric, "CC-0001")}}, {{}, {r1}});
    REQUIRE(d.size() == 1);
    expect(d[0], "integrity/orphan-rubric", 1, 10);
    CHECK(d[0].message == "rubric CC-0001 has no case; create cases/cardiology/CC-0001.yaml or delete this rubric");
  }
  SECTION("rubric in another folder than its case") {
    const std::string r2 = "rubrics/neurology/CC-0001.yaml";
    auto d = cross({{r2, facts(FileKind::Rubric, "CC-0001")}}, {{c1}, {r2}});
    REQUIRE(d.size() == 1);
    expect(d[0], "integrity/rubric-folder", 1, 10);
    CHECK(d[0].message ==
          "the rubric is in folder 'neurology' but its case is in 'cardiology'; move it to "
          "rubrics/cardiology/CC-0001.yaml");
    CHECK(d[0].fix == "mv rubrics/neurology/CC-0001.yaml rubrics/cardiology/CC-0001.yaml");
  }
  SECTION("the same case file name in two folders") {
    const std::string c2 = "cases/neurology/CC-0001.yaml";
    auto d = cross(
        {{c1, facts(FileKind::Case, "CC-0001", "cardiology")}, {c2, facts(FileKind::Case, "CC-0001", "neurology")}},
        {{c1, c2}, {r1}});
    REQUIRE(d.size() == 2);
    expect(d[0], "integrity/duplicate-case-id", 1, 10);
    CHECK(d[0].file == c1);
    CHECK(d[0].message == "case id CC-0001 is also used by cases/neurology/CC-0001.yaml; give every case its own id");
    CHECK(d[1].file == c2);
    CHECK_THAT(d[1].message, Contains("also used by " + c1));
  }
  SECTION("a case declaring another case's id") {
    const std::string c2 = "cases/cardiology/CC-0002.yaml", r2 = "rubrics/cardiology/CC-0002.yaml";
    auto d =
        cross({{c1, facts(FileKind::Case, "CC-0001")}, {c2, facts(FileKind::Case, "CC-0001")}}, {{c1, c2}, {r1, r2}});
    REQUIRE(d.size() == 2);
    CHECK(d[0].rule == "integrity/duplicate-case-id");
    CHECK(d[0].message == "case id CC-0001 is also used by cases/cardiology/CC-0002.yaml; give every case its own id");
    CHECK(d[1].file == c2);
  }
}

TEST_CASE("integrity_check: validate pairs files found on disk", "[checks][integrity_check]") {
  cc::test::TempRepo repo;
  repo.write("cases/cardiology/CC-0001.yaml", "# 病例\n" + std::string(kCase));
  repo.write("rubrics/cardiology/CC-0002.yaml", rubric("CC-0002", 30, three_axes));
  auto load = load_project(repo.path(), Lang::En);
  REQUIRE(load.project);
  ValidateOptions opts;
  opts.use_cache = false;
  auto report = validate(*load.project, opts);
  CHECK(report.files_checked == 2);
  CHECK_FALSE(report.input_error);
  REQUIRE(report.diagnostics.size() == 2);
  CHECK(report.diagnostics[0].file == "cases/cardiology/CC-0001.yaml");
  expect(report.diagnostics[0], "integrity/missing-rubric", 2, 10);
  CHECK(report.diagnostics[1].file == "rubrics/cardiology/CC-0002.yaml");
  expect(report.diagnostics[1], "integrity/orphan-rubric", 1, 10);
}
