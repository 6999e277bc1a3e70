// End-to-end: the binary on every fixture of tests/fixtures — whatever a fixture breaks,
// `clinconsensus validate --format json` exits 0, 1 or 2 (never a crash or a signal) and
// prints JSON below 2. The findings themselves are checked in process (tests/checks).
#include <filesystem>

#include "cli/cli_helpers.h"

using namespace cc::test;
using namespace cc::test::cli;

TEST_CASE("cli: no fixture makes validate crash or print anything but JSON below exit 2", "[cli][yaml]") {
  namespace fs = std::filesystem;
  for (const auto& entry : fs::directory_iterator(fixtures_dir())) {
    if (!entry.is_directory()) continue;
    std::string name = entry.path().filename().string();
    TempRepo repo;
    repo.overlay_fixture(name);
    auto r = validate_json(repo.path());
    INFO("fixture " << name << "\nstdout: " << r.run.out << "\nstderr: " << r.run.err);
    CHECK(r.run.exit_code >= 0);
    CHECK(r.run.exit_code <= 2);
    if (r.run.exit_code < 2) CHECK(r.doc.is_object());
  }
}
