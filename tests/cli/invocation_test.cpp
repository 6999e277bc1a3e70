// End-to-end: how the binary is invoked — the shipped benchmark validates clean, the
// repository is found upward from the current folder or given with -C, paths narrow the
// run, and usage or I/O problems exit with 2.
#include <fcntl.h>
#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli_helpers.h"
#include "core/version.h"

using namespace cc::test;
using namespace cc::test::cli;

TEST_CASE("cli: the shipped benchmark validates clean (a copy)", "[cli][invocation]") {
  TempRepo repo;
  copy_shipped_benchmark(repo);
  int files = count_yaml_files(source_dir() + "/cases") + count_yaml_files(source_dir() + "/rubrics");
  REQUIRE(files >= 72);  // 36 cases and their rubrics at least
  auto r = validate_json(repo.path());
  INFO(r.run.out << r.run.err);
  check_json_shape(r);
  CHECK(r.keys().empty());
  CHECK(r.doc["files_checked"] == files);
  CHECK(r.run.exit_code == 0);
}

TEST_CASE("cli: the shipped benchmark validates clean in place (-C, --no-cache)", "[cli][invocation]") {
  TempDir elsewhere;
  auto r = validate_json(elsewhere.path(), {"--no-cache"}, {}, {"-C", source_dir()});
  INFO(r.run.out << r.run.err);
  check_json_shape(r);
  CHECK(r.keys().empty());
  CHECK(r.run.exit_code == 0);
  RunResult text = run_cli({"-C", source_dir(), "validate", "--no-cache"}, elsewhere.path());
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("checked: 0 errors, 0 warnings"));
}

TEST_CASE("cli: -C DIR runs as if started in DIR", "[cli][invocation]") {
  TempRepo repo;
  repo.overlay_fixture("schema-enum");
  TempDir elsewhere;  // no clinconsensus.yaml here or above
  auto r = validate_json(elsewhere.path(), {}, {}, {"-C", repo.path()});
  INFO(r.run.out << r.run.err);
  CHECK(r.keys() == keys_of({{kCase, 4, 9, "schema/enum"}}));
  CHECK(r.run.exit_code == 1);
}

TEST_CASE("cli: -C DIR: path arguments resolve against DIR, as with git -C", "[cli][invocation]") {
  TempRepo repo;
  repo.overlay_fixture("schema-enum");
  TempDir elsewhere;
  auto named = validate_json(elsewhere.path(), {kCase}, {}, {"-C", repo.path()});
  INFO(named.run.out << named.run.err);
  CHECK(named.keys() == keys_of({{kCase, 4, 9, "schema/enum"}}));
  CHECK(named.doc["files_checked"] == 1);
  CHECK(named.run.exit_code == 1);
  // A relative -C starts at the real working folder; a second -C at the first.
  namespace fs = std::filesystem;
  const std::string parent = fs::path(repo.path()).parent_path().string();
  const std::string base = fs::path(repo.path()).filename().string();
  auto chained = validate_json(parent, {"CC-0001.yaml"}, {}, {"-C", base, "-C", "cases/cardiology"});
  INFO(chained.run.out << chained.run.err);
  CHECK(chained.keys() == keys_of({{kCase, 4, 9, "schema/enum"}}));
  // An output path too.
  RunResult cov =
      run_cli({"-C", repo.path(), "coverage", "--format", "csv", "--out", "coverage.csv"}, elsewhere.path());
  INFO(cov.err);
  CHECK(exists(repo.path() + "/coverage.csv"));
  CHECK(!exists(elsewhere.path() + "/coverage.csv"));
}

TEST_CASE("cli: -C and --lang work after the subcommand too", "[cli][invocation]") {
  TempRepo repo;
  repo.overlay_fixture("schema-enum");
  TempDir elsewhere;
  // As pre-commit runs it with `args: [-C, benchmark]`: the global options come last.
  auto after = validate_json(elsewhere.path(), {"-C", repo.path()});
  INFO(after.run.out << after.run.err);
  CHECK(after.keys() == keys_of({{kCase, 4, 9, "schema/enum"}}));
  CHECK(after.run.exit_code == 1);
  RunResult zh = run_cli({"validate", "--lang", "zh", kCase}, repo.path());
  INFO(zh.out << zh.err);
  CHECK(zh.exit_code == 1);
  CHECK_THAT(zh.out, Catch::Contains("错误"));
  RunResult nested = run_cli({"release", "list", "-C", repo.path(), "--lang", "zh"}, elsewhere.path());
  INFO(nested.out << nested.err);
  CHECK(nested.err.find("not expected") == std::string::npos);
  // Paths after -C still resolve against DIR.
  auto mixed = validate_json(elsewhere.path(), {"-C", repo.path(), kCase});
  CHECK(mixed.doc["files_checked"] == 1);
  RunResult missing = run_cli({"validate", "-C", elsewhere.path() + "/nowhere"}, elsewhere.path());
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::Contains("nowhere"));
}

TEST_CASE("cli: -C into a subfolder still finds the repository above it", "[cli][invocation]") {
  TempRepo repo;
  repo.overlay_fixture("schema-enum");
  auto r = validate_json("/", {}, {}, {"-C", repo.path() + "/rubrics/cardiology"});
  CHECK(r.keys() == keys_of({{kCase, 4, 9, "schema/enum"}}));
  CHECK(r.doc["files_checked"] == 2);
}

TEST_CASE("cli: from a subfolder the repository is found upward and paths stay root-relative", "[cli][invocation]") {
  TempRepo repo;
  repo.overlay_fixture("schema-enum");
  const std::string sub = repo.path() + "/cases/cardiology";
  SECTION("no path: the whole benchmark") {
    auto r = validate_json(sub);
    CHECK(r.keys() == keys_of({{kCase, 4, 9, "schema/enum"}}));
    CHECK(r.doc["files_checked"] == 2);
    CHECK(r.run.exit_code == 1);
  }
  SECTION("a path relative to the subfolder") {
    auto r = validate_json(sub, {"CC-0001.yaml"});
    CHECK(r.keys() == keys_of({{kCase, 4, 9, "schema/enum"}}));
    CHECK(r.doc["files_checked"] == 1);
  }
  SECTION("a path going up and down again") {
    auto r = validate_json(sub, {"../../rubrics"});
    CHECK(r.keys().empty());
    CHECK(r.doc["files_checked"] == 1);
    CHECK(r.run.exit_code == 0);
  }
}

TEST_CASE("cli: paths narrow the run to the files and folders named", "[cli][invocation]") {
  TempRepo repo;
  repo.overlay_fixture("multi-case");
  repo.add_shipped_case("pulmonology", "CC-0002");
  auto folder = validate_json(repo.path(), {"cases/pulmonology"});
  CHECK(folder.keys().empty());
  CHECK(folder.doc["files_checked"] == 1);
  auto two = validate_json(repo.path(), {"cases/pulmonology", repo.path() + "/" + kCase});
  CHECK(two.doc["files_checked"] == 2);
  CHECK(two.doc["diagnostics"].size() == 6);
  // Naming a file twice checks it once.
  auto twice = validate_json(repo.path(), {kCase, "cases/cardiology"});
  CHECK(twice.doc["files_checked"] == 1);
  CHECK(twice.doc["diagnostics"].size() == 6);
}

TEST_CASE("cli: no clinconsensus.yaml here or above: exit 2 with a hint", "[cli][invocation]") {
  TempDir empty;
  RunResult r = run_cli({"validate"}, empty.path());
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("clinconsensus.yaml"));
  CHECK_THAT(r.err, Catch::Contains("-C"));
  RunResult json_run = run_cli({"validate", "--format", "json"}, empty.path());
  CHECK(json_run.exit_code == 2);
  RunResult n = run_cli({"new", "--subject", "cardiology", "--task", "用药指导"}, empty.path());
  CHECK(n.exit_code == 2);
}

TEST_CASE("cli: -C to a folder that does not exist: exit 2", "[cli][invocation]") {
  TempDir dir;
  RunResult r = run_cli({"-C", dir.path() + "/nowhere", "validate"}, dir.path());
  CHECK(r.exit_code == 2);
}

TEST_CASE("cli: a path that does not exist: exit 2, and the file named", "[cli][invocation]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  RunResult r = run_cli({"validate", "--format", "json", "cases/cardiology/CC-9999.yaml"}, repo.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.out + r.err, Catch::Contains("CC-9999.yaml"));
  // A bad path among good ones still fails the run.
  RunResult mixed = run_cli({"validate", kCase, "nope"}, repo.path());
  CHECK(mixed.exit_code == 2);
}

TEST_CASE("cli: a path outside the repository: exit 2", "[cli][invocation]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  TempDir other;
  other.write("CC-0001.yaml", repo.read(kCase));
  RunResult r = run_cli({"validate", other.path() + "/CC-0001.yaml"}, repo.path());
  CHECK(r.exit_code == 2);
}

namespace {

// Runs the binary as the unprivileged user `nobody` (the tests may run as root, who can
// read any file). Exit code 127 when that is not possible here.
RunResult run_as_nobody(const std::vector<std::string>& args, const std::string& cwd) {
  TempDir io;
  int out = ::open((io.path() + "/out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  int err = ::open((io.path() + "/err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = ::fork();
  if (pid == 0) {
    if (::dup2(out, 1) < 0 || ::dup2(err, 2) < 0) ::_exit(127);
    if (::geteuid() == 0 && (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0))
      ::_exit(127);
    if (::chdir(cwd.c_str()) != 0) ::_exit(127);
    std::vector<char*> argv;
    std::string bin = CC_BINARY;
    argv.push_back(bin.data());
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(bin.c_str(), argv.data());
    ::_exit(127);
  }
  ::close(out);
  ::close(err);
  int status = 0;
  ::waitpid(pid, &status, 0);
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = io.read("out");
  r.err = io.read("err");
  return r;
}

}  // namespace

TEST_CASE("cli: a file that cannot be read: exit 2", "[cli][invocation]") {
  namespace fs = std::filesystem;
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  // Let `nobody` into the repository, but not into the case.
  for (const auto& e : fs::recursive_directory_iterator(repo.path()))
    fs::permissions(e.path(), e.is_directory() ? fs::perms::all
                                               : fs::perms::owner_all | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(repo.path(), fs::perms::all);
  fs::permissions(repo.path() + "/" + kCase, fs::perms::none);
  RunResult named = run_as_nobody({"validate", "--no-cache", kCase}, repo.path());
  if (named.exit_code == 127) {
    WARN("cannot run the binary as nobody here: " << named.err);
    return;
  }
  INFO(named.out << named.err);
  CHECK_THAT(named.out + named.err, Catch::Contains("CC-0001.yaml"));
  CHECK(named.exit_code == 2);
  RunResult whole = run_as_nobody({"validate", "--no-cache"}, repo.path());
  INFO(whole.out << whole.err);
  CHECK(whole.exit_code == 2);
  fs::permissions(repo.path() + "/" + kCase, fs::perms::owner_all);
}

TEST_CASE("cli: usage errors exit 2", "[cli][invocation]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{{"validate", "--bogus"},
                                                                                    {"validate", "--format", "xml"},
                                                                                    {"--lang", "fr", "validate"},
                                                                                    {"frobnicate"},
                                                                                    {},
                                                                                    {"new", "--subject", "cardiology"},
                                                                                    {"-C"}}) {
    RunResult r = run_cli(args, repo.path());
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    INFO("clinconsensus " << joined << "\nstdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == 2);
  }
}

TEST_CASE("cli: --help and --version exit 0", "[cli][invocation]") {
  TempDir dir;
  RunResult help = run_cli({"--help"}, dir.path());
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("validate"));
  RunResult sub = run_cli({"validate", "--help"}, dir.path());
  CHECK(sub.exit_code == 0);
  CHECK_THAT(sub.out, Catch::Contains("--format"));
  RunResult version = run_cli({"--version"}, dir.path());
  CHECK(version.exit_code == 0);
  CHECK(version.out == std::string("clinconsensus ") + cc::kToolVersion + "\n");  // "clinconsensus 0.1.0"
}

TEST_CASE("cli: an unknown command is named, with the nearest one", "[cli][invocation]") {
  TempDir dir;
  RunResult r = run_cli({"frobnicate"}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("unknown command 'frobnicate'"));
  CHECK_THAT(r.err, !Catch::Contains("did you mean"));
  RunResult slip = run_cli({"--lang", "en", "valdate", "--format", "json"}, dir.path());
  CHECK(slip.exit_code == 2);
  CHECK_THAT(slip.err, Catch::Contains("unknown command 'valdate'; did you mean 'validate'?"));
  RunResult zh = run_cli({"--lang", "zh", "frobnicate"}, dir.path());
  CHECK_THAT(zh.err, Catch::Contains("未知命令“frobnicate”"));
}

TEST_CASE("cli: validate leaves the benchmark files untouched", "[cli][invocation]") {
  TempRepo repo;
  repo.overlay_fixture("multi-case");
  std::string before_case = repo.read(kCase), before_rubric = repo.read(kRubric);
  run_cli({"validate"}, repo.path());
  run_cli({"validate", "--format", "json"}, repo.path());
  CHECK(repo.read(kCase) == before_case);
  CHECK(repo.read(kRubric) == before_rubric);
}
