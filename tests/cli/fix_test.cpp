// End-to-end: what only the binary shows of `clinconsensus fix` — its exit statuses, the
// summary and the --check listing on stdout, and the refusal of a path outside the
// repository. What fix does to the files is tested in process (tests/checks/fix_test.cpp).
#include "cli/cli_helpers.h"
#include "fix_samples.h"

using namespace cc::test;
using namespace cc::test::cli;
using namespace cc::test::fix_samples;

TEST_CASE("cli fix: a second run changes nothing and --check then passes", "[cli][fix]") {
  TempRepo repo;
  write_case(repo, kBroken);
  REQUIRE(run_cli({"fix"}, repo.path()).exit_code == 0);
  REQUIRE(repo.read(kCase) == kFixed);
  RunResult again = run_cli({"fix"}, repo.path());
  INFO(again.out << again.err);
  CHECK(again.exit_code == 0);
  CHECK(repo.read(kCase) == kFixed);
  CHECK_THAT(again.out, Catch::Contains("changed 0 files, 0 fixes"));
  RunResult check = run_cli({"fix", "--check"}, repo.path());
  CHECK(check.exit_code == 0);
  CHECK_THAT(check.out, Catch::Contains("would change 0 files"));
  CHECK(repo.read(kCase) == kFixed);
}

TEST_CASE("cli fix --check lists each change and leaves the file byte-identical", "[cli][fix]") {
  TempRepo repo;
  write_case(repo, kBroken);
  RunResult r = run_cli({"fix", "--check"}, repo.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(repo.read(kCase) == kBroken);
  // Line 13 `user_role: "患者女儿,`: 11 columns of key, the quote at 12, the comma at 17.
  CHECK_THAT(r.out, Catch::Contains(kCase + ":13:17: text/halfwidth-punct: ',' → '，'"));
  // Line 17 `    目前用药:`: the colon at 9.
  CHECK_THAT(r.out, Catch::Contains(kCase + ":17:9: text/halfwidth-punct: ':' → '：'"));
  // Line 16 `    患者女,７１岁,退休教师。近3个月反复发作心悸\u200B,`: ７１ at 9, the ZWSP at 28.
  CHECK_THAT(r.out, Catch::Contains(kCase + ":16:9: text/fullwidth-alnum: '７１' → '71'"));
  CHECK_THAT(r.out, Catch::Contains(kCase + ":16:28: text/invisible: '\u200B' → ''"));
  // Line 18 `    血压148/86 mmHg，心率72次/分。。`: 。。 at 26.
  CHECK_THAT(r.out, Catch::Contains(kCase + ":18:26: text/repeated-punct: '。。' → '。'"));
  CHECK_THAT(r.out, Catch::Contains("would change 1 file, 19 fixes:"));
  CHECK_THAT(r.out, Catch::Contains("  text/halfwidth-punct  13\n"));
}

TEST_CASE("cli fix: a path outside the repository is refused with exit 2", "[cli][fix]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  TempDir outside;
  outside.write("CC-0001.yaml", kBroken);
  RunResult r = run_cli({"fix", outside.path() + "/CC-0001.yaml"}, repo.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 2);
  CHECK(outside.read("CC-0001.yaml") == kBroken);
  CHECK_THAT(r.err, Catch::Contains("outside the repository"));
  RunResult missing = run_cli({"fix", "cases/cardiology/CC-9999.yaml"}, repo.path());
  CHECK(missing.exit_code == 2);
}
