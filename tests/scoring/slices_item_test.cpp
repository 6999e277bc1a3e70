// Slices (which cases and criteria each holds, in which order) and item analysis.
#include <catch2/catch.hpp>

#include "scoring/stats/item_analysis.h"
#include "scoring/stats/slices.h"
#include "scoring_fixtures.h"

using namespace cc::scoring;
using cc::test::make_cases;
using cc::test::make_table;

namespace {

const Slice* find(const std::vector<Slice>& slices, const std::string& name) {
  for (const auto& s : slices)
    if (s.name == name) return &s;
  return nullptr;
}

}  // namespace

TEST_CASE("slices: label lists, dimension order, criterion slices", "[score][slices]") {
  CaseSet set = make_cases({2, 2, 2});
  set.cases[0].subject_labels = {"心血管内科", "内分泌科"};
  set.cases[1].subject_labels = {"内分泌科"};
  set.cases[2].subject = "儿科";  // no label list: the primary subject counts
  set.cases[1].audience = "professional";
  set.cases[2].care_stage.clear();
  set.finalize();
  auto slices = build_slices(set, nullptr);
  std::vector<std::string> names;
  for (const auto& s : slices) names.push_back(s.name);
  CHECK(names == std::vector<std::string>{"overall", "high", "low", "subject:儿科", "subject:内分泌科",
                                          "subject:心血管内科", "task:用药指导", "care_stage:干预", "audience:lay",
                                          "audience:professional", "axis:准确性", "axis:安全性", "critical:true"});
  CHECK(find(slices, "subject:内分泌科")->cases == std::vector<uint32_t>{0, 1});
  CHECK(find(slices, "care_stage:干预")->cases == std::vector<uint32_t>{0, 1});
  const Slice* critical = find(slices, "critical:true");
  CHECK(critical->per_criterion);
  CHECK(critical->cells == std::vector<uint32_t>{0, 2, 4});
  CHECK(critical->cell_begin == std::vector<uint32_t>{0, 1, 2, 3});
}

TEST_CASE("point-biserial correlation against a hand computation", "[score][items]") {
  // x = 1,1,0,0 and y = 80,60,50,10: means 0.5 and 50; Σxy-dev = 0.5·30 + 0.5·10 + 0 + 0.5·40 = 40;
  // Σx² = 1; Σy² = 900 + 100 + 0 + 1600 = 2600 → r = 40 / sqrt(2600).
  auto r = pearson({1, 1, 0, 0}, {80, 60, 50, 10});
  REQUIRE(r);
  CHECK(*r == Approx(40 / std::sqrt(2600.0)).epsilon(1e-14));
  CHECK_FALSE(pearson({1, 1, 1}, {1, 2, 3}));
  CHECK_FALSE(pearson({1}, {1}));
}

TEST_CASE("item analysis: shares, flags and judge disagreement", "[score][items]") {
  CaseSet set = make_cases({4});
  VerdictTable a = make_table(set, "a", {4});  // strong model
  VerdictTable b = make_table(set, "b", {2});
  VerdictTable c = make_table(set, "c", {0});
  c.cells[3] = Verdict::Met;  // the weakest model alone meets R04
  a.cells[3] = Verdict::NotMet;
  VerdictCollection all;
  all.tables = {a, b, c};
  VerdictTable b2 = b;
  b2.judge = "other";
  b2.cells[0] = Verdict::NotMet;  // the other judge differs on R01 for model b
  all.tables.push_back(b2);
  std::vector<const VerdictTable*> tables{&a, &b, &c};
  auto oa = case_outcomes(set, a), ob = case_outcomes(set, b), oc = case_outcomes(set, c);
  auto items = analyse_items(set, tables, {&oa, &ob, &oc}, all);
  REQUIRE(items.size() == 4);
  // R01: met by a and b (case scores 75, 50) not c (25) → positive r; R03 by a only.
  CHECK(*items[0].met_share == Approx(2.0 / 3));
  CHECK(*items[0].point_biserial > 0);
  CHECK(items[0].multiply_judged == 1);
  CHECK(items[0].judge_disagreements == 1);
  CHECK(items[0].judges_disagree);
  CHECK(items[0].flags() == "judges-disagree");
  CHECK(items[1].judge_disagreements == 0);
  CHECK_FALSE(items[1].judges_disagree);
  CHECK(items[3].negative_discrimination);
  CHECK(items[3].flags() == "negative-discrimination");
  VerdictTable none = make_table(set, "z", {0});
  VerdictTable full = make_table(set, "y", {4});
  auto on = case_outcomes(set, none), of = case_outcomes(set, full);
  auto flat = analyse_items(set, {&none, &none}, {&on, &on}, VerdictCollection{});
  CHECK(flat[0].none_met);
  CHECK(flat[0].flags() == "none-met");
  auto top = analyse_items(set, {&full}, {&of}, VerdictCollection{});
  CHECK(top[2].all_met);
  CHECK_FALSE(top[2].point_biserial);
}
