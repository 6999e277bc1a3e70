// The language of messages follows the locale, as gettext programs do, and --lang
// overrides it (hardening issue, item 14).
#include <unistd.h>

#include "cli/cli_helpers.h"

using namespace cc::test;

namespace {
const std::string kZh = "未找到";  // in the Chinese text of config/not-found

// validate where there is no benchmark: the config/not-found message on stderr.
std::string message_with(const std::vector<std::string>& env, const std::vector<std::string>& args = {}) {
  TempDir empty;
  std::vector<std::string> argv = args;
  argv.push_back("validate");
  RunResult r = run_cli(argv, empty.path(), env);
  CHECK(r.exit_code == 2);
  return r.err;
}
}  // namespace

TEST_CASE("cli: messages follow LANG, LC_ALL, LC_MESSAGES and LANGUAGE; --lang overrides them", "[cli][locale]") {
  CHECK_THAT(message_with({}), !Catch::Contains(kZh));
  CHECK_THAT(message_with({"LANG=zh_CN.UTF-8"}), Catch::Contains(kZh));
  CHECK_THAT(message_with({"LANG=en_US.UTF-8", "LC_MESSAGES=zh_CN.UTF-8"}), Catch::Contains(kZh));
  CHECK_THAT(message_with({"LANG=zh_CN.UTF-8", "LC_ALL=en_US.UTF-8"}), !Catch::Contains(kZh));
  CHECK_THAT(message_with({"LANG=en_US.UTF-8", "LANGUAGE=zh_CN:en"}), Catch::Contains(kZh));
  // LANGUAGE is not read under the C locale, as gettext does.
  CHECK_THAT(message_with({"LANG=C", "LANGUAGE=zh_CN"}), !Catch::Contains(kZh));
  CHECK_THAT(message_with({"LANG=zh_CN.UTF-8"}, {"--lang", "en"}), !Catch::Contains(kZh));
  CHECK_THAT(message_with({"LANG=en_US.UTF-8"}, {"--lang", "zh"}), Catch::Contains(kZh));
}

namespace {

// `clinconsensus ARGS` under --lang zh where there is no benchmark: a usage error.
RunResult zh_usage_error(const std::vector<std::string>& args, bool names_help = true) {
  TempDir empty;
  std::vector<std::string> argv = {"--lang", "zh"};
  argv.insert(argv.end(), args.begin(), args.end());
  RunResult r = run_cli(argv, empty.path());
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  if (names_help) CHECK_THAT(r.err, Catch::Contains("加 --help 运行可查看用法。"));
  // None of CLI11's English words are left.
  for (const char* en : {"expected", "required", "convert", "not in", "Run with", "missing", "unknown"})
    CHECK_THAT(r.err, !Catch::Contains(en, Catch::CaseSensitive::No));
  return r;
}

// The description column of a CLI11 help text: what follows the last run of two spaces
// on each indented line that has one.
std::vector<std::string> descriptions(const std::string& help) {
  std::vector<std::string> out;
  for (const auto& line : cc::test::cli::split_lines(help)) {
    if (line.rfind("  ", 0) != 0) continue;
    size_t at = line.rfind("  ");
    if (at == 0 || at + 2 >= line.size()) continue;
    out.push_back(line.substr(at + 2));
  }
  return out;
}

}  // namespace

TEST_CASE("cli: usage errors under zh are in Chinese", "[cli][locale]") {
  CHECK_THAT(zh_usage_error({"validate", "--frob"}).err, Catch::Contains("无法识别或多余的参数：--frob"));
  CHECK_THAT(zh_usage_error({"new", "--task", "用药指导"}).err, Catch::Contains("缺少必需的参数 --subject"));
  CHECK_THAT(zh_usage_error({"validate", "--format", "xml"}).err,
             Catch::Contains("--format 不能取值“xml”；可选值：") && Catch::Contains("sarif"));
  CHECK_THAT(zh_usage_error({"select", "--count", "many"}).err,
             Catch::Contains("--count 的取值“many”不在 1 到 10000000 之间"));
  CHECK_THAT(zh_usage_error({"validate", "-j", "x"}).err, Catch::Contains("--jobs 的取值“x”格式不正确"));
  // An error before the line has parsed: --lang is read all the same.
  CHECK_THAT(zh_usage_error({"export", "--out"}).err, Catch::Contains("--out 缺少取值"));
  CHECK_THAT(zh_usage_error({"release", "list", "extra"}).err, Catch::Contains("无法识别或多余的参数：extra"));
  CHECK_THAT(zh_usage_error({"frobnicate"}, false).err, Catch::Contains("未知命令“frobnicate”"));
  CHECK_THAT(zh_usage_error({}).err, Catch::Contains("需要指定子命令"));
  // The locale alone chooses Chinese too.
  TempDir empty;
  CHECK_THAT(run_cli({"validate", "--frob"}, empty.path(), {"LANG=zh_CN.UTF-8"}).err,
             Catch::Contains("无法识别或多余的参数：--frob"));
  // English keeps CLI11's own words.
  RunResult en = run_cli({"--lang", "en", "validate", "--frob"}, empty.path());
  CHECK(en.exit_code == 2);
  CHECK_THAT(en.err, Catch::Contains("The following argument was not expected: --frob"));
}

TEST_CASE("cli: --help under zh is in Chinese, for every command", "[cli][locale]") {
  TempDir empty;
  std::vector<std::vector<std::string>> commands = {{}};
  RunResult root = run_cli({"--lang", "en", "--help"}, empty.path());
  REQUIRE(root.exit_code == 0);
  // The subcommands, as the English help lists them (and those they have).
  bool in_subcommands = false;
  for (const auto& line : cc::test::cli::split_lines(root.out)) {
    if (line == "Subcommands:")
      in_subcommands = true;
    else if (in_subcommands && line.rfind("  ", 0) == 0)
      commands.push_back({line.substr(2, line.find(' ', 2) - 2)});
  }
  REQUIRE(commands.size() > 15);
  for (auto sub : {std::vector<std::string>{"release", "cut"},
                   {"release", "diff"},
                   {"release", "verify"},
                   {"hook", "install"},
                   {"schema", "sync"},
                   {"irt", "fit"},
                   {"irt", "select"},
                   {"irt", "estimate"},
                   {"review", "export"},
                   {"review", "import"},
                   {"judge", "export-sft"},
                   {"judge", "batch"}})
    commands.push_back(sub);
  for (const auto& command : commands) {
    std::vector<std::string> en_args = {"--lang", "en"}, zh_args = {"--lang", "zh"};
    for (const auto& a : command) en_args.push_back(a), zh_args.push_back(a);
    en_args.push_back("--help");
    zh_args.push_back("--help");
    RunResult en = run_cli(en_args, empty.path());
    RunResult zh = run_cli(zh_args, empty.path());
    INFO("command: " << (command.empty() ? "(none)" : command[0] + (command.size() > 1 ? " " + command[1] : "")) << "\n"
                     << zh.out);
    CHECK(zh.exit_code == 0);
    CHECK_THAT(zh.out, Catch::Contains("用法:") && Catch::Contains("选项"));
    for (const auto& d : descriptions(en.out)) {
      bool has_letters_only =
          d.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos && d.find(' ') != std::string::npos;
      if (has_letters_only) CHECK_THAT(zh.out, !Catch::Contains(d));
    }
  }
}

TEST_CASE("cli: OS error texts under zh are in Chinese", "[cli][locale]") {
  TempDir empty;
  RunResult chdir = run_cli({"--lang", "zh", "-C", "no-such-folder", "validate"}, empty.path());
  CHECK(chdir.exit_code == 2);
  CHECK_THAT(chdir.err, Catch::Contains("文件或文件夹不存在") && !Catch::Contains("No such file"));

  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  REQUIRE(::symlink("gone.yaml", (repo.path() + "/cases/cardiology/CC-0002.yaml").c_str()) == 0);
  auto r = cc::test::cli::validate_json(repo.path(), {}, {}, {"--lang", "zh"});
  std::string msg = cc::test::message_at(r, "cases/cardiology/CC-0002.yaml", 1, 1, "io/read");
  CHECK_THAT(msg, Catch::Contains("符号链接指向的 gone.yaml 不存在"));
  auto named = cc::test::cli::validate_json(repo.path(), {"cases/cardiology/CC-0099.yaml"}, {}, {"--lang", "zh"});
  CHECK_THAT(named.run.out, Catch::Contains("文件或文件夹不存在"));
}

TEST_CASE("cli: a failed --out under zh says the failing step in Chinese", "[cli][locale]") {
  TempRepo repo;
  // No temporary file can be made beside a file of /proc: the atomic write's first step.
  RunResult zh = run_cli({"--lang", "zh", "coverage", "--out", "/proc/version"}, repo.path());
  CHECK(zh.exit_code == 2);
  CHECK_THAT(zh.err, Catch::Contains("无法写入 /proc/version：无法在 /proc/version 旁创建临时文件："));
  CHECK_THAT(zh.err, !Catch::Contains("cannot") && !Catch::Contains("No such"));
  RunResult en = run_cli({"--lang", "en", "coverage", "--out", "/proc/version"}, repo.path());
  CHECK_THAT(en.err,
             Catch::Contains("cannot write /proc/version: cannot create a temporary file beside /proc/version: "));
}

TEST_CASE("cli: schema details under zh carry no English", "[cli][locale]") {
  TempRepo repo;
  repo.overlay_fixture("multi-rubric");
  // R15's `revision: 0` (line 65): valijson says "Expected number greater than or equal to 1.000000".
  auto zh = cc::test::cli::validate_json(repo.path(), {}, {}, {"--lang", "zh"});
  std::string msg = cc::test::message_at(zh, "rubrics/cardiology/CC-0001.yaml", 65, 15, "schema/range");
  CHECK(msg == "“criteria[14].revision”超出允许范围：应不小于 1");
  auto en = cc::test::cli::validate_json(repo.path());
  CHECK(cc::test::message_at(en, "rubrics/cardiology/CC-0001.yaml", 65, 15, "schema/range") ==
        "'criteria[14].revision' is out of range: must be at least 1");
}

// Regression: score's file errors said "cannot open <path>" in English inside the Chinese.
TEST_CASE("cli: score's unreadable inputs under zh are named in Chinese", "[cli][locale]") {
  TempDir dir;
  const std::string cases = fixtures_dir() + "/scoring/cases.jsonl";
  RunResult r =
      run_cli({"--lang", "zh", "score", "--cases", cases, "--verdicts", "no-such.jsonl", "--k", "2", "--out", "out"},
              dir.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.out + r.err, Catch::Contains("无法读取文件：无法打开 no-such.jsonl：文件或文件夹不存在"));
  CHECK_THAT(r.out + r.err, !Catch::Contains("cannot") && !Catch::Contains("No such"));
}

// Regression: release's git errors were English under zh.
TEST_CASE("cli: release outside a git repository under zh says so in Chinese", "[cli][locale]") {
  TempRepo repo;  // a benchmark in a temp folder, with no git repository above it
  RunResult list = run_cli({"--lang", "zh", "release", "list"}, repo.path());
  CHECK(list.exit_code == 2);
  CHECK_THAT(list.err, Catch::Contains("及其上级目录中没有 git 仓库"));
  CHECK_THAT(list.err, !Catch::Contains("no git repository"));
  RunResult cut = run_cli({"--lang", "zh", "release", "cut", "1.0.0"}, repo.path());
  CHECK(cut.exit_code != 0);
  CHECK_THAT(cut.err + cut.out, Catch::Contains("及其上级目录中没有 git 仓库"));
}
