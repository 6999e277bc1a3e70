#include <catch2/catch.hpp>

#include <set>

#include "core/taxonomy.h"
#include "test_support.h"

using namespace cc;
using Catch::Matchers::Contains;

namespace {

const Taxonomy& shipped() {
  static const Taxonomy tax = [] {
    auto load = load_taxonomy(cc::test::source_dir() + "/schema/taxonomy.yaml", "schema/taxonomy.yaml", Lang::En);
    REQUIRE(load.diagnostics.empty());
    REQUIRE(load.taxonomy);
    return *load.taxonomy;
  }();
  return tax;
}

std::string code_of(const Label* l) { return l ? l->code : std::string("<none>"); }

}  // namespace

TEST_CASE("taxonomy: the shipped file has every dimension", "[core][taxonomy]") {
  const Taxonomy& t = shipped();
  CHECK(t.specialties.labels.size() == 36);
  CHECK(t.tasks.labels.size() == 12);
  CHECK(t.difficulty.labels.size() == 3);
  CHECK(t.care_stages.labels.size() == 4);
  CHECK(t.audiences.labels.size() == 2);
  CHECK(t.axes.labels.size() == 7);
  CHECK(t.statuses.labels.size() == 4);
  CHECK(t.specialties.labels.front().code == "cardiology");
  CHECK(t.specialties.labels.front().zh == "心血管内科");
  CHECK(t.specialties.labels.front().en == "Cardiology");
  CHECK(t.specialties.labels.front().aliases == std::vector<std::string>{"心内科", "心血管科"});
  // Codes are unique: they name folders.
  std::set<std::string> codes;
  for (const auto& l : t.specialties.labels) codes.insert(l.code);
  CHECK(codes.size() == 36);
}

TEST_CASE("taxonomy: find uses the name case files write", "[core][taxonomy]") {
  const Taxonomy& t = shipped();
  CHECK(code_of(t.specialties.find("心血管内科")) == "cardiology");
  CHECK(t.specialties.find("cardiology") == nullptr);  // files write the zh name
  CHECK(t.specialties.find("心内科") == nullptr);      // aliases are for suggestions only
  CHECK(code_of(t.tasks.find("治疗方案制定")) == "treatment-planning");
  CHECK(code_of(t.difficulty.find("low")) == "low");  // difficulty is written as a code
  CHECK(t.difficulty.find("低") == nullptr);
  CHECK(code_of(t.audiences.find("professional")) == "professional");
  CHECK(code_of(t.care_stages.find("随访")) == "follow-up");
  CHECK(code_of(t.axes.find("安全性")) == "safety");
  CHECK(t.specialties.file_names().size() == 36);
  CHECK(t.specialties.file_names().front() == "心血管内科");
  CHECK(t.difficulty.file_names() == std::vector<std::string>{"low", "medium", "high"});
}

TEST_CASE("taxonomy: find_specialty_any accepts zh, en, code and alias", "[core][taxonomy]") {
  const Taxonomy& t = shipped();
  CHECK(code_of(t.find_specialty_any("心血管内科")) == "cardiology");
  CHECK(code_of(t.find_specialty_any("Cardiology")) == "cardiology");
  CHECK(code_of(t.find_specialty_any("cardiology")) == "cardiology");
  CHECK(code_of(t.find_specialty_any("CARDIOLOGY")) == "cardiology");
  CHECK(code_of(t.find_specialty_any("心内科")) == "cardiology");
  CHECK(code_of(t.find_specialty_any("ICU")) == "critical-care");
  CHECK(code_of(t.find_specialty_any("infectious-disease")) == "infectious-disease");
  CHECK(t.find_specialty_any("cardiolgy") == nullptr);  // no guessing here
  CHECK(code_of(t.find_task_any("Treatment planning")) == "treatment-planning");
  CHECK(code_of(t.find_task_any("follow-up")) == "follow-up");
  CHECK(code_of(t.find_task_any("医患沟通")) == "patient-communication");
  CHECK(t.find_task_any("治疗") == nullptr);
}

TEST_CASE("taxonomy: suggest from English name, code, alias and misspelling", "[core][taxonomy]") {
  const Taxonomy& t = shipped();
  CHECK(code_of(t.specialties.suggest("心内科")) == "cardiology");
  CHECK(code_of(t.specialties.suggest("心血管科")) == "cardiology");
  CHECK(code_of(t.specialties.suggest("Cardiology")) == "cardiology");
  CHECK(code_of(t.specialties.suggest("neurology")) == "neurology");
  CHECK(code_of(t.specialties.suggest("呼吸科")) == "pulmonology");
  CHECK(code_of(t.specialties.suggest("cardiolgy")) == "cardiology");
  CHECK(code_of(t.specialties.suggest("心血管外科")) == "cardiology");  // one character off
  CHECK(code_of(t.specialties.suggest("Dermatolgy")) == "dermatology");
  CHECK(code_of(t.tasks.suggest("Medication instructions")) == "medication-guidance");
  CHECK(code_of(t.difficulty.suggest("Medium")) == "medium");
  CHECK(code_of(t.axes.suggest("准确")) == "accuracy");
  CHECK(t.specialties.suggest("量子力学") == nullptr);
  CHECK(t.care_stages.suggest("治疗") == nullptr);
}

TEST_CASE("taxonomy: audience_for_role reads professional markers", "[core][taxonomy]") {
  const Taxonomy& t = shipped();
  CHECK(t.audience_for_role("规培医师") == "professional");
  CHECK(t.audience_for_role("社区全科医生") == "professional");
  CHECK(t.audience_for_role("临床药师") == "professional");
  CHECK(t.audience_for_role("ICU护士") == "professional");
  CHECK(t.audience_for_role("医学生") == "professional");
  CHECK(t.audience_for_role("患者本人") == "lay");
  CHECK(t.audience_for_role("患者家属") == "lay");
  CHECK(t.audience_for_role("") == "lay");
  Taxonomy empty;
  CHECK(empty.audience_for_role("医生") == "lay");
}

TEST_CASE("taxonomy: a broken taxonomy file is reported with positions", "[core][taxonomy]") {
  cc::test::TempDir dir;
  std::string good_rest =
      "difficulty: [{code: low, zh: 低}]\n"
      "care_stages: [{code: p, zh: 预防}]\n"
      "audiences: [{code: lay, zh: 非专业}]\n"
      "axes: [{code: safety, zh: 安全性}]\n"
      "statuses: [{code: draft, zh: 草稿}]\n";
  SECTION("missing dimension") {
    dir.write("t.yaml", "# 分类表\nspecialties:\n  - {code: a, zh: 甲, en: A}\n" + good_rest);
    auto load = load_taxonomy(dir.path() + "/t.yaml", "schema/t.yaml", Lang::En);
    CHECK_FALSE(load.taxonomy);
    REQUIRE(load.diagnostics.size() == 1);
    const auto& d = load.diagnostics[0];
    CHECK(d.rule == "taxonomy/invalid");
    CHECK(d.file == "schema/t.yaml");
    CHECK(d.line == 2);  // the missing key has no position: the whole mapping's
    CHECK(d.column == 1);
    CHECK_THAT(d.message, Contains("'tasks' must be a non-empty list"));
  }
  SECTION("duplicate and malformed entries") {
    dir.write("t.yaml",
              "specialties:\n  - {code: a, zh: 甲, en: A}\n  - {code: b, zh: 甲}\n"
              "tasks:\n  - 诊断推理\n" +
                  good_rest);
    auto load = load_taxonomy(dir.path() + "/t.yaml", "schema/t.yaml", Lang::En);
    CHECK_FALSE(load.taxonomy);
    REQUIRE(load.diagnostics.size() == 2);
    CHECK(load.diagnostics[0].line == 3);
    CHECK(load.diagnostics[0].column == 5);
    CHECK_THAT(load.diagnostics[0].message, Contains("'甲' appears twice in specialties"));
    CHECK(load.diagnostics[1].line == 5);
    CHECK(load.diagnostics[1].column == 5);
    CHECK_THAT(load.diagnostics[1].message, Contains("entry needs text fields code and zh"));
  }
  SECTION("not a mapping") {
    dir.write("t.yaml", "- a\n");
    auto load = load_taxonomy(dir.path() + "/t.yaml", "schema/t.yaml", Lang::Zh);
    CHECK_FALSE(load.taxonomy);
    REQUIRE(load.diagnostics.size() == 1);
    CHECK(load.diagnostics[0].line == 1);
    CHECK(load.diagnostics[0].column == 1);
    CHECK_THAT(load.diagnostics[0].message, Catch::Matchers::StartsWith("分类表"));
  }
}
