#pragma once
// Test support: temporary benchmark repositories and running the built binary, shared
// by the unit and CLI tests.
#include <string>
#include <vector>

namespace cc::test {

// The shipped case every fixture builds on (TempRepo::overlay_fixture), as paths below a
// repository.
inline const std::string kCase = "cases/cardiology/CC-0001.yaml";
inline const std::string kRubric = "rubrics/cardiology/CC-0001.yaml";

// A fresh folder under the system temp dir, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  // Writes `content` to `rel` below the folder, creating parent folders.
  void write(const std::string& rel, const std::string& content) const;
  std::string read(const std::string& rel) const;

 private:
  std::string path_;
};

// A benchmark repository in a temp dir: the project's own clinconsensus.yaml and
// schema/ (so tests always run against the shipped schemas and taxonomy), with no cases.
class TempRepo : public TempDir {
 public:
  TempRepo();
  // Copies the shipped case CC-0001 (case and rubric) into the repository, then the tree
  // of tests/fixtures/<name> over it (it may replace clinconsensus.yaml or either file of
  // the case, add cases, ...). The few fixtures that stand alone (test_support.cpp lists
  // them) get no shipped case.
  void overlay_fixture(const std::string& name) const;
  // Copies one case of the shipped benchmark (case and rubric) into the repository.
  void add_shipped_case(const std::string& folder, const std::string& case_id) const;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// The built clinconsensus binary running in the background (for tests that interrupt or
// kill it); killed and reaped when the object goes away without wait().
class CliProcess {
 public:
  // `stdout_fd` >= 0: the child's standard output is that descriptor (a pipe, /dev/full)
  // instead of a temp file, and wait() returns no `out`.
  CliProcess(const std::vector<std::string>& args, const std::string& cwd, const std::vector<std::string>& env = {},
             int stdout_fd = -1);
  ~CliProcess();
  CliProcess(const CliProcess&) = delete;
  CliProcess& operator=(const CliProcess&) = delete;
  void signal(int sig);
  RunResult wait();

 private:
  TempDir io_;
  int pid_ = -1;
  bool waited_ = false;
};

// Runs the built clinconsensus binary with `args` in folder `cwd`; `env` entries
// ("NAME=value") are added to the environment.
RunResult run_cli(const std::vector<std::string>& args, const std::string& cwd,
                  const std::vector<std::string>& env = {});

// Runs the built binary like run_cli, with its standard output on the open descriptor
// `stdout_fd` (say /dev/full, or a pipe nobody reads).
RunResult run_cli_with_stdout(const std::vector<std::string>& args, const std::string& cwd, int stdout_fd);

// How many times `what` occurs in `text`, not overlapping.
size_t count_of(const std::string& text, const std::string& what);

std::string source_dir();    // the repository's top folder
std::string fixtures_dir();  // tests/fixtures

}  // namespace cc::test
