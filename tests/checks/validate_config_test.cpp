// validate in process (validate_in_process.h): clinconsensus.yaml — a config with a bad
// value (tests/fixtures/config-invalid; one nothing can be read from is
// tests/cli/broken_config_test.cpp), rule severities switched off or changed, and files
// with several problems at once (tests/fixtures/multi-*).
#include <filesystem>

#include "checks/validate_in_process.h"

using namespace cc::test;

namespace {
const std::string kConfig = "clinconsensus.yaml";
}  // namespace

TEST_CASE("validate: config/invalid for a value of the wrong type in clinconsensus.yaml", "[validate][config]") {
  TempRepo repo;
  repo.overlay_fixture("config-invalid");
  // Line 19 `criteria_per_case: thirty`; the value is at column 20.
  auto r = validate_in_process(repo.path());
  INFO(r.run.out << r.run.err);
  check_json_shape(r);
  CHECK(r.find(kConfig, 19, 20, "config/invalid") != nullptr);
  CHECK(r.run.exit_code == 1);
}

TEST_CASE("validate: config/invalid is reported when only some files are validated", "[validate][config]") {
  TempRepo repo;
  repo.overlay_fixture("config-invalid");
  // The config is read for every run; a bad setting must not silently fall back to its
  // default just because the run names a folder.
  auto r = validate_in_process(repo.path(), {"cases"});
  INFO(r.run.out << r.run.err);
  check_json_shape(r);
  CHECK(r.find(kConfig, 19, 20, "config/invalid") != nullptr);
  CHECK(r.run.exit_code == 1);
}

TEST_CASE("validate: config schema findings: an unknown setting with a suggestion", "[validate][config]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  edit_file(repo, kConfig, "criteria_per_case: 30", "criteria_per_cases: 30");
  auto r = validate_in_process(repo.path());
  check_json_shape(r);
  // Line 19, the key.
  CHECK(r.keys() == keys_of({{kConfig, 19, 1, "schema/unknown-key"}}));
  CHECK_THAT(message_at(r, kConfig, 19, 1, "schema/unknown-key"), Catch::Contains("did you mean 'criteria_per_case'"));
  CHECK(r.run.exit_code == 1);
}

TEST_CASE("validate: a rule set to warning in clinconsensus.yaml turns an error into a warning (exit 0)",
          "[validate][config]") {
  TempRepo repo;
  set_rule_level(repo, "integrity/criteria-count", "warning");
  expect_fixture_in_process(repo, "integrity-criteria-count", {{kRubric, 4, 1, "integrity/criteria-count", "warning"}},
                            0);
}

TEST_CASE("validate: a rule switched off in clinconsensus.yaml is not reported", "[validate][config]") {
  TempRepo repo;
  set_rule_level(repo, "schema/enum", "off");
  expect_fixture_in_process(repo, "schema-enum", {}, 0);
}

TEST_CASE("validate: a warning rule raised to error in clinconsensus.yaml fails the run", "[validate][config]") {
  TempRepo repo;
  set_rule_level(repo, "integrity/audience-role", "error");
  expect_fixture_in_process(repo, "integrity-audience-role", {{kCase, 15, 11, "integrity/audience-role", "error"}}, 1);
}

TEST_CASE("validate: a rule set to note is reported but does not fail the run", "[validate][config]") {
  TempRepo repo;
  set_rule_level(repo, "integrity/min-axes", "note");
  auto r = expect_fixture_in_process(repo, "integrity-min-axes", {{kRubric, 4, 1, "integrity/min-axes", "note"}}, 0);
  CHECK(r.doc["summary"]["errors"] == 0);
  CHECK(r.doc["summary"]["warnings"] == 0);
}

TEST_CASE("validate: severities apply to YAML and cross-file rules too", "[validate][config]") {
  SECTION("yaml/duplicate-key as warning") {
    TempRepo repo;
    set_rule_level(repo, "yaml/duplicate-key", "warning");
    expect_fixture_in_process(repo, "yaml-duplicate-key", {{kRubric, 16, 5, "yaml/duplicate-key", "warning"}}, 0);
  }
  SECTION("integrity/missing-rubric off") {
    TempRepo repo;
    set_rule_level(repo, "integrity/missing-rubric", "off");
    expect_fixture_in_process(repo, "integrity-missing-rubric", {}, 0);
  }
}

TEST_CASE("validate: a severity that is not error, warning, note or off is a config finding", "[validate][config]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  set_rule_level(repo, "integrity/min-axes", "loud");
  auto r = validate_in_process(repo.path());
  INFO(r.run.out << r.run.err);
  // The shipped config lists integrity/min-axes on line 34 (below `rules:` on line 32 and
  // integrity/audience-role); its value starts at column 23.
  REQUIRE(repo.read(kConfig).find("\n  integrity/audience-role: warning\n  integrity/min-axes: loud\n") !=
          std::string::npos);
  CHECK(r.find(kConfig, 34, 23, "config/invalid") != nullptr);
  CHECK(r.run.exit_code == 1);
}

TEST_CASE("validate: several problems in one case, each at its own place", "[validate][multi]") {
  TempRepo repo;
  // multi-case: status aproved (line 4), difficulty High (5), care_stage twice (13, 14),
  // audience professional for 患者女儿 (16), authors misspelt autors (21).
  auto r = expect_fixture_in_process(repo, "multi-case",
                                     {{kCase, 3, 1, "schema/required"},
                                      {kCase, 4, 9, "schema/enum"},
                                      {kCase, 5, 13, "integrity/unknown-label"},
                                      {kCase, 14, 1, "yaml/duplicate-key"},
                                      {kCase, 16, 11, "integrity/audience-role", "warning"},
                                      {kCase, 21, 1, "schema/unknown-key"}},
                                     1);
  CHECK(r.doc["summary"]["errors"] == 5);
  CHECK(r.doc["summary"]["warnings"] == 1);
  CHECK_THAT(message_at(r, kCase, 3, 1, "schema/required"), Catch::Contains("'authors'"));
  CHECK_THAT(message_at(r, kCase, 21, 1, "schema/unknown-key"), Catch::Contains("did you mean 'authors'"));
  CHECK_THAT(message_at(r, kCase, 14, 1, "yaml/duplicate-key"), Catch::Contains("line 13"));
  CHECK(fix_at(r, kCase, 5, 13, "integrity/unknown-label") == "difficulty: high");
  // Diagnostics come sorted by file, line and column.
  std::vector<std::pair<int, int>> order;
  for (const auto& d : r.diagnostics()) order.emplace_back(d["line"].get<int>(), d["column"].get<int>());
  CHECK(std::is_sorted(order.begin(), order.end()));
}

TEST_CASE("validate: several problems in one rubric, each at its own place", "[validate][multi]") {
  TempRepo repo;
  // multi-rubric: R12's id CC-0001-R1二 (line 49), axis Communication (55), critical "true"
  // and revision 0 in R15 (64, 65), R20's criterion twice (83, 84), R30 renamed to R29
  // (119, 123), review.reviewers misspelt reviewer (128).
  auto r = expect_fixture_in_process(repo, "multi-rubric",
                                     {{kRubric, 49, 19, "schema/pattern"},
                                      {kRubric, 55, 11, "integrity/unknown-label"},
                                      {kRubric, 64, 15, "schema/type"},
                                      {kRubric, 65, 15, "schema/range"},
                                      {kRubric, 84, 5, "yaml/duplicate-key"},
                                      {kRubric, 123, 19, "integrity/duplicate-criterion-id"},
                                      {kRubric, 128, 3, "schema/unknown-key"}},
                                     1);
  CHECK(r.doc["summary"]["errors"] == 7);
  CHECK_THAT(message_at(r, kRubric, 55, 11, "integrity/unknown-label"), Catch::Contains("did you mean '沟通'"));
  CHECK_THAT(message_at(r, kRubric, 128, 3, "schema/unknown-key"), Catch::Contains("did you mean 'reviewers'"));
  CHECK_THAT(message_at(r, kRubric, 123, 19, "integrity/duplicate-criterion-id"), Catch::Contains("line 119"));
}

TEST_CASE("validate: problems in several files are all reported, sorted by file", "[validate][multi]") {
  TempRepo repo;
  // The broken rubric of multi-rubric beside the broken case of multi-case.
  repo.overlay_fixture("multi-rubric");
  std::filesystem::copy_file(fixtures_dir() + "/multi-case/" + kCase, repo.path() + "/" + kCase,
                             std::filesystem::copy_options::overwrite_existing);
  auto r = validate_in_process(repo.path());
  check_json_shape(r);
  CHECK(r.doc["diagnostics"].size() == 13);
  CHECK(r.doc["summary"]["errors"] == 12);
  std::vector<std::string> files;
  for (const auto& d : r.diagnostics()) files.push_back(d["file"]);
  CHECK(std::is_sorted(files.begin(), files.end()));
  CHECK(r.run.exit_code == 1);
}
