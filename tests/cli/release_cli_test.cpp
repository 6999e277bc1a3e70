// End-to-end tests of export, import, validate --staged, hook install and release, running
// the built binary in git repositories made with libgit2 in temp dirs.
#include <sys/stat.h>

#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_helpers.h"
#include "release/git_test_support.h"
#include "release/hook.h"

using cc::test::edit_file;
using cc::test::GitTempRepo;
using cc::test::run_cli;
using cc::test::TempRepo;
using cc::test::cli::validate_json;
namespace fs = std::filesystem;

TEST_CASE("export: stdout and --out give the same bytes; import of them gives them back", "[cli][release][export]") {
  GitTempRepo repo;
  repo.add_case("cardiology", "CC-0001");
  repo.add_case("tcm", "CC-0031");  // low tier
  auto out = run_cli({"export"}, repo.path());
  INFO(out.err);
  REQUIRE(out.exit_code == 0);
  CHECK(std::count(out.out.begin(), out.out.end(), '\n') == 2);
  auto to_file = run_cli({"export", "--out", "public.jsonl"}, repo.path());
  REQUIRE(to_file.exit_code == 0);
  CHECK(repo.read("public.jsonl") == out.out);
  auto pub = run_cli({"export", "--public"}, repo.path());
  REQUIRE(pub.exit_code == 0);
  CHECK(std::count(pub.out.begin(), pub.out.end(), '\n') == 1);
  CHECK(pub.out.find("\"case_id\":\"CC-0031\"") != std::string::npos);

  TempRepo target;
  target.write("in.jsonl", out.out);
  auto imported = run_cli({"import", "in.jsonl"}, target.path());
  INFO(imported.out << imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK(imported.out.find("cases/tcm/CC-0031.yaml") != std::string::npos);
  CHECK(run_cli({"validate"}, target.path()).exit_code == 0);
  auto again = run_cli({"export"}, target.path());
  REQUIRE(again.exit_code == 0);
  CHECK(again.out == out.out);
}

TEST_CASE("export: no approved case gives an empty export and a warning", "[cli][release][export]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");  // the shipped cases are drafts
  auto r = run_cli({"export", "--out", "out.jsonl"}, repo.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(repo.read("out.jsonl").empty());
  CHECK(r.err.find("the export is empty: no case has status approved") != std::string::npos);
  GitTempRepo approved;
  approved.add_case("cardiology", "CC-0001");
  auto pub = run_cli({"export", "--public"}, approved.path());
  CHECK(pub.exit_code == 0);
  CHECK(pub.out.empty());  // CC-0001 is approved but not of difficulty low
  CHECK(pub.err.find("no case of difficulty low has status approved") != std::string::npos);
  auto all = run_cli({"export"}, approved.path());
  CHECK(all.err.find("the export is empty") == std::string::npos);
}

TEST_CASE("import: a report of rows it could not import, exit 1", "[cli][release][import]") {
  TempRepo repo;
  repo.overlay_fixture("import-bad-rows");
  auto r = run_cli({"import", "rows.jsonl"}, repo.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("2 rows not imported") != std::string::npos);
  CHECK(r.err.find("rows.jsonl:1: not valid JSON") != std::string::npos);
  CHECK(r.err.find("rows.jsonl:2 CC-0301: unknown subject '心脏科'") != std::string::npos);
  CHECK_FALSE(fs::exists(repo.path() + "/cases"));
  CHECK(run_cli({"import", "missing.jsonl"}, repo.path()).exit_code == 2);
}

TEST_CASE("validate --staged checks the index, not the work tree, and only the changed files",
          "[cli][release][staged]") {
  GitTempRepo repo;
  repo.add_case("cardiology", "CC-0001");
  repo.add_case("anesthesiology", "CC-0027");
  repo.commit_all("benchmark");
  const std::string rel = "cases/cardiology/CC-0001.yaml";
  const std::string good = repo.read(rel);

  SECTION("nothing staged: nothing to check") {
    auto r = validate_json(repo.path(), {"--staged"});
    CHECK(r.run.exit_code == 0);
    CHECK(r.doc["files_checked"] == 0);
  }
  SECTION("a broken label staged, the work tree fixed: the commit is refused") {
    edit_file(repo, rel, "subject: 心血管内科", "subject: 心脏科");
    repo.stage(rel);
    repo.write(rel, good);
    auto staged = validate_json(repo.path(), {"--staged"});
    INFO(staged.run.out << staged.run.err);
    CHECK(staged.run.exit_code == 1);
    CHECK(staged.doc["files_checked"] == 1);
    CHECK(staged.find(rel, 6, 10, "integrity/unknown-label") != nullptr);
    CHECK(validate_json(repo.path()).run.exit_code == 0);
  }
  SECTION("a good change staged, the work tree broken: the commit passes") {
    edit_file(repo, rel, "difficulty: medium", "difficulty: low");
    repo.stage(rel);
    edit_file(repo, rel, "difficulty: low", "difficulty: 很低");
    auto staged = validate_json(repo.path(), {"--staged"});
    CHECK(staged.run.exit_code == 0);
    CHECK(staged.doc["files_checked"] == 1);
    CHECK(validate_json(repo.path()).run.exit_code == 1);
  }
  SECTION("GIT_INDEX_FILE (git commit -a, git commit PATH) names the index to check") {
    edit_file(repo, rel, "subject: 心血管内科", "subject: 心脏科");
    repo.stage(rel);
    fs::copy_file(repo.path() + "/.git/index", repo.path() + "/.git/next-index");
    repo.write(rel, good);
    repo.stage(rel);
    CHECK(validate_json(repo.path(), {"--staged"}).run.exit_code == 0);
    auto other = validate_json(repo.path(), {"--staged"}, {"GIT_INDEX_FILE=" + repo.path() + "/.git/next-index"});
    CHECK(other.run.exit_code == 1);
    CHECK(other.find(rel, 6, 10, "integrity/unknown-label") != nullptr);
  }
  SECTION("a case deleted from the index leaves its rubric an orphan") {
    repo.unstage_delete(rel);
    auto staged = validate_json(repo.path(), {"--staged"});
    CHECK(staged.run.exit_code == 1);
    CHECK(staged.find("rubrics/cardiology/CC-0001.yaml", 3, 10, "integrity/orphan-rubric") != nullptr);
  }
  SECTION("a new case that copies a committed, unchanged one is refused") {
    // Regression: the duplicate rule compared only the files the run checked.
    cc::test::write_copy_of_cc0001(repo, good);
    repo.stage("cases/cardiology/CC-0101.yaml");
    repo.stage("rubrics/cardiology/CC-0101.yaml");
    for (int run = 0; run < 2; ++run) {  // cold, then with the case-text cache filled
      auto staged = validate_json(repo.path(), {"--staged"});
      INFO(run << staged.run.out << staged.run.err);
      CHECK(staged.run.exit_code == 1);
      CHECK(staged.doc["files_checked"] == 2);
      CHECK(staged.keys() == std::vector<std::string>{cc::test::key_of("cases/cardiology/CC-0101.yaml", 16, 1, "error",
                                                                       "integrity/duplicate-case-text")});
    }
    CHECK(fs::exists(repo.path() + "/.clinconsensus/cache/case-text.json"));
    // Rewording the copy in the index clears it; the work tree does not count.
    edit_file(repo, "cases/cardiology/CC-0101.yaml", "不饮酒", "偶尔饮酒");
    repo.stage("cases/cardiology/CC-0101.yaml");
    edit_file(repo, "cases/cardiology/CC-0101.yaml", "偶尔饮酒", "不饮酒");
    CHECK(validate_json(repo.path(), {"--staged"}).run.exit_code == 0);
  }
  SECTION("a staged taxonomy change is checked against every case, by the staged taxonomy") {
    const std::string tax = "schema/taxonomy.yaml";
    const std::string good_tax = repo.read(tax);
    edit_file(repo, tax, "zh: 心血管内科, en: \"Cardiology\", aliases: [心内科, 心血管科]",
              "zh: 心脏病科, en: \"Cardiology\", aliases: [心内科, 心血管科]");
    repo.stage(tax);
    repo.write(tax, good_tax);  // the work tree still has the old taxonomy
    auto staged = validate_json(repo.path(), {"--staged"});
    INFO(staged.run.out << staged.run.err);
    CHECK(staged.run.exit_code == 1);
    CHECK(staged.doc["files_checked"] == 4);  // no case staged, yet every file checked
    CHECK(staged.find(rel, 6, 10, "integrity/unknown-label") != nullptr);
    // The staged schema still lists the old name: the commit must sync it too.
    CHECK_THAT(staged.run.out, Catch::Contains("schema/out-of-date"));
    CHECK(validate_json(repo.path()).run.exit_code == 0);
  }
  SECTION("a broken config staged fails the commit; a broken one left unstaged does not") {
    const std::string good_config = repo.read("clinconsensus.yaml");
    repo.write("clinconsensus.yaml", good_config + "criteria_per_case: [30\n");
    repo.stage("clinconsensus.yaml");
    repo.write("clinconsensus.yaml", good_config);
    auto broken = validate_json(repo.path(), {"--staged"});
    INFO(broken.run.out << broken.run.err);
    CHECK(broken.run.exit_code == 1);
    REQUIRE(broken.doc.is_object());
    bool syntax = false;
    for (const auto& d : broken.diagnostics())
      syntax |= d["file"] == "clinconsensus.yaml" && d["rule"] == "yaml/syntax";
    CHECK(syntax);

    repo.stage("clinconsensus.yaml");  // the good config again
    repo.write("clinconsensus.yaml", good_config + "criteria_per_case: [30\n");
    edit_file(repo, rel, "difficulty: medium", "difficulty: low");
    repo.stage(rel);
    auto ok = validate_json(repo.path(), {"--staged"});
    INFO(ok.run.out << ok.run.err);
    CHECK(ok.run.exit_code == 0);
    CHECK(ok.doc["files_checked"] == 1);
  }
  SECTION("paths and --staged do not mix; outside git it is a usage error") {
    CHECK(run_cli({"validate", "--staged", rel}, repo.path()).exit_code == 2);
    TempRepo plain;
    CHECK(run_cli({"validate", "--staged"}, plain.path()).exit_code == 2);
  }
}

TEST_CASE("hook install writes an executable pre-commit hook and never replaces a foreign one",
          "[cli][release][hook]") {
  GitTempRepo repo;
  const std::string hook = repo.path() + "/.git/hooks/pre-commit";
  auto r = run_cli({"hook", "install"}, repo.path());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  std::string text = repo.read(".git/hooks/pre-commit");
  CHECK(text.rfind("#!/bin/sh\n", 0) == 0);
  CHECK(text.find(cc::kHookMarker) != std::string::npos);
  CHECK(text.find("validate --staged") != std::string::npos);
  struct stat st {};
  REQUIRE(::stat(hook.c_str(), &st) == 0);
  CHECK((st.st_mode & 0111) != 0);
  CHECK(run_cli({"hook", "install"}, repo.path()).exit_code == 0);  // ours: updated in place

  repo.write(".git/hooks/pre-commit", "#!/bin/sh\necho mine\n");
  auto refused = run_cli({"hook", "install"}, repo.path());
  CHECK(refused.exit_code == 1);
  CHECK(repo.read(".git/hooks/pre-commit") == "#!/bin/sh\necho mine\n");
  CHECK(run_cli({"hook", "install", "--force"}, repo.path()).exit_code == 0);
  CHECK(repo.read(".git/hooks/pre-commit").find(cc::kHookMarker) != std::string::npos);
}

TEST_CASE("release cut, list, diff and verify through the command line", "[cli][release]") {
  GitTempRepo repo;
  repo.add_case("cardiology", "CC-0001");
  repo.add_case("tcm", "CC-0031", "draft");
  repo.commit_all("benchmark");
  auto cut = run_cli({"release", "cut", "1.0.0"}, repo.path());
  INFO(cut.out << cut.err);
  REQUIRE(cut.exit_code == 0);
  CHECK(cut.out.find("released v1.0.0") != std::string::npos);
  CHECK(run_cli({"release", "cut", "1.0.0"}, repo.path()).exit_code == 2);

  repo.set_status("tcm", "CC-0031", "approved");
  repo.write("scratch.txt", "x");
  auto dirty = run_cli({"release", "cut", "1.1.0"}, repo.path());
  CHECK(dirty.exit_code == 2);
  CHECK(dirty.err.find("scratch.txt") != std::string::npos);
  fs::remove(repo.path() + "/scratch.txt");
  repo.commit_all("approve CC-0031");
  REQUIRE(run_cli({"release", "cut", "v1.1.0"}, repo.path()).exit_code == 0);

  auto list = run_cli({"release", "list"}, repo.path());
  REQUIRE(list.exit_code == 0);
  CHECK(list.out.find("v1.0.0") < list.out.find("v1.1.0"));
  CHECK(list.out.find("1 → 2 released cases: 1 added") != std::string::npos);

  auto diff = run_cli({"release", "diff", "1.0.0", "1.1.0"}, repo.path());
  REQUIRE(diff.exit_code == 0);
  CHECK(diff.out.find("### Cases added (1)\n\n- CC-0031\n") != std::string::npos);
  CHECK(run_cli({"release", "diff", "1.0.0", "nonsense"}, repo.path()).exit_code == 2);

  const std::string exported = "reports/v1.1.0/clinconsensus-v1.1.0.jsonl";
  auto ok = run_cli({"release", "verify", "1.1.0", "--export", exported}, repo.path());
  INFO(ok.out << ok.err);
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("FAIL") == std::string::npos);
  std::string tampered = repo.read(exported);
  tampered.replace(tampered.find("\"difficulty\":\""), 14, "\"difficulty\": \"");
  repo.write("tampered.jsonl", tampered);
  auto bad = run_cli({"release", "verify", "1.1.0", "--export", "tampered.jsonl"}, repo.path());
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.find("FAIL  tampered.jsonl is the released export") != std::string::npos);
  // Regression: an export that cannot be opened was said in English under zh.
  auto absent = run_cli({"--lang", "zh", "release", "verify", "1.1.0", "--export", "no-such.jsonl"}, repo.path());
  CHECK(absent.exit_code == 2);
  CHECK_THAT(absent.err, Catch::Contains("无法打开 ") && Catch::Contains("no-such.jsonl：文件或文件夹不存在"));
  CHECK_THAT(absent.err + absent.out, !Catch::Contains("cannot open") && !Catch::Contains("No such"));
  auto absent_en = run_cli({"release", "verify", "1.1.0", "--export", "no-such.jsonl"}, repo.path());
  CHECK_THAT(absent_en.err, Catch::Contains("cannot open ") && Catch::Contains("no-such.jsonl: No such file"));
}

// Regression: an unknown revision given to release diff was refused in English under zh.
TEST_CASE("cli: release diff with an unknown revision under zh refuses in Chinese", "[cli][release][locale]") {
  GitTempRepo repo;
  repo.commit_all("initial");
  auto diff = run_cli({"--lang", "zh", "release", "diff", "HEAD", "nonsense"}, repo.path());
  CHECK(diff.exit_code == 2);
  CHECK_THAT(diff.err, Catch::Contains("未知的修订版本“nonsense”"));
  CHECK_THAT(diff.err, !Catch::Contains("unknown revision"));
}
