// Schema findings (schema/case.schema.json, schema/rubric.schema.json) of validate, run in
// process (validate_in_process.h), one fixture per rule (tests/fixtures/schema-*).
// Rubric criterion i (1-based) of CC-0001 starts on line 5 + 4·(i−1): criterion_id,
// then criterion, axis and critical on the next three lines.
#include "checks/validate_in_process.h"

using namespace cc::test;

TEST_CASE("validate: schema/required points at the criterion that lacks the field", "[validate][schema]") {
  TempRepo repo;
  // R14 (line 57, `  - criterion_id: CC-0001-R14`) has lost its `criterion:` line; the
  // criterion's mapping starts at column 5.
  auto r = expect_fixture_in_process(repo, "schema-required", {{kRubric, 57, 5, "schema/required"}}, 1);
  CHECK_THAT(message_at(r, kRubric, 57, 5, "schema/required"), Catch::Contains("'criterion'"));
}

TEST_CASE("validate: schema/required for a top-level field is reported at the first key, not the modeline comment",
          "[validate][schema]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  edit_file(repo, kCase, "care_stage: 干预\n", "");
  auto r = validate_in_process(repo.path());
  check_json_shape(r);
  CHECK(r.keys() == keys_of({{kCase, 3, 1, "schema/required"}}));
  CHECK_THAT(message_at(r, kCase, 3, 1, "schema/required"), Catch::Contains("'care_stage'"));
  CHECK(r.run.exit_code == 1);
}

TEST_CASE("validate: schema/unknown-key points at the key and suggests the field it resembles", "[validate][schema]") {
  TempRepo repo;
  // Criterion R09's `critical:` is spelled `critcal:` on line 40.
  auto r = expect_fixture_in_process(repo, "schema-unknown-key", {{kRubric, 40, 5, "schema/unknown-key"}}, 1);
  std::string msg = message_at(r, kRubric, 40, 5, "schema/unknown-key");
  CHECK_THAT(msg, Catch::Contains("'critcal'"));
  CHECK_THAT(msg, Catch::Contains("did you mean 'critical'"));
  CHECK_THAT(fix_at(r, kRubric, 40, 5, "schema/unknown-key"), Catch::Contains("critical"));
}

TEST_CASE("validate: schema/unknown-key at the top of a case", "[validate][schema]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  // An optional field misspelt: no required field goes missing with it.
  edit_file(repo, kCase, "provenance:\n", "provenence:\n");
  auto r = validate_in_process(repo.path());
  check_json_shape(r);
  CHECK(r.keys() == keys_of({{kCase, 21, 1, "schema/unknown-key"}}));
  CHECK_THAT(message_at(r, kCase, 21, 1, "schema/unknown-key"), Catch::Contains("did you mean 'provenance'"));
}

TEST_CASE("validate: schema/type points at the value (YAML 1.2: yes is text, not true)", "[validate][schema]") {
  TempRepo repo;
  // R05's `    critical: yes` is line 24; the value starts at column 15.
  auto r = expect_fixture_in_process(repo, "schema-type", {{kRubric, 24, 15, "schema/type"}}, 1);
  std::string msg = message_at(r, kRubric, 24, 15, "schema/type");
  CHECK_THAT(msg, Catch::Contains("critical"));
  CHECK_THAT(msg, Catch::Contains("true or false"));
}

TEST_CASE("validate: schema/enum points at the value and lists the allowed ones", "[validate][schema]") {
  TempRepo repo;
  // Line 4 is `status: done`.
  auto r = expect_fixture_in_process(repo, "schema-enum", {{kCase, 4, 9, "schema/enum"}}, 1);
  std::string msg = message_at(r, kCase, 4, 9, "schema/enum");
  CHECK_THAT(msg, Catch::Contains("'done'"));
  for (const char* v : {"draft", "review", "approved", "retired"}) CHECK_THAT(msg, Catch::Contains(v));
}

TEST_CASE("validate: schema/enum offers the nearest allowed value as a fix", "[validate][schema]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  edit_file(repo, kCase, "status: draft", "status: aproved");
  auto r = validate_in_process(repo.path());
  CHECK(r.keys() == keys_of({{kCase, 4, 9, "schema/enum"}}));
  CHECK(fix_at(r, kCase, 4, 9, "schema/enum") == "status: approved");
}

TEST_CASE("validate: schema/pattern points at the quoted value", "[validate][schema]") {
  TempRepo repo;
  // Line 23 is `  created: "2026/11/22"`; the value (its opening quote) is at column 12.
  auto r = expect_fixture_in_process(repo, "schema-pattern", {{kCase, 23, 12, "schema/pattern"}}, 1);
  CHECK_THAT(message_at(r, kCase, 23, 12, "schema/pattern"), Catch::Contains("2026/11/22"));
}

TEST_CASE("validate: schema/min-items points at the empty list", "[validate][schema]") {
  TempRepo repo;
  // Line 10 is `task_labels: []`. An empty list is not also reported as lacking the
  // primary task.
  expect_fixture_in_process(repo, "schema-min-items", {{kCase, 10, 14, "schema/min-items"}}, 1);
}

TEST_CASE("validate: schema/unique-items points at the repeat, in code points", "[validate][schema]") {
  TempRepo repo;
  // Line 7 is `subject_labels: [心血管内科, 心血管内科]`: the second item starts at code point
  // 25 (byte 35).
  auto r = expect_fixture_in_process(repo, "schema-unique-items", {{kCase, 7, 25, "schema/unique-items"}}, 1);
  std::string msg = message_at(r, kCase, 7, 25, "schema/unique-items");
  CHECK_THAT(msg, Catch::Contains("subject_labels"));
  CHECK_THAT(msg, Catch::Contains("items 1 and 2"));  // 1-based, as an author counts
}

TEST_CASE("validate: schema/min-length points at the empty string", "[validate][schema]") {
  TempRepo repo;
  // R10's `    criterion: ""` is line 42; the value is at column 16.
  auto r = expect_fixture_in_process(repo, "schema-min-length", {{kRubric, 42, 16, "schema/min-length"}}, 1);
  CHECK_THAT(message_at(r, kRubric, 42, 16, "schema/min-length"), Catch::Contains("criterion"));
}

TEST_CASE("validate: a case whose top level is a list is a schema/type finding, not a crash", "[validate][schema]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  repo.write(kCase, "# 误写成列表的病例\n- case_id: CC-0001\n");
  auto r = validate_in_process(repo.path());
  check_json_shape(r);
  // The whole document is the offending value; it starts on line 2.
  CHECK(r.keys() == keys_of({{kCase, 2, 1, "schema/type"}}));
  CHECK(r.run.exit_code == 1);
}
