// Case sources: the public JSONL export (with its optional extra keys), its errors with
// lines, and the shipped benchmark folders.
#include <catch2/catch.hpp>

#include "core/config.h"
#include "scoring/input/case_source.h"
#include "test_support.h"

using namespace cc::scoring;
using cc::test::TempDir;

namespace {

std::string row(const std::string& id, const std::string& role, const std::string& extra = "",
                const std::string& rubrics =
                    R"([{"criterion_id": "X-R01", "criterion": "a"}, {"criterion_id": "X-R02", "criterion": "b"}])") {
  std::string r = rubrics;
  for (size_t p; (p = r.find("X-")) != std::string::npos;) r.replace(p, 2, id + "-");
  return R"({"case_id": ")" + id +
         R"(", "difficulty": "low", "task": "用药指导", "task_labels": ["用药指导", "健康教育与预防"], )"
         R"("subject": "心血管内科", "subject_labels": ["心血管内科"], "user_role": ")" +
         role + R"(", "clinical_context": "……", "user_request": "……", "rubrics": )" + r + extra + "}\n";
}

}  // namespace

TEST_CASE("public JSONL cases: fields, labels, derived audience, extra keys", "[score][cases]") {
  TempDir dir;
  dir.write("cases.jsonl",
            row("CC-0002", "患者女儿") +
                row("CC-0001", "规培医生", R"(, "care_stage": "干预")",
                    R"([{"criterion_id": "X-R01", "criterion": "a", "axis": "安全性", "critical": true}])"));
  CaseLoad load = load_cases_from_jsonl("cases.jsonl", dir.path() + "/cases.jsonl", nullptr, cc::Lang::En);
  CHECK(load.diagnostics.empty());
  REQUIRE(load.cases);
  const CaseSet& s = *load.cases;
  REQUIRE(s.cases.size() == 2);
  CHECK(s.cases[0].case_id == "CC-0001");  // sorted
  CHECK(s.cases[0].audience == "professional");
  CHECK(s.cases[0].care_stage == "干预");
  CHECK(s.cases[0].criteria[0].axis == "安全性");
  CHECK(s.cases[0].criteria[0].critical);
  CHECK(s.cases[1].audience == "lay");
  CHECK(s.cases[1].task_labels == std::vector<std::string>{"用药指导", "健康教育与预防"});
  CHECK(s.cell_count() == 3);
  CHECK(s.find_case("CC-0002") == 1);
  CHECK(s.find_criterion(1, "CC-0002-R02", 0) == 1);
  CHECK(s.find_criterion(1, "CC-0002-R09", 0) == -1);
  REQUIRE(load.inputs.size() == 1);
  CHECK(load.inputs[0].role == "cases");
}

TEST_CASE("public JSONL cases: criterion texts with and without escapes", "[score][cases]") {
  TempDir dir;
  dir.write("cases.jsonl", row("CC-0001", "患者", "",
                               R"([{"criterion_id": "X-R01", "criterion": "plain 文本"}, )"
                               R"({"criterion_id": "X-R02", "criterion": "say \"hi\" \u4e2d\n"}])"));
  CaseLoad load = load_cases_from_jsonl("cases.jsonl", dir.path() + "/cases.jsonl", nullptr, cc::Lang::En);
  REQUIRE(load.cases);
  CHECK(load.cases->cases[0].criteria[0].criterion == "plain 文本");
  CHECK(load.cases->cases[0].criteria[1].criterion == "say \"hi\" 中\n");
  CaseLoad moved = std::move(load);  // the texts live as long as the case set, wherever it goes
  CHECK(moved.cases->cases[0].criteria[0].criterion == "plain 文本");
}

TEST_CASE("public JSONL cases: errors with their lines", "[score][cases]") {
  TempDir dir;
  dir.write("cases.jsonl",
            row("CC-0001", "患者") +                             // 1
                row("CC-0001", "患者") +                         // 2 duplicate
                "{\"case_id\": \"CC-0003\", \"rubrics\": [\n" +  // 3 broken
                R"({"difficulty": "low", "rubrics": []})"
                "\n" +                              // 4 no case_id
                row("CC-0005", "患者", "", "[]") +  // 5 no criteria
                row("CC-0006", "患者", "", R"([{"criterion_id": "X-R01"}, {"criterion_id": "X-R01"}])") +  // 6
                R"({"case_id": 6, "rubrics": []})"
                "\n");  // 7 wrong type
  CaseLoad load = load_cases_from_jsonl("cases.jsonl", dir.path() + "/cases.jsonl", nullptr, cc::Lang::En);
  std::vector<std::pair<std::string, int>> got;
  for (const auto& d : load.diagnostics) got.emplace_back(d.rule, d.line);
  CHECK(got == std::vector<std::pair<std::string, int>>{{"cases/duplicate", 2},
                                                        {"cases/parse", 3},
                                                        {"cases/field", 4},
                                                        {"cases/no-criteria", 5},
                                                        {"cases/duplicate-criterion", 6},
                                                        {"cases/parse", 7}});
  REQUIRE(load.cases);
  CHECK(load.cases->cases.size() == 1);
  CaseLoad missing = load_cases_from_jsonl("nope.jsonl", dir.path() + "/nope.jsonl", nullptr, cc::Lang::En);
  CHECK(missing.unreadable);
}

TEST_CASE("the shipped benchmark loads as 36 cases of 30 criteria", "[score][cases]") {
  cc::ConfigLoad cl = cc::load_config(cc::test::source_dir(), cc::Lang::En);
  REQUIRE(cl.config);
  CaseLoad load = load_cases_from_benchmark(*cl.config, nullptr, cc::Lang::En, 2);
  CHECK(load.diagnostics.empty());
  REQUIRE(load.cases);
  CHECK(load.cases->cases.size() == 36);
  CHECK(load.cases->cell_count() == 36 * 30);
  CHECK(load.cases->has_axes());
  CHECK(load.inputs.size() == 72);
}

TEST_CASE("audience from user_role without a taxonomy uses TAXONOMY.md's markers", "[score][cases]") {
  CHECK(audience_for_role(nullptr, "心内科医生") == "professional");
  CHECK(audience_for_role(nullptr, "社区药师") == "professional");
  CHECK(audience_for_role(nullptr, "患者本人") == "lay");
}
