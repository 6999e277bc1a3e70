// End-to-end: the project's .pre-commit-hooks.yaml under the real pre-commit framework
// (Debian's `pre-commit`, which tools/scripts/install-deps.sh installs), offline: the hook
// repository is a local git repository holding the project's .pre-commit-hooks.yaml, and
// the `clinconsensus` on PATH is the built binary (`language: system`), so pre-commit
// downloads nothing. The framework needs the git binary; these tests run it.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "cli/cli_helpers.h"
#include "test_support.h"

using cc::test::replace_all;
using cc::test::source_dir;
using cc::test::TempDir;
using cc::test::TempRepo;
namespace fs = std::filesystem;

namespace {

using cc::test::kCase;
using cc::test::kRubric;

struct Shell {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

std::string shell_quote(const std::string& s) { return "'" + replace_all(s, "'", "'\\''") + "'"; }

// A benchmark repository committed with git, with the pre-commit framework's hook installed
// from a local hook repository that holds this project's .pre-commit-hooks.yaml.
class PreCommitRepo {
 public:
  PreCommitRepo() {
    fs::create_directories(tools_.path() + "/bin");
    fs::create_symlink(CC_BINARY, tools_.path() + "/bin/clinconsensus");
    const std::string hooks = tools_.path() + "/hooks";
    fs::create_directories(hooks);
    fs::copy_file(source_dir() + "/.pre-commit-hooks.yaml", hooks + "/.pre-commit-hooks.yaml");
    REQUIRE(sh("git init -q && git add . && git commit -q -m hooks", hooks).exit_code == 0);
    Shell rev = sh("git rev-parse HEAD", hooks);
    REQUIRE(rev.exit_code == 0);
    std::string sha = rev.out.substr(0, 40);

    repo_.add_shipped_case("cardiology", "CC-0001");
    repo_.write(".gitignore", ".clinconsensus/\n");
    repo_.write(".pre-commit-config.yaml", "repos:\n  - repo: " + hooks + "\n    rev: " + sha +
                                               "\n    hooks:\n      - id: clinconsensus-validate\n");
    REQUIRE(sh("git init -q && git add . && git commit -q --no-verify -m benchmark").exit_code == 0);
    Shell installed = sh("pre-commit install");
    INFO(installed.out);
    REQUIRE(installed.exit_code == 0);
  }
  const TempRepo& repo() const { return repo_; }

  // Runs `command` with sh in the repository (or `cwd`), offline and isolated: the built
  // binary first on PATH, pre-commit's cache and HOME in the test's own folder.
  Shell sh(const std::string& command, const std::string& cwd = "") const {
    const std::string log = tools_.path() + "/out.log";
    std::string env = "export PATH=" + shell_quote(tools_.path() + "/bin") +
                      ":\"$PATH\" HOME=" + shell_quote(tools_.path()) +
                      " PRE_COMMIT_HOME=" + shell_quote(tools_.path() + "/pre-commit-home") +
                      " GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=t@example.org"
                      " GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=t@example.org; "
                      "unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE CLINCONSENSUS; ";
    std::string full = "cd " + shell_quote(cwd.empty() ? repo_.path() : cwd) + " && { " + env + command + "; } >" +
                       shell_quote(log) + " 2>&1";
    Shell r;
    int status = std::system(("sh -c " + shell_quote(full)).c_str());
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(log);
    std::stringstream ss;
    ss << in.rdbuf();
    r.out = ss.str();
    return r;
  }

 private:
  TempDir tools_;
  TempRepo repo_;
};

void require_pre_commit() {
  INFO("the pre-commit framework and git must be installed (tools/scripts/install-deps.sh)");
  REQUIRE(std::system("command -v pre-commit >/dev/null 2>&1 && command -v git >/dev/null 2>&1") == 0);
}

// Replaces `from` with `to` in the file `rel`, stages it alone and tries to commit it.
Shell commit_edit(const PreCommitRepo& pc, const std::string& rel, const std::string& from, const std::string& to) {
  std::string text = pc.repo().read(rel);
  REQUIRE(text.find(from) != std::string::npos);
  pc.repo().write(rel, replace_all(text, from, to));
  return pc.sh("git add " + rel + " && git commit -q -m edit");
}

// The hook refused the commit with a finding of `rule`.
void check_refused(const Shell& commit, const std::string& rule) {
  INFO(commit.out);
  CHECK(commit.exit_code != 0);
  CHECK_THAT(commit.out, Catch::Contains(rule));
}

}  // namespace

TEST_CASE("pre-commit framework: config-, schema- and deletion-only commits are checked",
          "[cli][release][hook][pre-commit]") {
  require_pre_commit();
  PreCommitRepo pc;
  const TempRepo& repo = pc.repo();

  SECTION("a clean commit passes") {
    repo.write("notes.txt", "x\n");
    Shell ok = pc.sh("git add notes.txt && git commit -q -m notes");
    INFO(ok.out);
    CHECK(ok.exit_code == 0);
  }
  SECTION("a config-only commit that breaks an unchanged rubric is refused") {
    check_refused(commit_edit(pc, "clinconsensus.yaml", "criteria_per_case: 30", "criteria_per_case: 31"),
                  "integrity/criteria-count");
    CHECK(pc.sh("git diff --cached --quiet").exit_code == 1);  // still staged: nothing was committed
  }
  SECTION("a schema-only commit that breaks an unchanged case is refused") {
    check_refused(commit_edit(pc, "schema/case.schema.json", "\"required\": [", "\"required\": [\"second_opinion\", "),
                  "schema/required");
  }
  SECTION("a deletion-only commit that leaves a case without its rubric is refused") {
    check_refused(pc.sh("git rm -q " + kRubric + " && git commit -q -m delete"), "integrity/missing-rubric");
  }
}

TEST_CASE("pre-commit framework: run --all-files checks the whole benchmark", "[cli][release][hook][pre-commit]") {
  require_pre_commit();
  PreCommitRepo pc;
  const TempRepo& repo = pc.repo();
  Shell clean = pc.sh("pre-commit run --all-files");
  INFO(clean.out);
  CHECK(clean.exit_code == 0);

  // A broken case committed past the hook, as a CI job would find it after checkout.
  repo.write(kCase, replace_all(repo.read(kCase), "status: draft", "status: bogus"));
  REQUIRE(pc.sh("git commit -q -a --no-verify -m broken").exit_code == 0);
  Shell broken = pc.sh("pre-commit run --all-files");
  INFO(broken.out);
  CHECK(broken.exit_code == 1);
  CHECK_THAT(broken.out, Catch::Contains(kCase) && Catch::Contains("schema/enum"));
}
