// fix in process (tests/checks/fix_in_process.h): `fix` repairs exactly the broken
// characters of a file and nothing else — comments, key order, indentation, block scalars,
// flow lists and quoting stay byte for byte — converts GB18030 / UTF-16 files to UTF-8,
// drops a BOM, and leaves alone what it cannot safely fix. Every expected file is written
// by hand (tests/fix_samples.h). What only the binary shows is in tests/cli/fix_test.cpp.
#include <cerrno>
#include <cstring>

#include "checks/fix_in_process.h"
#include "checks/validate_in_process.h"
#include "fix_samples.h"
#include "override_reader.h"

using namespace cc;
using namespace cc::test;
using namespace cc::test::fix_samples;

namespace {

// Validates and returns the findings that carry a fix.
std::vector<std::string> fixable_findings(const TempRepo& repo) {
  JsonRun r = validate_in_process(repo.path());
  check_json_shape(r);
  std::vector<std::string> out;
  for (const auto& d : r.doc["diagnostics"])
    if (d.contains("fix")) out.push_back(d.value("rule", "") + " at " + std::to_string(d.value("line", 0)));
  return out;
}

// Fixes the repository with `options` and checks that its case is the shipped one again
// and validates with no finding.
void check_fixed_back_to_shipped(const TempRepo& repo, const FixOptions& options = {}) {
  RunResult r = fix_in_process(repo.path(), {}, options).run;
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(repo.read(kCase) == shipped(kCase));
  JsonRun v = validate_in_process(repo.path());
  CHECK(v.keys().empty());
  CHECK(v.run.exit_code == 0);
}

}  // namespace

TEST_CASE("fix: reads through the run's reader and writes the work tree", "[checks][fix][reader]") {
  TempRepo repo;
  write_case(repo, kFixed);
  FixOptions options;
  options.reader = std::make_shared<OverrideReader>(repo.path(), kCase, kBroken);
  FixInProcess r = fix_in_process(repo.path(), {kCase}, options);
  INFO(r.run.out << r.run.err);
  CHECK(r.run.exit_code == 0);
  CHECK(r.fixed.changes == 19);
  REQUIRE(r.fixed.fixes.size() == 1);
  CHECK(r.fixed.fixes[0].written);
  CHECK(repo.read(kCase) == kFixed);
}

TEST_CASE("fix: a file the reader cannot give is its io/read finding and stays as it is", "[checks][fix][reader]") {
  TempRepo repo;
  write_case(repo, kBroken);
  FixOptions options;
  options.reader = std::make_shared<OverrideReader>(repo.path(), kCase, std::nullopt);
  FixInProcess r = fix_in_process(repo.path(), {}, options);
  CHECK(r.run.exit_code == 2);
  CHECK(r.fixed.changes == 0);
  CHECK(repo.read(kCase) == kBroken);
  REQUIRE(r.fixed.problems.size() == 1);
  CHECK(r.fixed.problems[0].rule == "io/read");
  CHECK(r.fixed.problems[0].file == kCase);
  CHECK(r.fixed.problems[0].message == std::string("cannot read the file: ") + std::strerror(EIO));
}

TEST_CASE("fix: only the broken characters change; comments, layout and key order stay", "[checks][fix]") {
  TempRepo repo;
  write_case(repo, kBroken);
  std::string rubric = repo.read(kRubric);
  RunResult r = fix_in_process(repo.path()).run;
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

TEST_CASE("fix: afterwards the file validates with no fixable finding left", "[checks][fix]") {
  TempRepo repo;
  write_case(repo, kBroken);
  CHECK_FALSE(fixable_findings(repo).empty());
  REQUIRE(fix_in_process(repo.path()).run.exit_code == 0);
  CHECK(fixable_findings(repo).empty());
  JsonRun r = validate_in_process(repo.path());
  CHECK(r.keys().empty());
  CHECK(r.run.exit_code == 0);
}

TEST_CASE("fix: only the paths given are fixed", "[checks][fix]") {
  TempRepo repo;
  write_case(repo, kBroken);
  edit_file(repo, kRubric, "风险高，有明确", "风险高,有明确");  // fixable, but not asked for
  std::string rubric = repo.read(kRubric);
  RunResult r = fix_in_process(repo.path(), {kCase}).run;
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(repo.read(kCase) == kFixed);
  CHECK(repo.read(kRubric) == rubric);
  CHECK_THAT(r.out, Catch::Contains("changed 1 file, 19 fixes"));
  // Fixing the rubric by name then changes it too.
  CHECK(fix_in_process(repo.path(), {kRubric}).run.exit_code == 0);
  CHECK(repo.read(kRubric) == shipped(kRubric));
}

TEST_CASE("fix: a GB18030 file is converted to UTF-8 and then validates", "[checks][fix]") {
  TempRepo repo;
  repo.overlay_fixture("text-encoding-gb18030");
  std::string bytes = repo.read(kCase);
  RunResult check = fix_in_process(repo.path(), {}, fix_options(true)).run;
  INFO(check.out << check.err);
  CHECK(check.exit_code == 1);
  CHECK_THAT(check.out, Catch::Contains(kCase + ":1:1: text/encoding: 'GB18030' → 'UTF-8'"));
  CHECK(repo.read(kCase) == bytes);
  // The fixture is the shipped case saved as GB18030: converting it back gives those bytes.
  check_fixed_back_to_shipped(repo);
}

TEST_CASE("fix: a UTF-16LE file with its BOM is converted to UTF-8 without one", "[checks][fix]") {
  TempRepo repo;
  repo.overlay_fixture("text-encoding-utf16le");
  check_fixed_back_to_shipped(repo);
}

TEST_CASE("fix: a UTF-8 byte-order mark is removed", "[checks][fix]") {
  TempRepo repo;
  repo.overlay_fixture("yaml-bom");
  REQUIRE(repo.read(kCase).rfind("\xEF\xBB\xBF", 0) == 0);
  check_fixed_back_to_shipped(repo);
}

TEST_CASE("fix: control characters YAML refuses are removed so the file parses again", "[checks][fix]") {
  // Regression: a vertical tab or DEL pasted from a word processor made the file a syntax
  // error that fix could not touch, since its text rules need the file parsed.
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  edit_file(repo, kCase, "  患者女，71岁", "  患者女\x0B，71\x7F岁");
  auto before = validate_in_process(repo.path());
  CHECK(before.keys() == keys_of({{kCase, 17, 6, "yaml/syntax"}}));
  check_fixed_back_to_shipped(repo);
}

TEST_CASE("fix: traditional characters change only with --fix-traditional", "[checks][fix]") {
  TempRepo repo;
  repo.overlay_fixture("text-traditional");
  std::string broken = repo.read(kCase);
  RunResult plain = fix_in_process(repo.path()).run;
  INFO(plain.out << plain.err);
  CHECK(plain.exit_code == 0);
  CHECK(repo.read(kCase) == broken);
  CHECK(validate_in_process(repo.path()).keys() == keys_of({{kCase, 19, 3, "text/traditional", "warning"}}));
  // 醫生说 → 医生说 gives back the shipped case.
  check_fixed_back_to_shipped(repo, fix_options(false, true));
}

TEST_CASE("fix: a file with a YAML syntax error is reported and left untouched", "[checks][fix]") {
  TempRepo repo;
  repo.overlay_fixture("yaml-syntax");
  // Also give it something fix would change if it touched the file.
  edit_file(repo, kCase, "  患者女，71岁", "  患者女,71岁");
  std::string broken = repo.read(kCase);
  RunResult r = fix_in_process(repo.path()).run;
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(repo.read(kCase) == broken);
  CHECK_THAT(r.err, Catch::Contains(kCase + ":9:13"));
  CHECK_THAT(r.err, Catch::Contains("yaml/syntax"));
}

TEST_CASE("fix: a duplicate key already in the file is not blamed on the fix", "[checks][fix]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  edit_file(repo, kCase, "care_stage: 干预\n", "care_stage: 干预\ncare_stage: 干预\n");
  edit_file(repo, kCase, "  患者女，71岁", "  患者女,71岁");
  std::string broken = repo.read(kCase);
  RunResult r = fix_in_process(repo.path()).run;
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

TEST_CASE("fix: a comment on a block scalar's header that repeats its first line is never edited", "[checks][fix]") {
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
  CHECK(validate_in_process(repo.path()).keys() == keys_of({{kCase, 19, 6, "text/halfwidth-punct"}}));
  RunResult r = fix_in_process(repo.path()).run;
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(repo.read(kCase) == fixed);
}

TEST_CASE("fix: removes NEL, U+2028 and U+2029, after which the file loads", "[checks][fix]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  const std::string rel = "cases/cardiology/CC-0001.yaml";
  const std::string clean = repo.read(rel);
  std::string broken = clean;
  broken.insert(broken.find("\n"), "\u2028");
  broken.insert(broken.find("患者女"), "\u0085");
  repo.write(rel, broken);
  JsonRun before = validate_in_process(repo.path(), {rel});
  CHECK(before.run.exit_code == 1);
  CHECK_THAT(before.run.out + before.run.err, Catch::Contains("yaml/ambiguous-break"));
  RunResult r = fix_in_process(repo.path(), {rel}).run;
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(repo.read(rel) == clean);
}
