// validate in process (validate_in_process.h): symbolic links that lead nowhere or loop,
// and folders validate cannot open, are io/read findings rather than files passed over in
// silence (hardening issue, item 5). What fix does to links and modes is end to end in
// tests/cli/unreadable_input_test.cpp.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "checks/validate_in_process.h"

using namespace cc::test;
namespace fs = std::filesystem;

TEST_CASE("validate: dangling and looping case links are io/read findings", "[validate][links]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  fs::create_symlink("CC-0404.yaml", repo.path() + "/cases/cardiology/CC-0002.yaml");
  fs::create_symlink("CC-0003.yaml", repo.path() + "/cases/cardiology/CC-0003.yaml");
  RunResult r = validate_in_process(repo.path()).run;
  INFO(r.out << r.err);
  CHECK(r.exit_code == 2);
  auto found = io_reads(r);
  REQUIRE(found.size() == 2);
  CHECK_THAT(found[0], Catch::StartsWith("cases/cardiology/CC-0002.yaml") && Catch::Contains("does not exist"));
  CHECK_THAT(found[1], Catch::StartsWith("cases/cardiology/CC-0003.yaml") && Catch::Contains("loops"));

  // Named explicitly, the self-looping link says that it loops, not "outside the repository".
  RunResult named = validate_in_process(repo.path(), {"cases/cardiology/CC-0003.yaml"}).run;
  CHECK(named.exit_code == 2);
  CHECK_THAT(named.out + named.err, Catch::Contains("loops") && !Catch::Contains("outside the repository"));
}

TEST_CASE("validate: an unreadable folder under cases/ is an io/read finding", "[validate][links]") {
  if (::geteuid() == 0) {
    WARN("root reads every folder; not checked as root");
    return;
  }
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  fs::create_directories(repo.path() + "/cases/oncology");
  repo.write("cases/oncology/CC-0002.yaml", "case_id: CC-0002\n");
  ::chmod((repo.path() + "/cases/oncology").c_str(), 0);
  RunResult r = validate_in_process(repo.path()).run;
  ::chmod((repo.path() + "/cases/oncology").c_str(), 0755);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 2);
  auto found = io_reads(r);
  REQUIRE(found.size() == 1);
  CHECK_THAT(found[0], Catch::StartsWith("cases/oncology") && Catch::Contains("Permission denied"));
}
