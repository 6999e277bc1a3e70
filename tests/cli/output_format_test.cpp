// End-to-end: the output formats of `validate` (text, json, github, sarif), colour only on
// a terminal and never with NO_COLOR or TERM=dumb (--color overrides), and Chinese messages with --lang zh. Most cases
// use tests/fixtures/multi-case: five errors and one warning in one case, some with fixes.
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "cli/cli_helpers.h"

using namespace cc::test;
using namespace cc::test::cli;

namespace {

// Runs the binary with its stdout and stderr on a pseudo-terminal, so it believes it
// talks to a person. NO_COLOR is cleared unless `env` sets it.
RunResult run_in_pty(const std::vector<std::string>& args, const std::string& cwd,
                     const std::vector<std::string>& env = {}) {
  int master = -1;
  pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  if (pid < 0) throw std::runtime_error("forkpty failed");
  if (pid == 0) {
    if (::chdir(cwd.c_str()) != 0) ::_exit(127);
    ::unsetenv("NO_COLOR");
    ::setenv("TERM", "xterm", 1);
    for (const auto& kv : env) ::putenv(const_cast<char*>(kv.c_str()));
    std::vector<char*> argv;
    std::string bin = CC_BINARY;
    argv.push_back(bin.data());
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(bin.c_str(), argv.data());
    ::_exit(127);
  }
  RunResult r;
  char buf[4096];
  while (true) {
    ssize_t n = ::read(master, buf, sizeof buf);
    if (n > 0)
      r.out.append(buf, static_cast<size_t>(n));
    else if (n < 0 && errno == EINTR)
      continue;
    else
      break;  // EIO once the child has closed the terminal
  }
  ::close(master);
  int status = 0;
  ::waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

// The findings of multi-case as JSON, to compare the other formats against.
JsonRun multi_case_json(const TempRepo& repo, const std::vector<std::string>& pre = {}) {
  JsonRun r = validate_json(repo.path(), {}, {}, pre);
  REQUIRE(r.doc.is_object());
  REQUIRE(r.doc["diagnostics"].size() == 6);
  return r;
}

}  // namespace

TEST_CASE("cli: json output has exactly the members CLI.md fixes", "[cli][format]") {
  TempRepo repo;
  repo.overlay_fixture("multi-case");
  JsonRun r = multi_case_json(repo);
  check_json_shape(r);
  std::vector<std::string> top;
  for (const auto& [k, v] : r.doc.items()) top.push_back(k);
  std::sort(top.begin(), top.end());
  CHECK(top == std::vector<std::string>{"diagnostics", "files_checked", "summary"});
  CHECK(r.doc["files_checked"] == 2);
  for (const auto& d : r.diagnostics())
    for (const auto& [k, v] : d.items())
      CHECK((k == "rule" || k == "severity" || k == "file" || k == "line" || k == "column" || k == "message" ||
             k == "fix"));
  CHECK(r.find(kCase, 4, 9, "schema/enum")->value("fix", "") == "status: approved");
  CHECK(r.run.err.empty());
}

TEST_CASE("cli: text output: one file:line:column line per finding, fixes, a summary", "[cli][format]") {
  TempRepo repo;
  repo.overlay_fixture("multi-case");
  JsonRun j = multi_case_json(repo);
  RunResult t = run_cli({"validate"}, repo.path());
  INFO(t.out << t.err);
  CHECK(t.exit_code == 1);
  for (const auto& d : j.diagnostics()) {
    std::string line = d["file"].get<std::string>() + ":" + std::to_string(d["line"].get<int>()) + ":" +
                       std::to_string(d["column"].get<int>()) + ": " + d["severity"].get<std::string>() + ": " +
                       d["message"].get<std::string>() + " [" + d["rule"].get<std::string>() + "]\n";
    CHECK_THAT(t.out, Catch::Contains(line));
    if (d.contains("fix")) CHECK_THAT(t.out, Catch::Contains(line + "    fix: " + d["fix"].get<std::string>() + "\n"));
  }
  CHECK_THAT(t.out, Catch::EndsWith("\n2 files checked: 5 errors, 1 warning\n"));
  CHECK(t.out.find('\x1b') == std::string::npos);  // not a terminal: no colour
}

TEST_CASE("cli: text summary uses singular words for one file, one error, one note", "[cli][format]") {
  SECTION("one file, one error") {
    TempRepo repo;
    repo.overlay_fixture("integrity-missing-rubric");
    RunResult t = run_cli({"validate"}, repo.path());
    CHECK_THAT(t.out, Catch::EndsWith("1 file checked: 1 error, 0 warnings\n"));
  }
  SECTION("one note") {
    TempRepo repo;
    set_rule_level(repo, "integrity/min-axes", "note");
    repo.overlay_fixture("integrity-min-axes");
    RunResult t = run_cli({"validate"}, repo.path());
    CHECK(t.exit_code == 0);
    CHECK_THAT(t.out, Catch::EndsWith("2 files checked: 0 errors, 0 warnings, 1 note\n"));
  }
}

TEST_CASE("cli: text output is coloured on a terminal, and never with NO_COLOR=1", "[cli][format]") {
  TempRepo repo;
  repo.overlay_fixture("multi-case");
  RunResult tty = run_in_pty({"validate"}, repo.path());
  CHECK(tty.exit_code == 1);
  CHECK(tty.out.find("\x1b[") != std::string::npos);
  RunResult no_color = run_in_pty({"validate"}, repo.path(), {"NO_COLOR=1"});
  CHECK(no_color.exit_code == 1);
  CHECK(no_color.out.find('\x1b') == std::string::npos);
  CHECK_THAT(no_color.out, Catch::Contains(kCase + ":4:9: error: "));
  // Not a terminal, with or without NO_COLOR: plain.
  CHECK(run_cli({"validate"}, repo.path(), {"NO_COLOR=1"}).out.find('\x1b') == std::string::npos);
}

TEST_CASE("cli: TERM=dumb means no colour; --color always|never overrides the terminal", "[cli][format]") {
  TempRepo repo;
  repo.overlay_fixture("multi-case");
  RunResult dumb = run_in_pty({"validate"}, repo.path(), {"TERM=dumb"});
  CHECK(dumb.exit_code == 1);
  CHECK(dumb.out.find('\x1b') == std::string::npos);
  RunResult never = run_in_pty({"validate", "--color", "never"}, repo.path());
  CHECK(never.out.find('\x1b') == std::string::npos);
  RunResult always = run_cli({"validate", "--color", "always"}, repo.path());
  CHECK(always.out.find("\x1b[") != std::string::npos);
  RunResult before = run_cli({"--color", "always", "validate"}, repo.path(), {"TERM=dumb"});
  CHECK(before.out.find("\x1b[") != std::string::npos);
  CHECK(run_cli({"validate", "--color", "sometimes"}, repo.path()).exit_code == 2);
}

TEST_CASE("cli: a key holding CR or LF stays on its finding's line in text output", "[cli][format]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  edit_file(repo, kCase, "\nstatus: draft", "\nstatus: draft\n\"bad\\r\\nkey\": 1");
  RunResult r = run_cli({"validate", kCase}, repo.path());
  INFO(r.out);
  CHECK(r.exit_code == 1);
  for (const auto& line : split_lines(r.out)) {
    bool finding = line.rfind(kCase + ":", 0) == 0, fix = line.rfind("    ", 0) == 0;
    bool summary = line.find(" checked: ") != std::string::npos;
    INFO(line);
    CHECK((finding || fix || summary));
  }
  CHECK_THAT(r.out, Catch::Contains("bad\\r\\nkey"));
}

TEST_CASE("cli: json findings about a whole file still have line and column 1", "[cli][format]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  std::filesystem::remove(repo.path() + "/rubrics/cardiology/CC-0001.yaml");
  repo.write("cases/cardiology/empty.yaml", "");
  auto r = validate_json(repo.path());
  INFO(r.run.out);
  REQUIRE(!r.diagnostics().empty());
  for (const auto& d : r.diagnostics()) {
    INFO(d.dump());
    CHECK(d["line"].get<int>() >= 1);
    CHECK(d["column"].get<int>() >= 1);
  }
}

TEST_CASE("cli: machine formats never carry colour, even on a terminal", "[cli][format]") {
  TempRepo repo;
  repo.overlay_fixture("multi-case");
  for (const char* f : {"json", "github", "sarif"}) {
    RunResult r = run_in_pty({"validate", "--format", f}, repo.path());
    INFO(f);
    CHECK(r.out.find('\x1b') == std::string::npos);
  }
}

TEST_CASE("cli: github output: one workflow command per finding, and nothing else", "[cli][format]") {
  TempRepo repo;
  repo.overlay_fixture("multi-case");
  JsonRun j = multi_case_json(repo);
  RunResult g = run_cli({"validate", "--format", "github"}, repo.path());
  INFO(g.out);
  CHECK(g.exit_code == 1);
  std::vector<std::string> lines = split_lines(g.out);
  const auto& diags = j.diagnostics();
  REQUIRE(lines.size() == diags.size());
  for (size_t i = 0; i < diags.size(); ++i) {
    const auto& d = diags[i];
    std::string level = d["severity"] == "error" ? "error" : "warning";
    std::string expected = "::" + level + " file=" + d["file"].get<std::string>() +
                           ",line=" + std::to_string(d["line"].get<int>()) +
                           ",col=" + std::to_string(d["column"].get<int>()) + ",title=" + d["rule"].get<std::string>() +
                           "::" + d["message"].get<std::string>();
    if (d.contains("fix")) expected += "%0A" + d["fix"].get<std::string>();
    CHECK(lines[i] == expected);
  }
  // A clean run prints nothing at all.
  TempRepo clean;
  clean.add_shipped_case("cardiology", "CC-0001");
  RunResult c = run_cli({"validate", "--format", "github"}, clean.path());
  CHECK(c.exit_code == 0);
  CHECK(c.out.empty());
}

TEST_CASE("cli: github output escapes newlines and percent signs in messages", "[cli][format]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  // A status value with a percent sign shows up verbatim in the enum message.
  edit_file(repo, kCase, "status: draft", "status: \"50%\"");
  RunResult g = run_cli({"validate", "--format", "github"}, repo.path());
  std::vector<std::string> lines = split_lines(g.out);
  REQUIRE(!lines.empty());
  CHECK_THAT(lines[0], Catch::StartsWith("::error file=" + kCase + ",line=4,col=9,title=schema/enum::"));
  CHECK_THAT(lines[0], Catch::Contains("'50%25'"));
}

TEST_CASE("cli: sarif output is SARIF 2.1.0 with a result per finding", "[cli][format]") {
  TempRepo repo;
  repo.overlay_fixture("multi-case");
  JsonRun j = multi_case_json(repo);
  RunResult s = run_cli({"validate", "--format", "sarif"}, repo.path());
  CHECK(s.exit_code == 1);
  auto doc = json::parse(s.out, nullptr, false);
  REQUIRE(!doc.is_discarded());
  CHECK(doc["version"] == "2.1.0");
  CHECK_THAT(doc.value("$schema", ""), Catch::Contains("sarif"));
  REQUIRE(doc["runs"].size() == 1);
  const auto& run = doc["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "clinconsensus");
  CHECK(run["columnKind"] == "unicodeCodePoints");
  const auto& results = run["results"];
  const auto& rules = run["tool"]["driver"]["rules"];
  REQUIRE(results.size() == j.diagnostics().size());
  for (size_t i = 0; i < results.size(); ++i) {
    const auto& res = results[i];
    const auto& d = j.diagnostics()[i];
    CHECK(res["ruleId"] == d["rule"]);
    CHECK(res["level"] == d["severity"]);
    REQUIRE(res["ruleIndex"].get<size_t>() < rules.size());
    CHECK(rules[res["ruleIndex"].get<size_t>()]["id"] == d["rule"]);
    const auto& loc = res["locations"][0]["physicalLocation"];
    CHECK(loc["artifactLocation"]["uri"] == d["file"]);
    CHECK(loc["region"]["startLine"] == d["line"]);
    CHECK(loc["region"]["startColumn"] == d["column"]);
    CHECK_THAT(res["message"]["text"].get<std::string>(), Catch::Contains(d["message"].get<std::string>()));
  }
}

TEST_CASE("cli: sarif output of a clean benchmark has an empty result list", "[cli][format]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  RunResult s = run_cli({"validate", "--format", "sarif"}, repo.path());
  CHECK(s.exit_code == 0);
  auto doc = json::parse(s.out, nullptr, false);
  REQUIRE(!doc.is_discarded());
  CHECK(doc["version"] == "2.1.0");
  CHECK(doc["runs"][0]["results"].empty());
}

TEST_CASE("cli: --lang zh gives Chinese messages in json", "[cli][format][zh]") {
  TempRepo repo;
  repo.overlay_fixture("multi-case");
  JsonRun r = multi_case_json(repo, {"--lang", "zh"});
  // Same findings, same places, as in English.
  CHECK(r.keys() == multi_case_json(repo).keys());
  CHECK(message_at(r, kCase, 4, 9, "schema/enum") ==
        "“status”不能取值“aproved”；可选值：draft, review, approved, retired");
  CHECK(message_at(r, kCase, 3, 1, "schema/required") == "缺少必填字段“authors”；请补充");
  std::string label = message_at(r, kCase, 5, 13, "integrity/unknown-label");
  CHECK_THAT(label, Catch::StartsWith("“High”不是已知的难度"));
  CHECK_THAT(label, Catch::Contains("是否应为“high”"));
  CHECK_THAT(message_at(r, kCase, 14, 1, "yaml/duplicate-key"), Catch::Contains("第 13 行"));
}

TEST_CASE("cli: --lang zh gives Chinese words in the text output", "[cli][format][zh]") {
  TempRepo repo;
  repo.overlay_fixture("multi-case");
  RunResult t = run_cli({"--lang", "zh", "validate"}, repo.path());
  CHECK(t.exit_code == 1);
  CHECK_THAT(t.out, Catch::Contains(kCase + ":4:9: 错误: "));
  CHECK_THAT(t.out, Catch::Contains(kCase + ":16:11: 警告: "));
  CHECK_THAT(t.out, Catch::Contains("    修复：status: approved\n"));
  CHECK_THAT(t.out, Catch::EndsWith("已检查 2 个文件：5 个错误，1 个警告\n"));
}

TEST_CASE("cli: --lang zh for a message with a YAML error and a missing repository", "[cli][format][zh]") {
  TempRepo repo;
  repo.overlay_fixture("yaml-bom");
  JsonRun r = validate_json(repo.path(), {}, {}, {"--lang", "zh"});
  CHECK_THAT(message_at(r, kCase, 1, 1, "yaml/bom"), Catch::Contains("BOM"));
  CHECK_THAT(message_at(r, kCase, 1, 1, "yaml/bom"), Catch::Contains("不带 BOM 的 UTF-8"));
  TempDir empty;
  RunResult nf = run_cli({"--lang", "zh", "validate"}, empty.path());
  CHECK(nf.exit_code == 2);
  CHECK_THAT(nf.err, Catch::Contains("未找到 clinconsensus.yaml"));
}
