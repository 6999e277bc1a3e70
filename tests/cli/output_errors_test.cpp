// End-to-end: output that cannot be written. A full disk on stdout or on an --out file is
// exit 2 with the output named; a reader that closes the pipe early (`validate | head`)
// ends the run quietly with the command's own status, never with SIGPIPE.
#include <fcntl.h>
#include <unistd.h>

#include "cli/cli_helpers.h"

using namespace cc::test;
using namespace cc::test::cli;

namespace {

// A repository holding one approved case, so that export has a row to write.
void add_approved_case(const TempRepo& repo) {
  repo.add_shipped_case("cardiology", "CC-0001");
  edit_file(repo, kCase, "\nstatus: draft", "\nstatus: approved");
}

// Runs the binary with stdout on /dev/full.
RunResult run_on_full_disk(const std::vector<std::string>& args, const std::string& cwd) {
  int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  RunResult r = run_cli_with_stdout(args, cwd, fd);
  ::close(fd);
  return r;
}

// Runs the binary with stdout on a pipe whose reading end is already closed.
RunResult run_into_closed_pipe(const std::vector<std::string>& args, const std::string& cwd) {
  int fds[2];
  REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
  ::close(fds[0]);
  RunResult r = run_cli_with_stdout(args, cwd, fds[1]);
  ::close(fds[1]);
  return r;
}

}  // namespace

TEST_CASE("cli: validate > /dev/full exits 2 and says stdout could not be written", "[cli][output]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  for (const char* format : {"text", "json"}) {
    RunResult r = run_on_full_disk({"validate", "--format", format}, repo.path());
    INFO(format << "\nstderr: " << r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("cannot write standard output") && Catch::Contains("No space left"));
  }
  RunResult zh = run_on_full_disk({"--lang", "zh", "validate"}, repo.path());
  CHECK(zh.exit_code == 2);
  CHECK_THAT(zh.err, Catch::Contains("无法写入标准输出"));
  // The C library's reason in Chinese too (hardening issue, item 14).
  CHECK_THAT(zh.err, Catch::Contains("磁盘空间不足") && !Catch::Contains("No space left"));
}

TEST_CASE("cli: export > /dev/full exits 2", "[cli][output]") {
  TempRepo repo;
  add_approved_case(repo);
  RunResult r = run_on_full_disk({"export"}, repo.path());
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("cannot write standard output"));
}

TEST_CASE("cli: --out naming a device that is full exits 2 and names the output", "[cli][output]") {
  TempRepo repo;
  add_approved_case(repo);
  // A link to /dev/full: the device itself must never be replaced by a regular file.
  const std::string out = repo.path() + "/full-output";
  REQUIRE(::symlink("/dev/full", out.c_str()) == 0);
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"export", "--out", out},
                                             {"coverage", "--out", out},
                                             {"dedup", "--out", out},
                                             {"select", "--count", "1", "--seed", "1", "--out", out}}) {
    RunResult r = run_cli(args, repo.path());
    INFO(args[0] << "\nstdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("cannot write " + out) && Catch::Contains("No space left"));
    CHECK_THAT(r.out, !Catch::Contains("exported"));
    CHECK(std::filesystem::is_symlink(out));
  }
}

TEST_CASE("cli: --out naming a device that takes the bytes writes through it", "[cli][output]") {
  TempRepo repo;
  add_approved_case(repo);
  const std::string out = repo.path() + "/null-output";
  REQUIRE(::symlink("/dev/null", out.c_str()) == 0);
  RunResult r = run_cli({"export", "--out", out}, repo.path());
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(std::filesystem::is_symlink(out));
}

TEST_CASE("cli: a reader closing the pipe early ends the run quietly with the command's status",
          "[cli][output][sigpipe]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  RunResult clean = run_into_closed_pipe({"validate"}, repo.path());
  INFO(clean.err);
  CHECK(clean.exit_code == 0);  // not 141 (SIGPIPE)
  CHECK(clean.err.empty());
  RunResult json = run_into_closed_pipe({"validate", "--format", "json"}, repo.path());
  CHECK(json.exit_code == 0);
  CHECK(json.err.empty());

  edit_file(repo, kCase, "\ndifficulty: medium", "\ndifficulty: extreme");
  RunResult findings = run_into_closed_pipe({"validate"}, repo.path());
  INFO(findings.err);
  CHECK(findings.exit_code == 1);
  CHECK(findings.err.empty());
}
