// End-to-end: `clinconsensus fix` repairs exactly the broken characters of a file and
// nothing else — comments, key order, indentation, block scalars, flow lists and quoting
// stay byte for byte — converts GB18030 / UTF-16 files to UTF-8, drops a BOM, and leaves
// alone what it cannot safely fix. Every expected file below is written by hand.
#include "cli/cli_helpers.h"

using namespace cc::test;
using namespace cc::test::cli;

namespace {

const std::string kCase = "cases/cardiology/CC-0001.yaml";
const std::string kRubric = "rubrics/cardiology/CC-0001.yaml";

// A case with a comment on most lines, a literal block indented by four, a folded block
// with two one-line paragraphs, flow lists, quoted strings and a four-space sequence. The
// comments hold the same kinds of "mistakes" as the values; only the values may change.
const std::string kBroken =
    "# yaml-language-server: $schema=../../schema/case.schema.json\n"                     // 1
    "# 注释原样保留：半角,逗号、全角１２３、繁體醫、零宽\u200B空格。\n"                   // 2
    "case_id: CC-0001\n"                                                                  // 3
    "status: draft\n"                                                                     // 4
    "difficulty: medium\n"                                                                // 5
    "subject: 心血管内科\n"                                                               // 6
    "subject_labels: [心血管内科]   # 流式列表,不改\n"                                    // 7
    "task: 治疗方案制定\n"                                                                // 8
    "task_labels:\n"                                                                      // 9
    "    - 治疗方案制定\n"                                                                // 10
    "    - 用药指导\n"                                                                    // 11
    "care_stage: 干预\n"                                                                  // 12
    "user_role: \"患者女儿,代母亲提问\"\n"                                                // 13
    "audience: lay\n"                                                                     // 14
    "clinical_context: |   # 字面块：逐字保留\n"                                          // 15
    "    患者女,７１岁,退休教师。近3个月反复发作心悸\u200B,每次持续数小时可自行缓解。\n"  // 16
    "    目前用药:氨氯地平5\u00A0mg每日1次,二甲双胍0．5 g每日2次。\n"                     // 17
    "    血压148/86 mmHg，心率72次/分。。\n"                                              // 18
    "user_request: >\n"                                                                   // 19
    "  医生说我妈妈要开始吃抗凝药,可她已经吃了好几年阿司匹林?\n"                          // 20
    "\n"                                                                                  // 21
    "  她年纪大了,平时要注意些什么?\n"                                                    // 22
    "authors: [示例作者(心血管内科), '第二作者']\n"                                       // 23
    "provenance:\n"                                                                       // 24
    "  source: synthetic\n"                                                               // 25
    "  created: \"2026-11-22\"\n"                                                         // 26
    "  notes: 示例病例（参考Pe\u0301rez格式）,仅用于演示工具链。\n";                      // 27

// The same file as a careful author would have written it.
const std::string kFixed =
    "# yaml-language-server: $schema=../../schema/case.schema.json\n"
    "# 注释原样保留：半角,逗号、全角１２３、繁體醫、零宽\u200B空格。\n"
    "case_id: CC-0001\n"
    "status: draft\n"
    "difficulty: medium\n"
    "subject: 心血管内科\n"
    "subject_labels: [心血管内科]   # 流式列表,不改\n"
    "task: 治疗方案制定\n"
    "task_labels:\n"
    "    - 治疗方案制定\n"
    "    - 用药指导\n"
    "care_stage: 干预\n"
    "user_role: \"患者女儿，代母亲提问\"\n"
    "audience: lay\n"
    "clinical_context: |   # 字面块：逐字保留\n"
    "    患者女，71岁，退休教师。近3个月反复发作心悸，每次持续数小时可自行缓解。\n"
    "    目前用药：氨氯地平5 mg每日1次，二甲双胍0.5 g每日2次。\n"
    "    血压148/86 mmHg，心率72次/分。\n"
    "user_request: >\n"
    "  医生说我妈妈要开始吃抗凝药，可她已经吃了好几年阿司匹林？\n"
    "\n"
    "  她年纪大了，平时要注意些什么？\n"
    "authors: [示例作者（心血管内科）, '第二作者']\n"
    "provenance:\n"
    "  source: synthetic\n"
    "  created: \"2026-11-22\"\n"
    "  notes: 示例病例（参考P\u00E9rez格式），仅用于演示工具链。\n";

// A repository with the shipped CC-0001 rubric and `case_text` as its case.
void write_case(const TempRepo& repo, const std::string& case_text) {
  repo.add_shipped_case("cardiology", "CC-0001");
  repo.write(kCase, case_text);
}

std::string shipped(const std::string& rel) {
  std::ifstream in(source_dir() + "/" + rel, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Validates and returns the findings that carry a fix.
std::vector<std::string> fixable_findings(const TempRepo& repo) {
  JsonRun r = validate_json(repo.path());
  check_json_shape(r);
  std::vector<std::string> out;
  for (const auto& d : r.doc["diagnostics"])
    if (d.contains("fix")) out.push_back(d.value("rule", "") + " at " + std::to_string(d.value("line", 0)));
  return out;
}

}  // namespace

TEST_CASE("cli fix: only the broken characters change; comments, layout and key order stay", "[cli][fix]") {
  TempRepo repo;
  write_case(repo, kBroken);
  std::string rubric = repo.read(kRubric);
  RunResult r = run_cli({"fix"}, repo.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(repo.read(kCase) == kFixed);
  CHECK(repo.read(kRubric) == rubric);
  // 13 half-width marks (lines 13, 16 ×3, 17 ×2, 20 ×2, 22 ×2, 23 ×2, 27), ZWSP and NBSP,
  // ７１, ０．５'s stop, 。。 and the decomposed é. The two commas after ７１ and after the
  // ZWSP are found only once those are fixed: a second round must catch them.
  CHECK_THAT(r.out, Catch::Contains("changed 1 file, 19 fixes:"));
  CHECK_THAT(r.out, Catch::Contains("  text/halfwidth-punct  13\n"));
  CHECK_THAT(r.out, Catch::Contains("  text/invisible  2\n"));
  CHECK_THAT(r.out, Catch::Contains("  text/fullwidth-alnum  1\n"));
  CHECK_THAT(r.out, Catch::Contains("  text/fullwidth-punct  1\n"));
  CHECK_THAT(r.out, Catch::Contains("  text/repeated-punct  1\n"));
  CHECK_THAT(r.out, Catch::Contains("  text/nfc  1\n"));
}

TEST_CASE("cli fix: a second run changes nothing and --check then passes", "[cli][fix]") {
  TempRepo repo;
  write_case(repo, kBroken);
  REQUIRE(run_cli({"fix"}, repo.path()).exit_code == 0);
  REQUIRE(repo.read(kCase) == kFixed);
  RunResult again = run_cli({"fix"}, repo.path());
  INFO(again.out << again.err);
  CHECK(again.exit_code == 0);
  CHECK(repo.read(kCase) == kFixed);
  CHECK_THAT(again.out, Catch::Contains("changed 0 files, 0 fixes"));
  RunResult check = run_cli({"fix", "--check"}, repo.path());
  CHECK(check.exit_code == 0);
  CHECK_THAT(check.out, Catch::Contains("would change 0 files"));
  CHECK(repo.read(kCase) == kFixed);
}

TEST_CASE("cli fix --check lists each change and leaves the file byte-identical", "[cli][fix]") {
  TempRepo repo;
  write_case(repo, kBroken);
  RunResult r = run_cli({"fix", "--check"}, repo.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(repo.read(kCase) == kBroken);
  // Line 13 `user_role: "患者女儿,`: 11 columns of key, the quote at 12, the comma at 17.
  CHECK_THAT(r.out, Catch::Contains(kCase + ":13:17: text/halfwidth-punct: ',' → '，'"));
  // Line 17 `    目前用药:`: the colon at 9.
  CHECK_THAT(r.out, Catch::Contains(kCase + ":17:9: text/halfwidth-punct: ':' → '：'"));
  // Line 16 `    患者女,７１岁,退休教师。近3个月反复发作心悸\u200B,`: ７１ at 9, the ZWSP at 28.
  CHECK_THAT(r.out, Catch::Contains(kCase + ":16:9: text/fullwidth-alnum: '７１' → '71'"));
  CHECK_THAT(r.out, Catch::Contains(kCase + ":16:28: text/invisible: '\u200B' → ''"));
  // Line 18 `    血压148/86 mmHg，心率72次/分。。`: 。。 at 26.
  CHECK_THAT(r.out, Catch::Contains(kCase + ":18:26: text/repeated-punct: '。。' → '。'"));
  CHECK_THAT(r.out, Catch::Contains("would change 1 file, 19 fixes:"));
}

TEST_CASE("cli fix: afterwards the file validates with no fixable finding left", "[cli][fix]") {
  TempRepo repo;
  write_case(repo, kBroken);
  CHECK_FALSE(fixable_findings(repo).empty());
  REQUIRE(run_cli({"fix"}, repo.path()).exit_code == 0);
  CHECK(fixable_findings(repo).empty());
  JsonRun r = validate_json(repo.path());
  CHECK(r.keys().empty());
  CHECK(r.run.exit_code == 0);
}

TEST_CASE("cli fix: only the paths given are fixed", "[cli][fix]") {
  TempRepo repo;
  write_case(repo, kBroken);
  edit_file(repo, kRubric, "风险高，有明确", "风险高,有明确");  // fixable, but not asked for
  std::string rubric = repo.read(kRubric);
  RunResult r = run_cli({"fix", kCase}, repo.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(repo.read(kCase) == kFixed);
  CHECK(repo.read(kRubric) == rubric);
  CHECK_THAT(r.out, Catch::Contains("changed 1 file, 19 fixes"));
  // Fixing the rubric by name then changes it too.
  CHECK(run_cli({"fix", kRubric}, repo.path()).exit_code == 0);
  CHECK(repo.read(kRubric) == shipped(kRubric));
}

TEST_CASE("cli fix: a GB18030 file is converted to UTF-8 and then validates", "[cli][fix]") {
  TempRepo repo;
  repo.overlay_fixture("text-encoding-gb18030");
  std::string bytes = repo.read(kCase);
  RunResult check = run_cli({"fix", "--check"}, repo.path());
  INFO(check.out << check.err);
  CHECK(check.exit_code == 1);
  CHECK_THAT(check.out, Catch::Contains(kCase + ":1:1: text/encoding: 'GB18030' → 'UTF-8'"));
  CHECK(repo.read(kCase) == bytes);
  RunResult r = run_cli({"fix"}, repo.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  // The fixture is the shipped case saved as GB18030: converting it back gives those bytes.
  CHECK(repo.read(kCase) == shipped(kCase));
  JsonRun v = validate_json(repo.path());
  CHECK(v.keys().empty());
  CHECK(v.run.exit_code == 0);
}

TEST_CASE("cli fix: a UTF-16LE file with its BOM is converted to UTF-8 without one", "[cli][fix]") {
  TempRepo repo;
  repo.overlay_fixture("text-encoding-utf16le");
  RunResult r = run_cli({"fix"}, repo.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(repo.read(kCase) == shipped(kCase));
  JsonRun v = validate_json(repo.path());
  CHECK(v.keys().empty());
  CHECK(v.run.exit_code == 0);
}

TEST_CASE("cli fix: a UTF-8 byte-order mark is removed", "[cli][fix]") {
  TempRepo repo;
  repo.overlay_fixture("yaml-bom");
  REQUIRE(repo.read(kCase).rfind("\xEF\xBB\xBF", 0) == 0);
  RunResult r = run_cli({"fix"}, repo.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(repo.read(kCase) == shipped(kCase));
  CHECK(validate_json(repo.path()).keys().empty());
}

TEST_CASE("cli fix: control characters YAML refuses are removed so the file parses again", "[cli][fix]") {
  // Regression: a vertical tab or DEL pasted from a word processor made the file a syntax
  // error that fix could not touch, since its text rules need the file parsed.
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  edit_file(repo, kCase, "  患者女，71岁", "  患者女\x0B，71\x7F岁");
  auto before = validate_json(repo.path());
  CHECK(before.keys() == keys_of({{kCase, 17, 6, "yaml/syntax"}}));
  RunResult r = run_cli({"fix"}, repo.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(repo.read(kCase) == shipped(kCase));
  CHECK(validate_json(repo.path()).keys().empty());
}

TEST_CASE("cli fix: traditional characters change only with --fix-traditional", "[cli][fix]") {
  TempRepo repo;
  repo.overlay_fixture("text-traditional");
  std::string broken = repo.read(kCase);
  RunResult plain = run_cli({"fix"}, repo.path());
  INFO(plain.out << plain.err);
  CHECK(plain.exit_code == 0);
  CHECK(repo.read(kCase) == broken);
  CHECK(validate_json(repo.path()).keys() == keys_of({{kCase, 19, 3, "text/traditional", "warning"}}));
  RunResult trad = run_cli({"fix", "--fix-traditional"}, repo.path());
  INFO(trad.out << trad.err);
  CHECK(trad.exit_code == 0);
  // 醫生说 → 医生说 gives back the shipped case.
  CHECK(repo.read(kCase) == shipped(kCase));
  CHECK(validate_json(repo.path()).keys().empty());
}

TEST_CASE("cli fix: a file with a YAML syntax error is reported and left untouched", "[cli][fix]") {
  TempRepo repo;
  repo.overlay_fixture("yaml-syntax");
  // Also give it something fix would change if it touched the file.
  edit_file(repo, kCase, "  患者女，71岁", "  患者女,71岁");
  std::string broken = repo.read(kCase);
  RunResult r = run_cli({"fix"}, repo.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(repo.read(kCase) == broken);
  CHECK_THAT(r.err, Catch::Contains(kCase + ":9:13"));
  CHECK_THAT(r.err, Catch::Contains("yaml/syntax"));
}

TEST_CASE("cli fix: a duplicate key already in the file is not blamed on the fix", "[cli][fix]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  edit_file(repo, kCase, "care_stage: 干预\n", "care_stage: 干预\ncare_stage: 干预\n");
  edit_file(repo, kCase, "  患者女，71岁", "  患者女,71岁");
  std::string broken = repo.read(kCase);
  RunResult r = run_cli({"fix"}, repo.path());
  INFO(r.out << r.err);
  // The comma fix does not make the file load any worse: fix either applies it, or leaves
  // the file alone because of the duplicate key and says so. It must not claim that its
  // own result "would no longer load". Applying the fix is a success (exit 0): the
  // duplicate key remains validate's finding.
  CHECK_THAT(r.err, !Catch::Contains("fix/refused"));
  std::string after = repo.read(kCase);
  bool fixed = after.find("  患者女，71岁") != std::string::npos;
  CHECK(r.exit_code == (fixed ? 0 : 1));
  CHECK((fixed || (after == broken && r.err.find("yaml/duplicate-key") != std::string::npos)));
}

TEST_CASE("cli fix: a path outside the repository is refused with exit 2", "[cli][fix]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  TempDir outside;
  outside.write("CC-0001.yaml", kBroken);
  RunResult r = run_cli({"fix", outside.path() + "/CC-0001.yaml"}, repo.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 2);
  CHECK(outside.read("CC-0001.yaml") == kBroken);
  CHECK_THAT(r.err, Catch::Contains("outside the repository"));
  RunResult missing = run_cli({"fix", "cases/cardiology/CC-9999.yaml"}, repo.path());
  CHECK(missing.exit_code == 2);
}

TEST_CASE("cli fix: a comment on a block scalar's header that repeats its first line is never edited", "[cli][fix]") {
  TempRepo repo;
  // The comment quotes the request's first line verbatim; only the value may change.
  std::string text = shipped(kCase);
  size_t at = text.find("user_request: |\n"), end = text.find("authors:");
  REQUIRE(at != std::string::npos);
  REQUIRE(end != std::string::npos);
  auto with = [&](const char* first_line) {
    return text.substr(0, at) + "user_request: |  # 原话：医生说,要开始吃抗凝药\n  " + first_line +
           "\n  可她已经吃了好几年阿司匹林，是不是吃阿司匹林就够了？\n" + text.substr(end);
  };
  std::string broken = with("医生说,要开始吃抗凝药");
  std::string fixed = with("医生说，要开始吃抗凝药");
  write_case(repo, broken);
  // Before fixing, validate points at the value (line 19 `  医生说,`: column 6), not at the
  // comment on line 18.
  CHECK(validate_json(repo.path()).keys() == keys_of({{kCase, 19, 6, "text/halfwidth-punct"}}));
  RunResult r = run_cli({"fix"}, repo.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(repo.read(kCase) == fixed);
}

TEST_CASE("cli fix: removes NEL, U+2028 and U+2029, after which the file loads", "[cli][fix]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  const std::string rel = "cases/cardiology/CC-0001.yaml";
  const std::string clean = repo.read(rel);
  std::string broken = clean;
  broken.insert(broken.find("\n"), "\u2028");
  broken.insert(broken.find("患者女"), "\u0085");
  repo.write(rel, broken);
  RunResult before = run_cli({"validate", rel}, repo.path());
  CHECK(before.exit_code == 1);
  CHECK_THAT(before.out + before.err, Catch::Contains("yaml/ambiguous-break"));
  RunResult r = run_cli({"fix", rel}, repo.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(repo.read(rel) == clean);
}
