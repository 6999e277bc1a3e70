// `clinconsensus agree` end to end on tests/fixtures/scoring: judge-a and judge-b differ
// on 2 of 24 verdicts; gold labels cover m1 on CC-0001.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "test_support.h"

using cc::test::fixtures_dir;
using cc::test::run_cli;
using cc::test::TempDir;

namespace {

std::string fx(const std::string& rel) { return fixtures_dir() + "/scoring/" + rel; }

// The fields of the CSV line starting with `prefix` (no quoted commas in these files).
std::vector<std::string> row(const std::string& csv, const std::string& prefix) {
  std::istringstream in(csv);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(prefix, 0) != 0) continue;
    std::vector<std::string> out;
    std::string field;
    std::istringstream fields(line);
    while (std::getline(fields, field, ',')) out.push_back(field);
    if (!line.empty() && line.back() == ',') out.emplace_back();
    return out;
  }
  return {};
}

}  // namespace

TEST_CASE("agree: two judges, hand-computed kappa and F1, with gold labels", "[cli][score][agree]") {
  TempDir dir;
  auto r = run_cli({"agree", "--cases", fx("cases.jsonl"), "--verdicts", fx("judge-a.jsonl"), fx("judge-b"), "--gold",
                    fx("gold.jsonl"), "--out", "out"},
                   dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("judge-a vs judge-b") != std::string::npos);
  std::string csv = dir.read("out/agreement.csv");
  // both met 10, a only 1, b only 1, neither 12 (n 24): p_o = 22/24, p_e = (11·11 + 13·13)/24²,
  // kappa = 238/286; F1 met 20/22, not met 24/26.
  auto overall = row(csv, "judge-a,judge-b,overall,");
  REQUIRE(overall.size() == 18);
  CHECK(overall[3] == "24");
  CHECK(overall[4] == "10");
  CHECK(overall[5] == "1");
  CHECK(overall[6] == "1");
  CHECK(overall[7] == "12");
  CHECK(std::stod(overall[9]) == Approx(100.0 * 22 / 24).epsilon(1e-12));
  CHECK(std::stod(overall[10]) == Approx(238.0 / 286).epsilon(1e-12));
  CHECK(std::stod(overall[13]) == Approx(20.0 / 22).epsilon(1e-12));
  CHECK(std::stod(overall[16]) == Approx(24.0 / 26).epsilon(1e-12));
  CHECK(std::stod(overall[17]) == Approx((20.0 / 22 + 24.0 / 26) / 2).epsilon(1e-12));
  // Per slice: CC-0002 (professional) holds m2's disagreement only.
  auto pro = row(csv, "judge-a,judge-b,audience:professional,");
  REQUIRE(pro.size() == 18);
  CHECK(pro[3] == "8");
  CHECK(pro[6] == "1");
  // Gold covers 4 cells: judge-a differs on one (75 %), judge-b on none.
  auto a_gold = row(csv, "judge-a,gold,overall,");
  auto b_gold = row(csv, "judge-b,gold,overall,");
  REQUIRE(a_gold.size() == 18);
  CHECK(a_gold[3] == "4");
  CHECK(a_gold[9] == "75");
  CHECK(b_gold[9] == "100");
  std::string dis = dir.read("out/disagreements.csv");
  CHECK(dis.find("CC-0001,CC-0001-R03,m1,沟通,false,judge-a,met,judge-b,not met,not met,") != std::string::npos);
  CHECK(dis.find("CC-0002,CC-0002-R04,m2,准确性,false,judge-a,not met,judge-b,met,,") != std::string::npos);
  CHECK(std::count(dis.begin(), dis.end(), '\n') == 3);
  CHECK(std::filesystem::exists(dir.path() + "/out/run_manifest.json"));
}

TEST_CASE("agree: one input holding two judges, and the refusals", "[cli][score][agree]") {
  TempDir dir;
  std::filesystem::copy_file(fx("judge-a.jsonl"), dir.path() + "/both.jsonl");
  std::string text = dir.read("both.jsonl");
  std::string other = text;
  for (size_t p; (p = other.find("\"judge-a\"")) != std::string::npos;) other.replace(p, 9, "\"judge-c\"");
  dir.write("both.jsonl", text + other);
  auto r = run_cli({"agree", "--cases", fx("cases.jsonl"), "--verdicts", "both.jsonl"}, dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("judge-a vs judge-c") != std::string::npos);
  CHECK(r.out.find("100.0") != std::string::npos);
  CHECK(r.out.find("0 criterion verdicts differ") != std::string::npos);
  // Three judges and no choice: usage error.
  std::string third = text;
  for (size_t p; (p = third.find("\"judge-a\"")) != std::string::npos;) third.replace(p, 9, "\"judge-d\"");
  dir.write("three.jsonl", text + other + third);
  auto three = run_cli({"agree", "--cases", fx("cases.jsonl"), "--verdicts", "three.jsonl"}, dir.path());
  CHECK(three.exit_code == 2);
  auto picked = run_cli(
      {"agree", "--cases", fx("cases.jsonl"), "--verdicts", "three.jsonl", "--judge", "judge-d", "--judge", "judge-c"},
      dir.path());
  CHECK(picked.exit_code == 0);
  CHECK(picked.out.find("judge-d vs judge-c") != std::string::npos);
  dir.write("bad.jsonl", text + R"({"model": "m1", "case_id": "CC-0404", "criteria_met": true, "judge": "judge-a"})"
                                "\n");
  CHECK(run_cli({"agree", "--cases", fx("cases.jsonl"), "--verdicts", "bad.jsonl", fx("judge-b")}, dir.path())
            .exit_code == 1);
}
