// End-to-end: a clinconsensus.yaml nothing can be read from stops the command — exit 2,
// its findings on stderr (the findings of a config that loads are checked in process:
// tests/checks/validate_config_test.cpp).
#include "cli/cli_helpers.h"

using namespace cc::test;
using namespace cc::test::cli;

namespace {
const std::string kConfig = "clinconsensus.yaml";
}  // namespace

TEST_CASE("cli: config/invalid for a clinconsensus.yaml that is not a mapping (exit 2)", "[cli][config]") {
  TempRepo repo;
  repo.overlay_fixture("config-invalid-root");
  // The file is a list (line 2 `- paths`): nothing can be read from it.
  auto r = run_cli({"validate", "--format", "json"}, repo.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("clinconsensus.yaml:2:1: error:"));
  CHECK_THAT(r.err, Catch::Contains("[config/invalid]"));
}

TEST_CASE("cli: a YAML error in clinconsensus.yaml stops every command with exit 2", "[cli][config]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  edit_file(repo, kConfig, "criteria_per_case: 30", "criteria_per_case: [30");
  auto r = run_cli({"validate"}, repo.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("clinconsensus.yaml:"));
  CHECK_THAT(r.err, Catch::Contains("[yaml/syntax]"));
}
