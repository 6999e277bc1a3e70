// validate in process (validate_in_process.h): where files live and how cases and rubrics pair up — specialty folders,
// missing and orphan rubrics, duplicate case ids (tests/fixtures/integrity-file-location,
// -subject-folder, -rubric-folder, -missing-rubric, -orphan-rubric, -duplicate-case-id*).
// Cross-file findings point at the file's case_id value (line 3, column 10).
#include <filesystem>

#include "checks/validate_in_process.h"

using namespace cc::test;

TEST_CASE("validate: integrity/file-location for a case directly under cases/", "[validate][integrity]") {
  TempRepo repo;
  // A finding about the whole document points at its root mapping, which starts on line 3
  // after the two comment lines.
  auto r = expect_fixture_in_process(repo, "integrity-file-location",
                                     {{"cases/CC-0001.yaml", 3, 1, "integrity/file-location"}}, 1);
  CHECK_THAT(message_at(r, "cases/CC-0001.yaml", 3, 1, "integrity/file-location"), Catch::Contains("cases/"));
}

TEST_CASE("validate: integrity/file-location for a rubric directly under rubrics/", "[validate][integrity]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  std::filesystem::rename(repo.path() + "/" + kRubric, repo.path() + "/rubrics/CC-0001.yaml");
  auto r = validate_in_process(repo.path());
  CHECK(r.keys() == keys_of({{"rubrics/CC-0001.yaml", 3, 1, "integrity/file-location"}}));
  CHECK(r.run.exit_code == 1);
}

TEST_CASE("validate: integrity/subject-folder points at the subject and proposes the move", "[validate][integrity]") {
  TempRepo repo;
  // The cardiology case and its rubric sit in pulmonology/; line 6 is `subject: 心血管内科`.
  const std::string c = "cases/pulmonology/CC-0001.yaml";
  auto r = expect_fixture_in_process(repo, "integrity-subject-folder", {{c, 6, 10, "integrity/subject-folder"}}, 1);
  CHECK_THAT(message_at(r, c, 6, 10, "integrity/subject-folder"), Catch::Contains("cardiology"));
  CHECK(fix_at(r, c, 6, 10, "integrity/subject-folder") == "mv " + c + " " + kCase);
}

TEST_CASE("validate: integrity/rubric-folder when the rubric is not beside its case", "[validate][integrity]") {
  TempRepo repo;
  const std::string rb = "rubrics/pulmonology/CC-0001.yaml";
  auto r = expect_fixture_in_process(repo, "integrity-rubric-folder", {{rb, 3, 10, "integrity/rubric-folder"}}, 1);
  CHECK(fix_at(r, rb, 3, 10, "integrity/rubric-folder") == "mv " + rb + " " + kRubric);
}

TEST_CASE("validate: integrity/missing-rubric names the file to create", "[validate][integrity]") {
  TempRepo repo;
  auto r = expect_fixture_in_process(repo, "integrity-missing-rubric", {{kCase, 3, 10, "integrity/missing-rubric"}}, 1);
  CHECK_THAT(message_at(r, kCase, 3, 10, "integrity/missing-rubric"), Catch::Contains(kRubric));
  CHECK(r.doc["files_checked"] == 1);
}

TEST_CASE("validate: integrity/orphan-rubric names the case to create", "[validate][integrity]") {
  TempRepo repo;
  auto r = expect_fixture_in_process(repo, "integrity-orphan-rubric", {{kRubric, 3, 10, "integrity/orphan-rubric"}}, 1);
  CHECK_THAT(message_at(r, kRubric, 3, 10, "integrity/orphan-rubric"), Catch::Contains(kCase));
}

TEST_CASE("validate: pairing is checked against the whole benchmark when one file is validated",
          "[validate][integrity]") {
  TempRepo repo;
  repo.overlay_fixture("integrity-missing-rubric");
  repo.add_shipped_case("pulmonology", "CC-0002");
  // Checking only a file of the complete pair finds nothing; checking only the lone case
  // still reports its missing rubric, which is looked up in the whole benchmark.
  auto pair = validate_in_process(repo.path(), {"cases/pulmonology/CC-0002.yaml"});
  CHECK(pair.keys().empty());
  CHECK(pair.run.exit_code == 0);
  auto lone = validate_in_process(repo.path(), {kCase});
  CHECK(lone.keys() == keys_of({{kCase, 3, 10, "integrity/missing-rubric"}}));
  CHECK(lone.doc["files_checked"] == 1);
}

TEST_CASE("validate: integrity/duplicate-case-id for one id in two specialty folders", "[validate][integrity]") {
  TempRepo repo;
  // An endocrinology case (and rubric) renumbered onto CC-0001: each of the four files
  // names its twin.
  const std::string c2 = "cases/endocrinology/CC-0001.yaml", r2 = "rubrics/endocrinology/CC-0001.yaml";
  auto r = expect_fixture_in_process(repo, "integrity-duplicate-case-id",
                                     {{kCase, 3, 10, "integrity/duplicate-case-id"},
                                      {c2, 3, 10, "integrity/duplicate-case-id"},
                                      {kRubric, 3, 10, "integrity/duplicate-case-id"},
                                      {r2, 3, 10, "integrity/duplicate-case-id"}},
                                     1);
  CHECK_THAT(message_at(r, kCase, 3, 10, "integrity/duplicate-case-id"), Catch::Contains(c2));
  CHECK_THAT(message_at(r, c2, 3, 10, "integrity/duplicate-case-id"), Catch::Contains(kCase));
  CHECK(r.doc["files_checked"] == 4);
}

TEST_CASE("validate: integrity/duplicate-case-id for a copied case that kept the id inside", "[validate][integrity]") {
  TempRepo repo;
  // cases/cardiology/CC-0002.yaml is a copy of CC-0001 that still says case_id: CC-0001.
  const std::string copy = "cases/cardiology/CC-0002.yaml";
  auto r = expect_fixture_in_process(repo, "integrity-duplicate-case-id-declared",
                                     {{kCase, 3, 10, "integrity/duplicate-case-id"},
                                      {copy, 3, 10, "integrity/case-id-filename"},
                                      {copy, 3, 10, "integrity/duplicate-case-id"}},
                                     1);
  CHECK_THAT(message_at(r, kCase, 3, 10, "integrity/duplicate-case-id"), Catch::Contains(copy));
  CHECK_THAT(message_at(r, copy, 3, 10, "integrity/duplicate-case-id"), Catch::Contains(kCase));
}

TEST_CASE("validate: a benchmark of several complete pairs validates clean", "[validate][integrity]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  repo.add_shipped_case("pulmonology", "CC-0002");
  repo.add_shipped_case("endocrinology", "CC-0006");
  auto r = validate_in_process(repo.path());
  check_json_shape(r);
  CHECK(r.keys().empty());
  CHECK(r.doc["files_checked"] == 6);
  CHECK(r.run.exit_code == 0);
}
