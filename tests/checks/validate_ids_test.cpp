// validate in process (validate_in_process.h): integrity of ids and of a rubric's criteria — case_id against the file
// name and the configured format, the criteria count, criterion ids, axes and safety criteria
// (tests/fixtures/integrity-case-id-*, -case-mismatch, -criteria-count, -duplicate-criterion-id, -criterion-id-prefix,
// -min-axes, -safety-criterion). Rubric criterion i (1-based) of CC-0001 starts on line 5 + 4·(i−1).
#include "checks/validate_in_process.h"

using namespace cc::test;

TEST_CASE("validate: integrity/case-id-filename points at the case_id value", "[validate][integrity]") {
  TempRepo repo;
  // Line 3 `case_id: CC-0100` in CC-0001.yaml.
  auto r =
      expect_fixture_in_process(repo, "integrity-case-id-filename", {{kCase, 3, 10, "integrity/case-id-filename"}}, 1);
  std::string msg = message_at(r, kCase, 3, 10, "integrity/case-id-filename");
  CHECK_THAT(msg, Catch::Contains("CC-0100"));
  CHECK_THAT(msg, Catch::Contains("CC-0001"));
  CHECK(fix_at(r, kCase, 3, 10, "integrity/case-id-filename") == "case_id: CC-0001");
}

TEST_CASE("validate: integrity/case-id-format for an id with too few digits, in case and rubric",
          "[validate][integrity]") {
  TempRepo repo;
  // Both files are named CC-001.yaml and say `case_id: CC-001` on line 3: the schema's
  // pattern accepts it, the configured format (CC- and 4 digits) does not.
  auto r = expect_fixture_in_process(repo, "integrity-case-id-format",
                                     {{"cases/cardiology/CC-001.yaml", 3, 10, "integrity/case-id-format"},
                                      {"rubrics/cardiology/CC-001.yaml", 3, 10, "integrity/case-id-format"}},
                                     1);
  CHECK_THAT(message_at(r, "cases/cardiology/CC-001.yaml", 3, 10, "integrity/case-id-format"),
             Catch::Contains("CC-0001"));
}

TEST_CASE("validate: integrity/case-id-format follows id.prefix and id.digits of clinconsensus.yaml",
          "[validate][integrity]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  edit_file(repo, "clinconsensus.yaml", "digits: 4", "digits: 5");
  auto r = validate_in_process(repo.path());
  CHECK(r.keys() ==
        keys_of({{kCase, 3, 10, "integrity/case-id-format"}, {kRubric, 3, 10, "integrity/case-id-format"}}));
  CHECK_THAT(message_at(r, kCase, 3, 10, "integrity/case-id-format"), Catch::Contains("CC-00001"));
}

TEST_CASE("validate: integrity/case-mismatch is the one finding of a rubric with a wrong case_id",
          "[validate][integrity]") {
  TempRepo repo;
  // Line 3 `case_id: CC-0002` in rubrics/.../CC-0001.yaml, whose criteria all say
  // CC-0001-Rnn. The fix is the case_id: the 30 correct criterion ids must not be
  // reported as wrongly prefixed on top of it.
  auto r = expect_fixture_in_process(repo, "integrity-case-mismatch", {{kRubric, 3, 10, "integrity/case-mismatch"}}, 1);
  CHECK(fix_at(r, kRubric, 3, 10, "integrity/case-mismatch") == "case_id: CC-0001");
}

TEST_CASE("validate: integrity/criteria-count points at the criteria key", "[validate][integrity]") {
  TempRepo repo;
  // R30 removed: 29 criteria under `criteria:` (line 4).
  auto r =
      expect_fixture_in_process(repo, "integrity-criteria-count", {{kRubric, 4, 1, "integrity/criteria-count"}}, 1);
  std::string msg = message_at(r, kRubric, 4, 1, "integrity/criteria-count");
  CHECK_THAT(msg, Catch::Contains("29"));
  CHECK_THAT(msg, Catch::Contains("30"));
  CHECK_THAT(msg, Catch::Contains("add 1"));
}

TEST_CASE("validate: integrity/criteria-count for too many criteria, and criteria_per_case", "[validate][integrity]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  edit_file(repo, "clinconsensus.yaml", "criteria_per_case: 30", "criteria_per_case: 28");
  sync_schemas_in_process(repo.path());  // else schema/out-of-date too
  auto r = validate_in_process(repo.path());
  CHECK(r.keys() == keys_of({{kRubric, 4, 1, "integrity/criteria-count"}}));
  CHECK_THAT(message_at(r, kRubric, 4, 1, "integrity/criteria-count"), Catch::Contains("remove 2"));
  CHECK(r.run.exit_code == 1);
}

TEST_CASE("validate: integrity/duplicate-criterion-id points at the second use and names the first",
          "[validate][integrity]") {
  TempRepo repo;
  // R15 (line 61) renamed to CC-0001-R14, which R14 uses on line 57.
  auto r = expect_fixture_in_process(repo, "integrity-duplicate-criterion-id",
                                     {{kRubric, 61, 19, "integrity/duplicate-criterion-id"}}, 1);
  std::string msg = message_at(r, kRubric, 61, 19, "integrity/duplicate-criterion-id");
  CHECK_THAT(msg, Catch::Contains("CC-0001-R14"));
  CHECK_THAT(msg, Catch::Contains("line 57"));
}

TEST_CASE("validate: integrity/criterion-id-prefix points at the id and shows the expected one",
          "[validate][integrity]") {
  TempRepo repo;
  // R07 (line 29) is written CC-0010-R07.
  auto r = expect_fixture_in_process(repo, "integrity-criterion-id-prefix",
                                     {{kRubric, 29, 19, "integrity/criterion-id-prefix"}}, 1);
  std::string msg = message_at(r, kRubric, 29, 19, "integrity/criterion-id-prefix");
  CHECK_THAT(msg, Catch::Contains("CC-0010-R07"));
  CHECK_THAT(msg, Catch::Contains("CC-0001-R07"));
}

TEST_CASE("validate: integrity/min-axes is a warning by the shipped config", "[validate][integrity]") {
  TempRepo repo;
  // Every axis but 安全性 rewritten to 准确性: two axes, at least 3 wanted.
  auto r = expect_fixture_in_process(repo, "integrity-min-axes", {{kRubric, 4, 1, "integrity/min-axes", "warning"}}, 0);
  std::string msg = message_at(r, kRubric, 4, 1, "integrity/min-axes");
  CHECK_THAT(msg, Catch::Contains("2"));
  CHECK_THAT(msg, Catch::Contains("3"));
}

TEST_CASE("validate: integrity/safety-criterion is a warning by the shipped config", "[validate][integrity]") {
  TempRepo repo;
  // The six 安全性 criteria rewritten to 准确性.
  auto r = expect_fixture_in_process(repo, "integrity-safety-criterion",
                                     {{kRubric, 4, 1, "integrity/safety-criterion", "warning"}}, 0);
  CHECK_THAT(message_at(r, kRubric, 4, 1, "integrity/safety-criterion"), Catch::Contains("0"));
}

TEST_CASE("validate: min_axes_per_case and min_safety_criteria_per_case come from clinconsensus.yaml",
          "[validate][integrity]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  // CC-0001 uses 7 axes and has 6 安全性 criteria.
  edit_file(repo, "clinconsensus.yaml", "min_axes_per_case: 3", "min_axes_per_case: 8");
  edit_file(repo, "clinconsensus.yaml", "min_safety_criteria_per_case: 1", "min_safety_criteria_per_case: 7");
  auto r = validate_in_process(repo.path());
  CHECK(r.keys() == keys_of({{kRubric, 4, 1, "integrity/min-axes", "warning"},
                             {kRubric, 4, 1, "integrity/safety-criterion", "warning"}}));
  CHECK(r.run.exit_code == 0);
}

// Regression (hardening #20): a file manager's copy "CC-0001 副本.yaml" got the fix-it
// `case_id: CC-0001 副本`, an id that is itself invalid. The fix renames the file instead.
TEST_CASE("validate: integrity/case-id-filename never proposes an invalid id", "[validate][integrity]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  const std::string copy = "cases/cardiology/CC-0002 副本.yaml";
  repo.write(copy, replace_all(repo.read("cases/cardiology/CC-0001.yaml"), "case_id: CC-0001", "case_id: CC-0002"));
  auto r = validate_in_process(repo.path());
  INFO(r.run.out);
  const json* d = r.find(copy, 3, 10, "integrity/case-id-filename");
  REQUIRE(d != nullptr);
  CHECK(d->value("fix", "") == "mv 'cases/cardiology/CC-0002 副本.yaml' 'cases/cardiology/CC-0002.yaml'");
}
