// The Chinese-text rules through validate run in process (validate_in_process.h).
// Each fixture in tests/fixtures/text-* is the shipped CC-0001 pair with exactly one thing
// broken; the positions below come from reading the fixture (columns count code points,
// so every Chinese character is one column). See tests/fixtures/README.md.
#include "checks/validate_in_process.h"

using namespace cc::test;

namespace {

// The rules of the findings of `r` whose id starts with `prefix`.
std::vector<std::string> keys_with_prefix(const JsonRun& r, const std::string& prefix) {
  std::vector<std::string> out;
  if (!r.doc.is_object()) return out;
  for (const auto& d : r.doc["diagnostics"]) {
    std::string rule = d.value("rule", "");
    if (rule.rfind(prefix, 0) == 0)
      out.push_back(
          key_of(d.value("file", ""), d.value("line", -1), d.value("column", -1), d.value("severity", ""), rule));
  }
  return out;
}
}  // namespace

TEST_CASE("validate: text/encoding names GB18030 and points past the bytes that happen to be UTF-8",
          "[validate][text]") {
  TempRepo repo;
  // The whole case in GB18030. Line 2 is `# 示例病例：…`; 示 is CA BE, which is also a
  // well-formed UTF-8 sequence (U+02BE), so it counts as one column; 例 is C0 FD, and C0
  // never starts UTF-8: the first bad byte is at line 2, column 2 + 1 + 1 = 4.
  auto r = expect_fixture_in_process(repo, "text-encoding-gb18030", {{kCase, 2, 4, "text/encoding"}}, 1);
  std::string msg = message_at(r, kCase, 2, 4, "text/encoding");
  CHECK_THAT(msg, Catch::Contains("0xC0"));
  CHECK_THAT(msg, Catch::Contains("GB18030"));
  CHECK_THAT(msg, Catch::Contains("clinconsensus fix"));
}

TEST_CASE("validate: text/encoding names UTF-16LE for a file saved with its byte-order mark", "[validate][text]") {
  TempRepo repo;
  // FF FE starts the file: FF is never UTF-8, so 1:1.
  auto r = expect_fixture_in_process(repo, "text-encoding-utf16le", {{kCase, 1, 1, "text/encoding"}}, 1);
  std::string msg = message_at(r, kCase, 1, 1, "text/encoding");
  CHECK_THAT(msg, Catch::Contains("0xFF"));
  CHECK_THAT(msg, Catch::Contains("UTF-16LE"));
  CHECK_THAT(msg, Catch::Contains("clinconsensus fix"));
}

TEST_CASE("validate: text/nfc points at the base letter of a decomposed é", "[validate][text]") {
  TempRepo repo;
  // Line 24 `  notes: 示例病例（参考Pe\u0301rez格式），…`: "  notes: " is 9 columns, 示例病例
  // 10-13, （ 14, 参考 15-16, P 17, e 18 (the combining accent follows it).
  auto r = expect_fixture_in_process(repo, "text-nfc", {{kCase, 24, 18, "text/nfc"}}, 1);
  CHECK(fix_at(r, kCase, 24, 18, "text/nfc") == "clinconsensus fix");
}

TEST_CASE("validate: text/invisible points at a zero-width space inside a block scalar", "[validate][text]") {
  TempRepo repo;
  // Line 19 `  医生\u200B说…`: two spaces of indentation, 医生 at 3-4, the ZWSP at 5.
  auto r = expect_fixture_in_process(repo, "text-invisible", {{kCase, 19, 5, "text/invisible"}}, 1);
  CHECK_THAT(message_at(r, kCase, 19, 5, "text/invisible"), Catch::Contains("200B"));
  CHECK(fix_at(r, kCase, 19, 5, "text/invisible") == "clinconsensus fix");
}

TEST_CASE("validate: text/fullwidth-alnum reports a run of full-width digits once", "[validate][text]") {
  TempRepo repo;
  // Line 17 `  患者女，７１岁`: 患者女 3-5, ， 6, ７１ from 7: one finding for the run.
  auto r = expect_fixture_in_process(repo, "text-fullwidth-alnum", {{kCase, 17, 7, "text/fullwidth-alnum"}}, 1);
  CHECK_THAT(message_at(r, kCase, 17, 7, "text/fullwidth-alnum"), Catch::Contains("'71'"));
}

TEST_CASE("validate: text/halfwidth-punct points at a half-width comma after Chinese", "[validate][text]") {
  TempRepo repo;
  // Line 17 `  患者女,71岁`: the comma is column 6.
  auto r = expect_fixture_in_process(repo, "text-halfwidth-punct", {{kCase, 17, 6, "text/halfwidth-punct"}}, 1);
  CHECK_THAT(message_at(r, kCase, 17, 6, "text/halfwidth-punct"), Catch::Contains("'，'"));
}

TEST_CASE("validate: text/fullwidth-punct points at a full-width stop inside a number of the rubric",
          "[validate][text]") {
  TempRepo repo;
  // Rubric line 34 (R08) `    criterion: 说明若选用华法林需定期抽血监测INR并维持在2．0–3.0`:
  // "    criterion: " is 15 columns, then 22 characters up to the 2 (column 38): ． is 39.
  auto r = expect_fixture_in_process(repo, "text-fullwidth-punct", {{kRubric, 34, 39, "text/fullwidth-punct"}}, 1);
  CHECK_THAT(message_at(r, kRubric, 34, 39, "text/fullwidth-punct"), Catch::Contains("'.'"));
}

TEST_CASE("validate: text/mixed-quotes warns at both straight quotes of a value that also has curly ones",
          "[validate][text]") {
  TempRepo repo;
  // Line 17 `  患者女，71岁，"退休教师"。…“预防心脑血管病”…`: the quotes are 11 and 16.
  expect_fixture_in_process(
      repo, "text-mixed-quotes",
      {{kCase, 17, 11, "text/mixed-quotes", "warning"}, {kCase, 17, 16, "text/mixed-quotes", "warning"}}, 0);
}

TEST_CASE("validate: text/repeated-punct points at the first of two commas", "[validate][text]") {
  TempRepo repo;
  // Line 19 `  医生说我妈妈要开始吃抗凝药，，`: 13 characters from column 3, the commas 16-17.
  expect_fixture_in_process(repo, "text-repeated-punct", {{kCase, 19, 16, "text/repeated-punct"}}, 1);
}

TEST_CASE("validate: text/double-space warns at a run of spaces inside a plain scalar", "[validate][text]") {
  TempRepo repo;
  // Line 24 `  notes: 示例病例，仅用于演示工具链，  未经临床验证。`: 示…链， fill 10-23, spaces 24-25.
  auto r = expect_fixture_in_process(repo, "text-double-space", {{kCase, 24, 24, "text/double-space", "warning"}}, 0);
  CHECK_THAT(message_at(r, kCase, 24, 24, "text/double-space"), Catch::Contains("2"));
}

TEST_CASE("validate: text/trailing-space warns at the first trailing space of a line", "[validate][text]") {
  TempRepo repo;
  // Line 9 `task: 治疗方案制定  `: "task: " 6 columns, the task 7-12, spaces from 13.
  expect_fixture_in_process(repo, "text-trailing-space", {{kCase, 9, 13, "text/trailing-space", "warning"}}, 0);
}

TEST_CASE("validate: text/ideographic-space warns at full-width indentation inside a block", "[validate][text]") {
  TempRepo repo;
  // Line 17 `  \u3000\u3000患者女…`: the YAML indentation is two spaces, the U+3000 start at 3.
  expect_fixture_in_process(repo, "text-ideographic-space", {{kCase, 17, 3, "text/ideographic-space", "warning"}}, 0);
}

TEST_CASE("validate: text/traditional warns at 醫 and offers no automatic fix by default", "[validate][text]") {
  TempRepo repo;
  // Line 19 `  醫生说…`: column 3.
  auto r = expect_fixture_in_process(repo, "text-traditional", {{kCase, 19, 3, "text/traditional", "warning"}}, 0);
  std::string msg = message_at(r, kCase, 19, 3, "text/traditional");
  CHECK_THAT(msg, Catch::Contains("醫"));
  CHECK_THAT(msg, Catch::Contains("医"));
  CHECK(fix_at(r, kCase, 19, 3, "text/traditional").empty());
}

TEST_CASE("validate: text/unit-spelling warns at the spelling that differs from the first one seen",
          "[validate][text]") {
  TempRepo repo;
  // clinical_context (line 17) writes `eGFR 54 mL/min`; the fixture adds `每天喝水1500 ml够吗？`
  // at the end of user_request (line 19): 84 columns of the original line, 每天喝水 85-88,
  // 1500 89-92, a space 93, ml 94. One each: the tie goes to mL, seen first.
  auto r = expect_fixture_in_process(repo, "text-unit-spelling", {{kCase, 19, 94, "text/unit-spelling", "warning"}}, 0);
  std::string msg = message_at(r, kCase, 19, 94, "text/unit-spelling");
  CHECK_THAT(msg, Catch::Contains("'ml'"));
  CHECK_THAT(msg, Catch::Contains("'mL'"));
}

TEST_CASE("validate: text/unit-spelling breaks a tie by the order of the file, not of the keys", "[validate][text]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  // °C once in user_request (line 19), ℃ once in provenance.notes (line 24): °C comes first
  // in the file, so ℃ is the odd one. Line 24 `  notes: 示例病例，体温单位为℃。`: "  notes: " is
  // 9 columns, 示例病例， 10-14, 体温单位为 15-19, ℃ 20.
  edit_file(repo, kCase, "平时要注意些什么？\n", "平时要注意些什么？她体温37.5°C要紧吗？\n");
  edit_file(repo, kCase, "  notes: 示例病例，仅用于演示工具链，未经临床验证。", "  notes: 示例病例，体温单位为℃。");
  auto r = validate_in_process(repo.path());
  check_json_shape(r);
  CHECK(r.keys() == keys_of({{kCase, 24, 20, "text/unit-spelling", "warning"}}));
}

TEST_CASE("validate: text rules speak Chinese under zh at the same positions", "[validate][text]") {
  TempRepo repo;
  repo.overlay_fixture("text-halfwidth-punct");
  auto r = validate_in_process(repo.path(), {}, cc::Lang::Zh);
  check_json_shape(r);
  CHECK(r.keys() == keys_of({{kCase, 17, 6, "text/halfwidth-punct"}}));
  CHECK_THAT(message_at(r, kCase, 17, 6, "text/halfwidth-punct"), Catch::Contains("“，”"));
}

TEST_CASE("validate: a case dense with numbers, Latin, URLs and abbreviations has no text finding",
          "[validate][text]") {
  TempRepo repo;
  // Decimals (3.5 mg, 0.5 g), ratios (1:1000, 3:1), a time (10:30), URLs with commas and
  // dots, an e-mail address, `amoxicillin, clavulanate` inside Chinese, β-OH and
  // 1,25-(OH)2D3, ranges (3~5 天, 3-5天), q.d. b.i.d. p.o. q.n., (100 mg) and
  // (atorvastatin) after Chinese, `OGTT：0 h`, …… and ..., 显著, 摔跤, numbered lines
  // `1. 患者`, v2.1, `mmHg.` at a line end, `INR?`, straight quotes alone.
  repo.overlay_fixture("text-negatives");
  auto r = validate_in_process(repo.path());
  check_json_shape(r);
  CHECK(keys_with_prefix(r, "text/").empty());
  // Nothing else either (privacy rules, owned elsewhere, may look at the e-mail address).
  std::vector<std::string> other;
  for (const auto& k : r.keys())
    if (k.find(" pii/") == std::string::npos) other.push_back(k);
  CHECK(other.empty());
}
