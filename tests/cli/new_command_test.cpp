// End-to-end: `clinconsensus new --subject S --task T` writes a case and its rubric with
// the next free id, in the subject's folder, and they validate clean as written.
#include "cli/cli_helpers.h"

using namespace cc::test;
using namespace cc::test::cli;

namespace {

// Every .yaml file of the repository's cases/ and rubrics/, root-relative, sorted.
std::vector<std::string> benchmark_files(const TempRepo& repo) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const char* top : {"cases", "rubrics"}) {
    fs::path base = fs::path(repo.path()) / top;
    if (!fs::exists(base)) continue;
    for (const auto& e : fs::recursive_directory_iterator(base))
      if (e.is_regular_file()) out.push_back(fs::relative(e.path(), repo.path()).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("cli: new writes the next free id pair, which validates clean", "[cli][new]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  repo.add_shipped_case("pulmonology", "CC-0002");
  RunResult r = run_cli({"new", "--subject", "cardiology", "--task", "用药指导"}, repo.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  const std::string c = "cases/cardiology/CC-0003.yaml", rb = "rubrics/cardiology/CC-0003.yaml";
  REQUIRE(exists(repo.path() + "/" + c));
  REQUIRE(exists(repo.path() + "/" + rb));
  CHECK_THAT(r.out, Catch::Contains(c));
  CHECK_THAT(r.out, Catch::Contains(rb));
  std::string text = repo.read(c);
  CHECK_THAT(text, Catch::Contains("case_id: CC-0003\n"));
  CHECK_THAT(text, Catch::Contains("subject: 心血管内科\n"));
  CHECK_THAT(text, Catch::Contains("task: 用药指导\n"));
  std::string rubric = repo.read(rb);
  CHECK_THAT(rubric, Catch::Contains("case_id: CC-0003\n"));
  CHECK_THAT(rubric, Catch::Contains("CC-0003-R01"));
  CHECK_THAT(rubric, Catch::Contains("CC-0003-R30"));
  CHECK(rubric.find("CC-0003-R31") == std::string::npos);

  auto v = validate_json(repo.path());
  INFO(v.run.out);
  check_json_shape(v);
  CHECK(v.keys_besides_draft_placeholders().empty());
  CHECK(v.doc["files_checked"] == 6);
  CHECK(v.run.exit_code == 0);
}

TEST_CASE("cli: new in an empty benchmark starts at CC-0001", "[cli][new]") {
  TempRepo repo;
  RunResult r = run_cli({"new", "--subject", "心血管内科", "--task", "治疗方案制定"}, repo.path());
  CHECK(r.exit_code == 0);
  CHECK(benchmark_files(repo) ==
        std::vector<std::string>{"cases/cardiology/CC-0001.yaml", "rubrics/cardiology/CC-0001.yaml"});
  auto v = validate_json(repo.path());
  CHECK(v.keys_besides_draft_placeholders().empty());
  CHECK(v.run.exit_code == 0);
}

TEST_CASE("cli: new does not reuse an id held only by a rubric", "[cli][new]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  // An orphan rubric holds CC-0002: the next free id is CC-0003.
  repo.write("rubrics/pulmonology/CC-0002.yaml", repo.read("rubrics/cardiology/CC-0001.yaml"));
  RunResult r = run_cli({"new", "--subject", "cardiology", "--task", "用药指导"}, repo.path());
  CHECK(r.exit_code == 0);
  CHECK(exists(repo.path() + "/cases/cardiology/CC-0003.yaml"));
  CHECK(!exists(repo.path() + "/cases/cardiology/CC-0002.yaml"));
}

TEST_CASE("cli: new refuses an --id that exists and leaves it alone", "[cli][new]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  std::string before = repo.read("cases/cardiology/CC-0001.yaml");
  std::vector<std::string> files = benchmark_files(repo);
  RunResult r = run_cli({"new", "--subject", "cardiology", "--task", "用药指导", "--id", "CC-0001"}, repo.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("CC-0001"));
  CHECK_THAT(r.err, Catch::Contains("exists"));
  CHECK(repo.read("cases/cardiology/CC-0001.yaml") == before);
  CHECK(benchmark_files(repo) == files);
}

TEST_CASE("cli: new refuses an --id that exists in another specialty folder", "[cli][new]") {
  TempRepo repo;
  repo.add_shipped_case("pulmonology", "CC-0002");
  RunResult r = run_cli({"new", "--subject", "cardiology", "--task", "用药指导", "--id", "CC-0002"}, repo.path());
  CHECK(r.exit_code == 2);
  CHECK(!exists(repo.path() + "/cases/cardiology/CC-0002.yaml"));
}

TEST_CASE("cli: new accepts a free --id", "[cli][new]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  RunResult r = run_cli({"new", "--subject", "cardiology", "--task", "用药指导", "--id", "CC-0100"}, repo.path());
  CHECK(r.exit_code == 0);
  CHECK(exists(repo.path() + "/cases/cardiology/CC-0100.yaml"));
  CHECK(exists(repo.path() + "/rubrics/cardiology/CC-0100.yaml"));
  CHECK(validate_json(repo.path()).run.exit_code == 0);
}

TEST_CASE("cli: new accepts English names and codes for subject and task", "[cli][new]") {
  TempRepo repo;
  SECTION("English names") {
    RunResult r = run_cli({"new", "--subject", "Cardiology", "--task", "Medication instructions"}, repo.path());
    CHECK(r.exit_code == 0);
    std::string text = repo.read("cases/cardiology/CC-0001.yaml");
    CHECK_THAT(text, Catch::Contains("subject: 心血管内科\n"));
    CHECK_THAT(text, Catch::Contains("task: 用药指导\n"));
  }
  SECTION("codes, in any case") {
    RunResult r = run_cli({"new", "--subject", "PULMONOLOGY", "--task", "test-interpretation"}, repo.path());
    CHECK(r.exit_code == 0);
    std::string text = repo.read("cases/pulmonology/CC-0001.yaml");
    CHECK_THAT(text, Catch::Contains("subject: 呼吸与危重症医学科\n"));
    CHECK_THAT(text, Catch::Contains("task: 检查检验解读\n"));
  }
  CHECK(validate_json(repo.path()).keys_besides_draft_placeholders().empty());
}

TEST_CASE("cli: new passes difficulty, care stage, audience and role into a valid case", "[cli][new]") {
  TempRepo repo;
  RunResult r = run_cli({"new", "--subject", "cardiology", "--task", "用药指导", "--difficulty", "high", "--care-stage",
                         "follow-up", "--audience", "professional", "--user-role", "社区全科医生"},
                        repo.path());
  CHECK(r.exit_code == 0);
  std::string text = repo.read("cases/cardiology/CC-0001.yaml");
  CHECK_THAT(text, Catch::Contains("difficulty: high\n"));
  CHECK_THAT(text, Catch::Contains("care_stage: 随访\n"));
  CHECK_THAT(text, Catch::Contains("audience: professional\n"));
  CHECK_THAT(text, Catch::Contains("user_role: 社区全科医生\n"));
  auto v = validate_json(repo.path());
  CHECK(v.keys_besides_draft_placeholders().empty());
}

TEST_CASE("cli: new rejects an unknown subject with a suggestion, writing nothing", "[cli][new]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  std::vector<std::string> files = benchmark_files(repo);
  RunResult r = run_cli({"new", "--subject", "cardiolgy", "--task", "用药指导"}, repo.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("cardiolgy"));
  CHECK_THAT(r.err, Catch::Contains("心血管内科"));
  CHECK(benchmark_files(repo) == files);
  // A near miss of the Chinese name is suggested too.
  RunResult zh = run_cli({"new", "--subject", "心血管内", "--task", "用药指导"}, repo.path());
  CHECK(zh.exit_code == 2);
  CHECK_THAT(zh.err, Catch::Contains("心血管内科"));
  CHECK(benchmark_files(repo) == files);
}

TEST_CASE("cli: new rejects an unknown task, difficulty, care stage or audience", "[cli][new]") {
  TempRepo repo;
  for (const std::vector<std::string>& extra :
       std::vector<std::vector<std::string>>{{"--task", "medication guidence"},
                                             {"--task", "用药指导", "--difficulty", "extreme"},
                                             {"--task", "用药指导", "--care-stage", "cure"},
                                             {"--task", "用药指导", "--audience", "everyone"}}) {
    std::vector<std::string> args{"new", "--subject", "cardiology"};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult r = run_cli(args, repo.path());
    INFO(extra[1] << " " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(benchmark_files(repo).empty());
  }
  RunResult task = run_cli({"new", "--subject", "cardiology", "--task", "medication guidence"}, repo.path());
  CHECK_THAT(task.err, Catch::Contains("用药指导"));
}

TEST_CASE("cli: new works from a subfolder and with -C", "[cli][new]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  RunResult sub = run_cli({"new", "--subject", "cardiology", "--task", "用药指导"}, repo.path() + "/cases/cardiology");
  CHECK(sub.exit_code == 0);
  CHECK(exists(repo.path() + "/cases/cardiology/CC-0002.yaml"));
  CHECK(!exists(repo.path() + "/cases/cardiology/cases"));
  TempDir elsewhere;
  RunResult c = run_cli({"-C", repo.path(), "new", "--subject", "neurology", "--task", "诊断推理"}, elsewhere.path());
  CHECK(c.exit_code == 0);
  CHECK(exists(repo.path() + "/cases/neurology/CC-0003.yaml"));
  CHECK(validate_json(repo.path()).keys_besides_draft_placeholders().empty());
}

TEST_CASE("cli: new --lang zh reports in Chinese", "[cli][new][zh]") {
  TempRepo repo;
  RunResult r = run_cli({"--lang", "zh", "new", "--subject", "cardiology", "--task", "用药指导"}, repo.path());
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("已创建 cases/cardiology/CC-0001.yaml"));
}

// Regression (hardening #20): a fresh skeleton full of "（请填写…）" validated clean, so
// an approved case with its blanks unfilled could be released.
TEST_CASE("cli: text/placeholder is a warning in a draft and its rubric, an error once approved", "[cli][new][text]") {
  TempRepo repo;
  REQUIRE(run_cli({"new", "--subject", "心血管内科", "--task", "治疗方案制定"}, repo.path()).exit_code == 0);
  auto draft = validate_json(repo.path());
  INFO(draft.run.out);
  CHECK(draft.run.exit_code == 0);
  bool case_warned = false, rubric_warned = false;
  for (const auto& k : draft.keys()) {
    CHECK_THAT(k, Catch::EndsWith(" warning text/placeholder"));
    case_warned = case_warned || k.rfind("cases/", 0) == 0;
    rubric_warned = rubric_warned || k.rfind("rubrics/", 0) == 0;
  }
  CHECK(case_warned);
  CHECK(rubric_warned);
  CHECK_THAT(draft.run.out, Catch::Contains("（请填写临床背景"));

  edit_file(repo, kCase, "status: draft", "status: approved");
  auto approved = validate_json(repo.path());
  INFO(approved.run.out);
  CHECK(approved.run.exit_code == 1);
  int errors = 0;
  for (const auto& k : approved.keys())
    if (k.find(" error text/placeholder") != std::string::npos) ++errors;
  CHECK(errors > 30);  // the case's blanks and every criterion's
}
