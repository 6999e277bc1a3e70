// validate in process (validate_in_process.h): the integrity checks of one case's labels against schema/taxonomy.yaml —
// unknown labels with suggestions, the primary label in its list, audience against the
// asker's role (tests/fixtures/integrity-unknown-label-*, -primary-not-in-labels,
// -audience-role).
#include "checks/validate_in_process.h"

using namespace cc::test;

TEST_CASE("validate: integrity/unknown-label for a subject written by its English name", "[validate][integrity]") {
  TempRepo repo;
  // Line 6 `subject: Cardiology`, line 8 `  - Cardiology` in subject_labels.
  auto r = expect_fixture_in_process(
      repo, "integrity-unknown-label-subject",
      {{kCase, 6, 10, "integrity/unknown-label"}, {kCase, 8, 5, "integrity/unknown-label"}}, 1);
  std::string msg = message_at(r, kCase, 6, 10, "integrity/unknown-label");
  CHECK_THAT(msg, Catch::Contains("'Cardiology'"));
  CHECK_THAT(msg, Catch::Contains("specialty"));
  CHECK_THAT(msg, Catch::Contains("did you mean '心血管内科'"));
  CHECK(fix_at(r, kCase, 6, 10, "integrity/unknown-label") == "subject: 心血管内科");
  CHECK(fix_at(r, kCase, 8, 5, "integrity/unknown-label") == "心血管内科");
}

TEST_CASE("validate: integrity/unknown-label for a task written by its code, inside a flow list",
          "[validate][integrity]") {
  TempRepo repo;
  // Line 10 `task_labels: [治疗方案制定, medication-guidance]`: "task_labels: [" is 14 code
  // points, 治疗方案制定 6, ", " 2, so the code starts at column 23.
  auto r =
      expect_fixture_in_process(repo, "integrity-unknown-label-task", {{kCase, 10, 23, "integrity/unknown-label"}}, 1);
  std::string msg = message_at(r, kCase, 10, 23, "integrity/unknown-label");
  CHECK_THAT(msg, Catch::Contains("'medication-guidance'"));
  CHECK_THAT(msg, Catch::Contains("task type"));
  CHECK_THAT(msg, Catch::Contains("did you mean '用药指导'"));
}

TEST_CASE("validate: integrity/unknown-label for a difficulty written in Chinese", "[validate][integrity]") {
  TempRepo repo;
  // Line 5 `difficulty: 中`; difficulty is written as its code.
  auto r = expect_fixture_in_process(repo, "integrity-unknown-label-difficulty",
                                     {{kCase, 5, 13, "integrity/unknown-label"}}, 1);
  std::string msg = message_at(r, kCase, 5, 13, "integrity/unknown-label");
  CHECK_THAT(msg, Catch::Contains("difficulty"));
  CHECK_THAT(msg, Catch::Contains("did you mean 'medium'"));
  CHECK(fix_at(r, kCase, 5, 13, "integrity/unknown-label") == "difficulty: medium");
}

TEST_CASE("validate: integrity/unknown-label for a care stage written by its code", "[validate][integrity]") {
  TempRepo repo;
  // Line 13 `care_stage: intervention`.
  auto r = expect_fixture_in_process(repo, "integrity-unknown-label-care-stage",
                                     {{kCase, 13, 13, "integrity/unknown-label"}}, 1);
  std::string msg = message_at(r, kCase, 13, 13, "integrity/unknown-label");
  CHECK_THAT(msg, Catch::Contains("care stage"));
  CHECK_THAT(msg, Catch::Contains("did you mean '干预'"));
  CHECK(fix_at(r, kCase, 13, 13, "integrity/unknown-label") == "care_stage: 干预");
}

TEST_CASE("validate: integrity/unknown-label for an audience written in Chinese", "[validate][integrity]") {
  TempRepo repo;
  // Line 15 `audience: 非专业`. An unknown audience is not also compared with the role.
  auto r = expect_fixture_in_process(repo, "integrity-unknown-label-audience",
                                     {{kCase, 15, 11, "integrity/unknown-label"}}, 1);
  std::string msg = message_at(r, kCase, 15, 11, "integrity/unknown-label");
  CHECK_THAT(msg, Catch::Contains("audience"));
  CHECK_THAT(msg, Catch::Contains("did you mean 'lay'"));
  CHECK(fix_at(r, kCase, 15, 11, "integrity/unknown-label") == "audience: lay");
}

TEST_CASE("validate: integrity/unknown-label for a rubric axis written by its code", "[validate][integrity]") {
  TempRepo repo;
  // R09's `    axis: safety` is line 39.
  auto r = expect_fixture_in_process(repo, "integrity-unknown-label-axis",
                                     {{kRubric, 39, 11, "integrity/unknown-label"}}, 1);
  std::string msg = message_at(r, kRubric, 39, 11, "integrity/unknown-label");
  CHECK_THAT(msg, Catch::Contains("axis"));
  CHECK_THAT(msg, Catch::Contains("did you mean '安全性'"));
  CHECK(fix_at(r, kRubric, 39, 11, "integrity/unknown-label") == "axis: 安全性");
}

TEST_CASE("validate: integrity/unknown-label suggests the label of a common alias", "[validate][integrity]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  edit_file(repo, kCase, "subject_labels:\n  - 心血管内科\n", "subject_labels:\n  - 心血管内科\n  - 内分泌\n");
  auto r = validate_in_process(repo.path());
  check_json_shape(r);
  // The added item is line 9; 内分泌 is an alias of 内分泌科.
  CHECK(r.keys() == keys_of({{kCase, 9, 5, "integrity/unknown-label"}}));
  CHECK_THAT(message_at(r, kCase, 9, 5, "integrity/unknown-label"), Catch::Contains("did you mean '内分泌科'"));
}

TEST_CASE("validate: integrity/unknown-label without a suggestion when nothing is close", "[validate][integrity]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  edit_file(repo, kCase, "  - 用药指导\n", "  - 天气预报\n");
  auto r = validate_in_process(repo.path());
  // Line 12 is the second item of task_labels.
  CHECK(r.keys() == keys_of({{kCase, 12, 5, "integrity/unknown-label"}}));
  std::string msg = message_at(r, kCase, 12, 5, "integrity/unknown-label");
  CHECK_THAT(msg, Catch::Contains("'天气预报'"));
  CHECK_THAT(msg, !Catch::Contains("did you mean"));
  CHECK(fix_at(r, kCase, 12, 5, "integrity/unknown-label").empty());
}

TEST_CASE("validate: integrity/primary-not-in-labels points at the list", "[validate][integrity]") {
  TempRepo repo;
  // task_labels (line 10) now holds only 用药指导 (line 11, the list's first '-' at
  // column 3); the primary task 治疗方案制定 is missing from it.
  auto r = expect_fixture_in_process(repo, "integrity-primary-not-in-labels",
                                     {{kCase, 11, 3, "integrity/primary-not-in-labels"}}, 1);
  std::string msg = message_at(r, kCase, 11, 3, "integrity/primary-not-in-labels");
  CHECK_THAT(msg, Catch::Contains("治疗方案制定"));
  CHECK_THAT(msg, Catch::Contains("task_labels"));
}

TEST_CASE("validate: integrity/primary-not-in-labels for the subject", "[validate][integrity]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  edit_file(repo, kCase, "subject_labels:\n  - 心血管内科\n", "subject_labels: [内分泌科]\n");
  auto r = validate_in_process(repo.path());
  CHECK(r.keys() == keys_of({{kCase, 7, 17, "integrity/primary-not-in-labels"}}));
  CHECK_THAT(message_at(r, kCase, 7, 17, "integrity/primary-not-in-labels"), Catch::Contains("subject_labels"));
}

TEST_CASE("validate: integrity/audience-role is a warning by the shipped config (exit 0)", "[validate][integrity]") {
  TempRepo repo;
  // Line 15 `audience: professional`, but user_role (line 14) is 患者女儿.
  auto r = expect_fixture_in_process(repo, "integrity-audience-role",
                                     {{kCase, 15, 11, "integrity/audience-role", "warning"}}, 0);
  std::string msg = message_at(r, kCase, 15, 11, "integrity/audience-role");
  CHECK_THAT(msg, Catch::Contains("患者女儿"));
  CHECK(fix_at(r, kCase, 15, 11, "integrity/audience-role") == "audience: lay");
}

TEST_CASE("validate: integrity/audience-role the other way: a professional asker marked lay", "[validate][integrity]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  edit_file(repo, kCase, "user_role: 患者女儿", "user_role: 社区全科医生");
  auto r = validate_in_process(repo.path());
  CHECK(r.keys() == keys_of({{kCase, 15, 11, "integrity/audience-role", "warning"}}));
  CHECK(fix_at(r, kCase, 15, 11, "integrity/audience-role") == "audience: professional");
  CHECK(r.run.exit_code == 0);
}
