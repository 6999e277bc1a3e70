#include "test_support.h"

#include <csignal>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string_view>

namespace fs = std::filesystem;

namespace cc::test {

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "cc-test-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void TempDir::write(const std::string& rel, const std::string& content) const {
  fs::path p = fs::path(path_) / rel;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

std::string TempDir::read(const std::string& rel) const {
  std::ifstream in(fs::path(path_) / rel, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TempRepo::TempRepo() {
  fs::copy_file(fs::path(source_dir()) / "clinconsensus.yaml", fs::path(path()) / "clinconsensus.yaml");
  fs::copy(fs::path(source_dir()) / "schema", fs::path(path()) / "schema", fs::copy_options::recursive);
}

namespace {

// The fixtures that are whole trees of their own rather than changes to the shipped case
// CC-0001: where that case lives, or that one of its files is missing, is what they test.
constexpr std::string_view kStandaloneFixtures[] = {
    "config-invalid-root",      "import-bad-rows",         "integrity-case-id-format", "integrity-file-location",
    "integrity-missing-rubric", "integrity-orphan-rubric", "integrity-rubric-folder",  "integrity-subject-folder",
    "leak-corpus",              "scoring",
};

}  // namespace

void TempRepo::overlay_fixture(const std::string& name) const {
  if (std::find(std::begin(kStandaloneFixtures), std::end(kStandaloneFixtures), name) == std::end(kStandaloneFixtures))
    add_shipped_case("cardiology", "CC-0001");
  fs::copy(fs::path(fixtures_dir()) / name, path(), fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

void TempRepo::add_shipped_case(const std::string& folder, const std::string& case_id) const {
  for (const char* top : {"cases", "rubrics"}) {
    fs::path rel = fs::path(top) / folder / (case_id + ".yaml");
    fs::create_directories((fs::path(path()) / rel).parent_path());
    fs::copy_file(fs::path(source_dir()) / rel, fs::path(path()) / rel, fs::copy_options::overwrite_existing);
  }
}

CliProcess::CliProcess(const std::vector<std::string>& args, const std::string& cwd,
                       const std::vector<std::string>& env, int stdout_fd) {
  // Output goes to temp files rather than pipes, so a chatty child can never block.
  std::string out_path = io_.path() + "/out", err_path = io_.path() + "/err";
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    if (::chdir(cwd.c_str()) != 0) ::_exit(127);
    FILE* o =
        stdout_fd >= 0 ? (::dup2(stdout_fd, 1) == 1 ? stdout : nullptr) : std::freopen(out_path.c_str(), "w", stdout);
    FILE* e = std::freopen(err_path.c_str(), "w", stderr);
    if (!o || !e) ::_exit(127);
    for (const auto& kv : env) ::putenv(const_cast<char*>(kv.c_str()));
    std::vector<char*> argv;
    std::string bin = CC_BINARY;
    argv.push_back(bin.data());
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(bin.c_str(), argv.data());
    ::_exit(127);
  }
}

CliProcess::~CliProcess() {
  if (pid_ > 0 && !waited_) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

void CliProcess::signal(int sig) { ::kill(pid_, sig); }

RunResult CliProcess::wait() {
  int status = 0;
  ::waitpid(pid_, &status, 0);
  waited_ = true;
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = io_.read("out");
  r.err = io_.read("err");
  return r;
}

RunResult run_cli(const std::vector<std::string>& args, const std::string& cwd, const std::vector<std::string>& env) {
  return CliProcess(args, cwd, env).wait();
}

RunResult run_cli_with_stdout(const std::vector<std::string>& args, const std::string& cwd, int stdout_fd) {
  return CliProcess(args, cwd, {}, stdout_fd).wait();
}

size_t count_of(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

std::string source_dir() { return CC_SOURCE_DIR; }
std::string fixtures_dir() { return CC_FIXTURES_DIR; }

}  // namespace cc::test
