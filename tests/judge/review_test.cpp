// The physician review round trip: review export writes the disagreements as a UTF-8 CSV
// with BOM, a physician fills in labels, review import reads them into the label JSONL
// (refusing edited keys, unknown ids, other values and duplicate rows, with lines, and
// writing nothing then), agree measures both judges against them, and a rerun of judge
// settles the escalated criteria with them.
#include <catch2/catch.hpp>

#include <filesystem>

#include "judge/csv_records.h"
#include "judge/dual_judge_support.h"
#include "judge/review_sheet.h"

using namespace cc::test;
using cc::judge::CsvRecord;

namespace {

std::vector<CsvRecord> read_sheet(const EvalRepo& repo, const std::string& rel) {
  std::string text = repo.read(rel);
  REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);  // BOM
  auto parsed = cc::judge::parse_csv(text);
  REQUIRE(parsed.ok());
  return *parsed;
}

std::string sheet_text(const std::vector<CsvRecord>& records) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& r : records) out += cc::judge::csv_record(r.fields);
  return out;
}

size_t column(const CsvRecord& header, const std::string& name) {
  for (size_t i = 0; i < header.fields.size(); ++i)
    if (header.fields[i] == name) return i;
  FAIL("no column " << name);
  return 0;
}

}  // namespace

TEST_CASE("review export, label, import, agree, and the escalated items settled", "[judge][review]") {
  TwoJudges t("escalate");
  auto r = t.judge();
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const size_t differ = t.contrary.flipped();
  REQUIRE(differ > 0);
  REQUIRE(t.missing().size() == differ);

  auto ex = run_cli({"review", "export", "--out", "sheet.csv"}, t.repo.path(), t.repo.env());
  INFO(ex.out << ex.err);
  REQUIRE(ex.exit_code == 0);
  auto sheet = read_sheet(t.repo, "sheet.csv");
  REQUIRE(sheet.size() == differ + 1);
  const CsvRecord& header = sheet[0];
  CHECK(header.fields.front() == "row_key");
  CHECK(header.fields[header.fields.size() - 2] == "physician_label");
  CHECK(header.fields.back() == "note");
  size_t label = column(header, "physician_label"), note = column(header, "note");
  size_t a = column(header, "judge verdict"), b = column(header, "second verdict");
  column(header, "judge explanation");
  size_t response = column(header, "response"), query = column(header, "context_and_request");
  for (size_t i = 1; i < sheet.size(); ++i) {
    CHECK(sheet[i].fields[a] != sheet[i].fields[b]);
    CHECK(!sheet[i].fields[response].empty());
    CHECK(!sheet[i].fields[query].empty());
    CHECK(sheet[i].fields[label].empty());
  }
  auto all = run_cli({"review", "export", "--all", "--out", "all.csv"}, t.repo.path(), t.repo.env());
  REQUIRE(all.exit_code == 0);
  CHECK(read_sheet(t.repo, "all.csv").size() == 61);

  // The physician sides with the second judge, in every spelling, leaving the last row open.
  const char* spellings[] = {"是", "否", "TRUE", "false", "1", "0"};
  for (size_t i = 1; i + 1 < sheet.size(); ++i) {
    bool met = sheet[i].fields[b] == "true";
    sheet[i].fields[label] = spellings[(i % 3) * 2 + (met ? 0 : 1)];
    sheet[i].fields[note] = "复核, \"按指南\"\n第二行";
  }
  t.repo.write("filled.csv", sheet_text(sheet));
  auto im = run_cli({"review", "import", "filled.csv", "--reviewer", "dr-li"}, t.repo.path(), t.repo.env());
  INFO(im.out << im.err);
  REQUIRE(im.exit_code == 0);
  auto labels = read_rows(t.repo.path() + "/results/physician_labels.jsonl");
  REQUIRE(labels.size() == differ - 1);
  CHECK(labels[0]["reviewer"] == "dr-li");
  CHECK(labels[0]["note"] == "复核, \"按指南\"\n第二行");
  CHECK(labels[0]["criteria_met"].is_boolean());

  // agree: each judge against the physicians. On these criteria the second judge is always
  // right and the first always wrong.
  auto ag = run_cli({"agree", "--verdicts", "results/verdicts", "--judge", "judge", "--judge", "second", "--gold",
                     "results/physician_labels.jsonl", "--out", "agree"},
                    t.repo.path());
  INFO(ag.out << ag.err);
  REQUIRE(ag.exit_code == 0);
  auto agreement = nlohmann::json::parse(t.repo.read("agree/agreement.json"));
  CHECK(agreement["gold"] == true);
  int checked = 0;
  for (const auto& row : agreement["rows"]) {
    if (row["slice"] != "overall" || row["rater_b"] != "gold") continue;
    INFO(row.dump());
    CHECK(row["n"] == differ - 1);
    CHECK(row["agreement_pct"] == (row["rater_a"] == "second" ? 100.0 : 0.0));
    ++checked;
  }
  CHECK(checked == 2);

  // A rerun of judge (all from the cache) takes the labels as final verdicts: only the
  // criterion left unlabelled is still missing.
  int asked = t.a.requests() + t.b.requests();
  auto again = t.judge();
  REQUIRE(again.exit_code == 0);
  CHECK(t.a.requests() + t.b.requests() == asked);
  CHECK(t.missing().size() == 1);
  size_t by_physician = 0;
  for (const auto& f : rows_of(t.rows(), "final"))
    if (f["source"] == "physician:dr-li") ++by_physician;
  CHECK(by_physician == differ - 1);
}

TEST_CASE("review import reports every bad row with its line and writes nothing", "[judge][review]") {
  TwoJudges t("agreed-only");
  REQUIRE(t.judge().exit_code == 0);
  REQUIRE(t.contrary.flipped() >= 2);
  REQUIRE(run_cli({"review", "export", "--all", "--out", "sheet.csv"}, t.repo.path(), t.repo.env()).exit_code == 0);
  auto sheet = read_sheet(t.repo, "sheet.csv");
  size_t label = column(sheet[0], "physician_label"), crit = column(sheet[0], "criterion_id"),
         case_id = column(sheet[0], "case_id"), key = column(sheet[0], "row_key");
  for (size_t i = 1; i < sheet.size(); ++i) sheet[i].fields[label] = "否";
  // Each record is one line here except where a field holds a line break; find the lines.
  sheet[2].fields[crit] = "CC-0001-R99";  // edited key
  sheet[3].fields[label] = "maybe";       // other value
  sheet.push_back(sheet[4]);              // duplicated row
  CsvRecord unknown = sheet[5];           // an id the benchmark does not have, key recomputed
  unknown.fields[case_id] = "CC-9999";
  unknown.fields[key] =
      cc::judge::review_row_key({unknown.fields[column(sheet[0], "model")], "CC-9999", unknown.fields[crit]});
  sheet.push_back(unknown);
  t.repo.write("bad.csv", sheet_text(sheet));
  auto parsed = cc::judge::parse_csv(t.repo.read("bad.csv"));
  REQUIRE(parsed.ok());
  auto line_of = [&](size_t i) { return "bad.csv:" + std::to_string((*parsed)[i].line) + ": "; };
  auto im = run_cli({"review", "import", "bad.csv", "--reviewer", "dr-li"}, t.repo.path(), t.repo.env());
  INFO(im.err);
  CHECK(im.exit_code == 2);
  CHECK(im.err.find(line_of(2) + "model, case_id or criterion_id was edited") != std::string::npos);
  CHECK(im.err.find(line_of(3) + "physician_label \"maybe\"") != std::string::npos);
  CHECK(im.err.find(line_of(sheet.size() - 2) + "the same criterion as line " + std::to_string((*parsed)[4].line)) !=
        std::string::npos);
  CHECK(im.err.find(line_of(sheet.size() - 1) + "CC-9999") != std::string::npos);
  CHECK(im.err.find("4 problems") != std::string::npos);
  CHECK(!std::filesystem::exists(t.repo.path() + "/results/physician_labels.jsonl"));

  // A sheet saved in a legacy encoding is refused with what to do.
  t.repo.write("gbk.csv", "row_key,model\n\xB7\xF1,\xCA\xC7\n");
  auto gbk = run_cli({"review", "import", "gbk.csv", "--reviewer", "dr-li"}, t.repo.path(), t.repo.env());
  CHECK(gbk.exit_code == 2);
  CHECK(gbk.err.find("CSV UTF-8") != std::string::npos);
  // Chinese messages come from the same catalog.
  auto zh =
      run_cli({"--lang", "zh", "review", "import", "bad.csv", "--reviewer", "dr-li"}, t.repo.path(), t.repo.env());
  CHECK(zh.err.find("未导入任何标注") != std::string::npos);
}

TEST_CASE("CSV records follow RFC 4180", "[judge][review]") {
  auto r = cc::judge::parse_csv(
      "\xEF\xBB\xBF"
      "a,\"b,c\",\"d\"\"e\"\r\n\r\n\"multi\nline\",,x\nlast,\"\"");
  REQUIRE(r.ok());
  REQUIRE(r->size() == 3);
  CHECK((*r)[0].fields == std::vector<std::string>{"a", "b,c", "d\"e"});
  CHECK((*r)[0].line == 1);
  CHECK((*r)[1].fields == std::vector<std::string>{"multi\nline", "", "x"});
  CHECK((*r)[1].line == 3);
  CHECK((*r)[2].line == 5);
  CHECK((*r)[2].fields == std::vector<std::string>{"last", ""});
  CHECK(!cc::judge::parse_csv("a,\"open\n").ok());
  CHECK(!cc::judge::parse_csv("\"a\"b,c\n").ok());
  CHECK(cc::judge::csv_record({"a", "b,c", "d\"e", "x\ny"}) == "a,\"b,c\",\"d\"\"e\",\"x\ny\"\r\n");
}
