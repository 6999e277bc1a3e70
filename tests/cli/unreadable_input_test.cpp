// End-to-end: symbolic links treated one way by validate and fix, and what `fix` does to
// a file's mode and links (hardening issue, items 5–7). Dangling, looping and unreadable
// inputs of a full validate are findings tested in process (tests/checks/validate_links_test.cpp).
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "cli/cli_helpers.h"

using namespace cc::test;
using namespace cc::test::cli;
namespace fs = std::filesystem;

TEST_CASE("cli: a link leaving the repository is reported by validate and never followed by fix",
          "[cli][validate][fix][links]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  TempDir outside;
  std::string text = repo.read(kCase);
  outside.write("CC-0001.yaml", "\xEF\xBB\xBF" + text);  // a BOM, which fix would remove
  fs::remove(repo.path() + "/" + kCase);
  fs::create_symlink(outside.path() + "/CC-0001.yaml", repo.path() + "/" + kCase);

  RunResult full = run_cli({"validate", "--format", "json"}, repo.path());
  INFO(full.out << full.err);
  CHECK(full.exit_code == 2);
  auto found = io_reads(full);
  REQUIRE(found.size() == 1);
  CHECK_THAT(found[0], Catch::StartsWith(kCase) && Catch::Contains("outside the repository"));

  RunResult named = run_cli({"validate", kCase}, repo.path());
  CHECK(named.exit_code == 2);
  CHECK_THAT(named.out + named.err, Catch::Contains("outside the repository"));

  RunResult fixed = run_cli({"fix"}, repo.path());
  CHECK(fs::is_symlink(repo.path() + "/" + kCase));
  CHECK(outside.read("CC-0001.yaml") == "\xEF\xBB\xBF" + text);
  RunResult fixed_named = run_cli({"fix", kCase}, repo.path());
  CHECK(fixed_named.exit_code == 2);
  CHECK(outside.read("CC-0001.yaml") == "\xEF\xBB\xBF" + text);
}

// Regression (hardening #5, #6): fix made a 0600 file 0644 and replaced links inside
// the repository with regular files.
TEST_CASE("cli fix: keeps a file's mode and a link inside the repository", "[cli][fix][links]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  std::string text = repo.read(kCase);
  repo.write(kCase, "\xEF\xBB\xBF" + text);  // a BOM, which fix removes
  std::string abs = repo.path() + "/" + kCase;
  ::chmod(abs.c_str(), 0600);
  RunResult r = run_cli({"fix"}, repo.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(repo.read(kCase) == text);
  struct stat st {};
  REQUIRE(::stat(abs.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);

  repo.write("shared/CC-0001.yaml", "\xEF\xBB\xBF" + text);
  fs::remove(abs);
  fs::create_symlink("../../shared/CC-0001.yaml", abs);
  RunResult through = run_cli({"fix", kCase}, repo.path());
  INFO(through.out << through.err);
  CHECK(through.exit_code == 0);
  CHECK(fs::is_symlink(abs));
  CHECK(repo.read("shared/CC-0001.yaml") == text);
}

// Regression (hardening #4): a killed fix or import left *.yaml.tmp.* files forever.
TEST_CASE("cli fix: removes the temp files a killed writer left, and never counts them", "[cli][fix]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  std::string stale = "cases/cardiology/CC-0001.yaml.tmp.999999999.AbCdEf";
  repo.write(stale, "case_id: CC-0001\n");
  RunResult v = run_cli({"validate", "--format", "json"}, repo.path());
  INFO(v.out << v.err);
  CHECK(nlohmann::json::parse(v.out)["files_checked"] == 2);
  RunResult r = run_cli({"fix"}, repo.path());
  CHECK(r.exit_code == 0);
  CHECK_FALSE(fs::exists(repo.path() + "/" + stale));
}
