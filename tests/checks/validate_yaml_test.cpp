// What the YAML loader refuses, through validate run in process (validate_in_process.h).
// Each fixture in tests/fixtures/yaml-* is a shipped case or rubric with one thing broken;
// the expected positions come from reading the fixture (see tests/fixtures/README.md).
#include "checks/validate_in_process.h"

using namespace cc::test;

TEST_CASE("validate: yaml/syntax points at the second colon, counting Chinese characters as one column",
          "[validate][yaml]") {
  TempRepo repo;
  // Line 9 is `task: 治疗方案制定: 用药指导`; "task: " is 6 code points, the task 6 more.
  auto r = expect_fixture_in_process(repo, "yaml-syntax", {{kCase, 9, 13, "yaml/syntax"}}, 1);
  CHECK_THAT(message_at(r, kCase, 9, 13, "yaml/syntax"), Catch::Contains("YAML syntax error"));
  CHECK(r.doc["files_checked"] == 2);
}

TEST_CASE("validate: yaml/duplicate-key points at the repeated key and names the first", "[validate][yaml]") {
  TempRepo repo;
  // Criterion R03 has `axis: 安全性` on line 15 and `axis: 准确性` on line 16.
  auto r = expect_fixture_in_process(repo, "yaml-duplicate-key", {{kRubric, 16, 5, "yaml/duplicate-key"}}, 1);
  std::string msg = message_at(r, kRubric, 16, 5, "yaml/duplicate-key");
  CHECK_THAT(msg, Catch::Contains("'axis'"));
  CHECK_THAT(msg, Catch::Contains("line 15"));
}

TEST_CASE("validate: yaml/complex-key points at the flow sequence used as a key", "[validate][yaml]") {
  TempRepo repo;
  // Line 21 is `[高血压, 糖尿病]: 既往史`.
  expect_fixture_in_process(repo, "yaml-complex-key", {{kCase, 21, 1, "yaml/complex-key"}}, 1);
}

TEST_CASE("validate: yaml/multiple-documents is the only finding for a file with two documents", "[validate][yaml]") {
  TempRepo repo;
  // The case ends on line 24; line 25 is `---`, followed by case CC-0002. The first
  // document is a valid case: the second must not be merged into it (no duplicate keys,
  // no missing fields).
  expect_fixture_in_process(repo, "yaml-multiple-documents", {{kCase, 25, 1, "yaml/multiple-documents"}}, 1);
}

TEST_CASE("validate: yaml/multiple-documents points at the separator, not at an explicit start marker",
          "[validate][yaml]") {
  TempRepo repo;
  // Line 3 is the `---` that starts the first document; line 26 the one that starts the
  // second.
  expect_fixture_in_process(repo, "yaml-multiple-documents-explicit-start", {{kCase, 26, 1, "yaml/multiple-documents"}},
                            1);
}

TEST_CASE("validate: one document with explicit start and end markers is fine", "[validate][yaml]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  edit_file(repo, kCase, "case_id: CC-0001\n", "---\ncase_id: CC-0001\n");
  repo.write(kCase, repo.read(kCase) + "...\n");
  auto r = validate_in_process(repo.path());
  check_json_shape(r);
  CHECK(r.keys().empty());
  CHECK(r.run.exit_code == 0);
}

TEST_CASE("validate: yaml/alias-budget points at the alias that crosses the limit", "[validate][yaml]") {
  TempRepo repo;
  // &a holds 10 values, &b 9 copies of it (90 expanded, 91 values), &c 9 copies of &b
  // (819 expanded: 909 in all). The first *c on line 29 (`  d: [*c, ...`) adds 820 more
  // and crosses the limit of 1000.
  auto r = expect_fixture_in_process(repo, "yaml-alias-budget", {{kCase, 29, 7, "yaml/alias-budget"}}, 1);
  CHECK_THAT(message_at(r, kCase, 29, 7, "yaml/alias-budget"), Catch::Contains("1000"));
}

TEST_CASE("validate: yaml/alias-budget follows limits.max_alias_nodes of clinconsensus.yaml", "[validate][yaml]") {
  TempRepo repo;
  edit_file(repo, "clinconsensus.yaml", "max_alias_nodes: 1000", "max_alias_nodes: 50");
  // With a budget of 50 the sixth *a on line 27 (10 values each) is the first over it.
  // "  b: &b [" is 9 code points, each "*a, " 4 more.
  auto r = expect_fixture_in_process(repo, "yaml-alias-budget", {{kCase, 27, 30, "yaml/alias-budget"}}, 1);
  CHECK_THAT(message_at(r, kCase, 27, 30, "yaml/alias-budget"), Catch::Contains("50"));
}

TEST_CASE("validate: yaml/too-deep points at the bracket that opens level 33", "[validate][yaml]") {
  TempRepo repo;
  // Line 24 is `  nested: [[[...` under provenance: the root mapping is level 1,
  // provenance level 2, the first '[' (column 11) level 3, so the 31st '[' (column 41)
  // opens level 33.
  auto r = expect_fixture_in_process(repo, "yaml-too-deep", {{kCase, 24, 41, "yaml/too-deep"}}, 1);
  CHECK_THAT(message_at(r, kCase, 24, 41, "yaml/too-deep"), Catch::Contains("32"));
}

TEST_CASE("validate: yaml/too-large for a file over limits.max_file_bytes", "[validate][yaml]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  // A case with a pasted megabyte in a comment: too large, whatever else it holds.
  std::string text = repo.read(kCase) + "# " + std::string(1 << 20, 'x') + "\n";
  repo.write(kCase, text);
  auto r = validate_in_process(repo.path());
  INFO(r.run.out << r.run.err);
  check_json_shape(r);
  CHECK(r.keys() == keys_of({{kCase, 1, 1, "yaml/too-large"}}));
  CHECK(r.run.exit_code == 1);
  std::string msg = message_at(r, kCase, 1, 1, "yaml/too-large");
  CHECK_THAT(msg, Catch::Contains(std::to_string(text.size())));
  CHECK_THAT(msg, Catch::Contains("1048576"));
}

TEST_CASE("validate: a file exactly at limits.max_file_bytes is not too large", "[validate][yaml]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  // Pad the case with a comment to a size above the rubric's, and make that the limit.
  std::string text = repo.read(kCase);
  size_t target = std::max(text.size(), repo.read(kRubric).size()) + 100;
  text += "#" + std::string(target - text.size() - 2, 'x') + "\n";
  REQUIRE(text.size() == target);
  repo.write(kCase, text);
  edit_file(repo, "clinconsensus.yaml", "max_file_bytes: 1048576", "max_file_bytes: " + std::to_string(text.size()));
  auto ok = validate_in_process(repo.path());
  check_json_shape(ok);
  CHECK(ok.keys().empty());
  CHECK(ok.run.exit_code == 0);
  // One byte more is over the limit.
  repo.write(kCase, text + "\n");
  auto over = validate_in_process(repo.path());
  CHECK(over.keys() == keys_of({{kCase, 1, 1, "yaml/too-large"}}));
  CHECK(over.run.exit_code == 1);
}

TEST_CASE("validate: text/encoding points at the first byte that is not UTF-8 (a GB18030 file)", "[validate][yaml]") {
  TempRepo repo;
  // The fixture is GB18030 without the Chinese comment line: line 5 is `subject: 心血管内科`
  // and 心 is D0 C4, whose first byte already breaks UTF-8.
  auto r = expect_fixture_in_process(repo, "yaml-encoding", {{kCase, 5, 10, "text/encoding"}}, 1);
  CHECK_THAT(message_at(r, kCase, 5, 10, "text/encoding"), Catch::Contains("0xD0"));
}

TEST_CASE("validate: yaml/bom for a file saved with a byte-order mark", "[validate][yaml]") {
  TempRepo repo;
  expect_fixture_in_process(repo, "yaml-bom", {{kCase, 1, 1, "yaml/bom"}}, 1);
}

TEST_CASE("validate: yaml/empty for a file with nothing but comments", "[validate][yaml]") {
  TempRepo repo;
  auto r = expect_fixture_in_process(repo, "yaml-empty", {{kCase, 1, 1, "yaml/empty"}}, 1);
  CHECK_THAT(message_at(r, kCase, 1, 1, "yaml/empty"), Catch::Contains("clinconsensus new"));
}

TEST_CASE("validate: yaml/empty for a zero-byte file", "[validate][yaml]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  repo.write(kRubric, "");
  auto r = validate_in_process(repo.path());
  check_json_shape(r);
  CHECK(r.keys() == keys_of({{kRubric, 1, 1, "yaml/empty"}}));
  CHECK(r.run.exit_code == 1);
}

TEST_CASE("validate: YAML 1.2 typing: yes, on and dates stay text", "[validate][yaml]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  // YAML 1.1 would read these as true and a date; 1.2 core keeps them as strings, which
  // the schema accepts for user_role and provenance.created and refuses for critical.
  edit_file(repo, kCase, "user_role: 患者女儿", "user_role: on");
  edit_file(repo, kCase, "created: \"2026-11-22\"", "created: 2026-11-22");
  edit_file(repo, kRubric, "    critical: true\n  - criterion_id: CC-0001-R02",
            "    critical: yes\n  - criterion_id: CC-0001-R02");
  auto r = validate_in_process(repo.path());
  check_json_shape(r);
  // Line 8 is R01's `    critical: yes`.
  CHECK(r.keys() == keys_of({{kRubric, 8, 15, "schema/type"}}));
  CHECK(r.run.exit_code == 1);
}
