// End-to-end: inputs a full `validate` used to pass over in silence, symbolic links
// treated one way everywhere, and what `fix` does to a file's mode and links
// (hardening issue, items 5–7).
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "cli/cli_helpers.h"

using namespace cc::test;
using namespace cc::test::cli;
namespace fs = std::filesystem;

namespace {
const std::string kCase = "cases/cardiology/CC-0001.yaml";

// The validate JSON findings with rule io/read, as "file: message".
std::vector<std::string> io_reads(const RunResult& r) {
  std::vector<std::string> out;
  auto doc = nlohmann::json::parse(r.out);
  for (const auto& d : doc["diagnostics"])
    if (d["rule"] == "io/read") out.push_back(d["file"].get<std::string>() + ": " + d["message"].get<std::string>());
  return out;
}
}  // namespace

TEST_CASE("cli validate: dangling and looping case links are io/read findings", "[cli][validate][links]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  fs::create_symlink("CC-0404.yaml", repo.path() + "/cases/cardiology/CC-0002.yaml");
  fs::create_symlink("CC-0003.yaml", repo.path() + "/cases/cardiology/CC-0003.yaml");
  RunResult r = run_cli({"validate", "--format", "json"}, repo.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 2);
  auto found = io_reads(r);
  REQUIRE(found.size() == 2);
  CHECK_THAT(found[0], Catch::StartsWith("cases/cardiology/CC-0002.yaml") && Catch::Contains("does not exist"));
  CHECK_THAT(found[1], Catch::StartsWith("cases/cardiology/CC-0003.yaml") && Catch::Contains("loops"));

  // Named explicitly, the self-looping link says that it loops, not "outside the repository".
  RunResult named = run_cli({"validate", "cases/cardiology/CC-0003.yaml"}, repo.path());
  CHECK(named.exit_code == 2);
  CHECK_THAT(named.out + named.err, Catch::Contains("loops") && !Catch::Contains("outside the repository"));
}

TEST_CASE("cli validate: an unreadable folder under cases/ is an io/read finding", "[cli][validate][links]") {
  if (::geteuid() == 0) {
    WARN("root reads every folder; not checked as root");
    return;
  }
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  fs::create_directories(repo.path() + "/cases/oncology");
  repo.write("cases/oncology/CC-0002.yaml", "case_id: CC-0002\n");
  ::chmod((repo.path() + "/cases/oncology").c_str(), 0);
  RunResult r = run_cli({"validate", "--format", "json"}, repo.path());
  ::chmod((repo.path() + "/cases/oncology").c_str(), 0755);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 2);
  auto found = io_reads(r);
  REQUIRE(found.size() == 1);
  CHECK_THAT(found[0], Catch::StartsWith("cases/oncology") && Catch::Contains("Permission denied"));
}

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
