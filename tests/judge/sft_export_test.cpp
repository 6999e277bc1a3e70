// judge export-sft: rows {instruction: the exact prompt the teacher was sent, output: its
// JSON answer}, physician labels overriding the teacher with the output rewritten, the
// split by case (no case in both files), stratified and seeded, and the data card.
#include <catch2/catch.hpp>

#include <set>

#include "judge/csv_records.h"
#include "judge/dual_judge_support.h"
#include "judge/sft_export.h"

using namespace cc::test;

TEST_CASE("export-sft: exact prompts, physician overrides, no case across the split", "[judge][sft]") {
  TwoJudges t("escalate");
  REQUIRE(t.judge().exit_code == 0);
  const size_t differ = t.contrary.flipped();
  REQUIRE(differ > 0);
  // The physicians side with the second judge on every disagreement.
  REQUIRE(run_cli({"review", "export", "--out", "sheet.csv"}, t.repo.path(), t.repo.env()).exit_code == 0);
  auto sheet = *cc::judge::parse_csv(t.repo.read("sheet.csv"));
  size_t label = 0, second = 0;
  for (size_t i = 0; i < sheet[0].fields.size(); ++i) {
    if (sheet[0].fields[i] == "physician_label") label = i;
    if (sheet[0].fields[i] == "second verdict") second = i;
  }
  std::string filled = "\xEF\xBB\xBF";
  for (size_t i = 0; i < sheet.size(); ++i) {
    if (i > 0) sheet[i].fields[label] = sheet[i].fields[second] == "true" ? "是" : "否";
    filled += cc::judge::csv_record(sheet[i].fields);
  }
  t.repo.write("filled.csv", filled);
  REQUIRE(run_cli({"review", "import", "filled.csv", "--reviewer", "dr-wang", "--out", "labels.jsonl"}, t.repo.path(),
                  t.repo.env())
              .exit_code == 0);

  auto r = run_cli({"judge", "export-sft", "--teacher", "judge", "--gold", "labels.jsonl", "--out", "sft",
                    "--dev-fraction", "0.5", "--seed", "3"},
                   t.repo.path(), t.repo.env());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  auto train = read_rows(t.repo.path() + "/sft/train.jsonl"), dev = read_rows(t.repo.path() + "/sft/dev.jsonl");
  CHECK(train.size() == 30);  // one case each: two cases, two specialties, half to dev
  CHECK(dev.size() == 30);

  // Every instruction is a prompt the teacher was sent, byte for byte.
  std::set<std::string> sent;
  for (const auto& b : t.a.bodies()) sent.insert(b["messages"].back()["content"].get<std::string>());
  auto case_of = [](const std::string& instruction) {
    return instruction.find("建议继续服药") != std::string::npos ? "CC-0001" : "CC-0006";
  };
  std::set<std::string> train_cases, dev_cases;
  size_t rewritten = 0;
  for (auto* split : {&train, &dev})
    for (const auto& row : *split) {
      std::string instruction = row["instruction"];
      CHECK(sent.count(instruction) == 1);
      (split == &train ? train_cases : dev_cases).insert(case_of(instruction));
      auto output = nlohmann::json::parse(row["output"].get<std::string>());
      REQUIRE(output["criteria_met"].is_boolean());
      REQUIRE(output["explanation"].is_string());
      // What the teacher itself answered to this prompt.
      nlohmann::json request{{"messages", {{{"role", "user"}, {"content", instruction}}}}};
      auto teacher = nlohmann::json::parse(
          nlohmann::json::parse(well_behaved_reply(request).body)["choices"][0]["message"]["content"]
              .get<std::string>());
      if (teacher["criteria_met"] != output["criteria_met"]) {
        ++rewritten;
        CHECK(output["explanation"].get<std::string>().find("医师复核") != std::string::npos);
      }
    }
  CHECK(rewritten == differ);
  CHECK(train_cases.size() == 1);
  CHECK(dev_cases.size() == 1);
  CHECK(*train_cases.begin() != *dev_cases.begin());  // no case on both sides

  std::string card = t.repo.read("sft/data_card.md");
  CHECK(card.find("teacher: judge (model fake-judge)") != std::string::npos);
  CHECK(card.find("seed 3") != std::string::npos);
  CHECK(card.find("sha256 ") != std::string::npos);
  CHECK(card.find(std::to_string(differ) + " of them changed") != std::string::npos);

  // The same seed gives the same files.
  std::string first = t.repo.read("sft/train.jsonl");
  REQUIRE(run_cli({"judge", "export-sft", "--teacher", "judge", "--gold", "labels.jsonl", "--out", "sft",
                   "--dev-fraction", "0.5", "--seed", "3"},
                  t.repo.path(), t.repo.env())
              .exit_code == 0);
  CHECK(t.repo.read("sft/train.jsonl") == first);
  auto unknown = run_cli({"judge", "export-sft", "--teacher", "nobody", "--out", "x"}, t.repo.path(), t.repo.env());
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("judge, second") != std::string::npos);
}

TEST_CASE("the dev split is stratified by specialty, seeded and by case", "[judge][sft]") {
  std::vector<std::pair<std::string, std::string>> cases;
  for (int i = 0; i < 60; ++i) cases.emplace_back("A-" + std::to_string(i), "cardiology");
  for (int i = 0; i < 20; ++i) cases.emplace_back("B-" + std::to_string(i), "endocrinology");
  for (int i = 0; i < 20; ++i) cases.emplace_back("C-" + std::to_string(i), "neurology");
  auto dev = cc::judge::dev_cases(cases, 0.1, 9);
  std::map<std::string, int> per;
  for (size_t i = 0; i < cases.size(); ++i)
    if (dev[i]) ++per[cases[i].second];
  CHECK(per["cardiology"] == 6);
  CHECK(per["endocrinology"] == 2);
  CHECK(per["neurology"] == 2);
  CHECK(cc::judge::dev_cases(cases, 0.1, 9) == dev);
  CHECK(cc::judge::dev_cases(cases, 0.1, 10) != dev);
}
