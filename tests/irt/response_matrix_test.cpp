// Verdict tables as IRT data: respondents per (model, judge, repeat), criterion and case
// items, and missing verdicts left unobserved rather than counted as not met.
#include <catch2/catch.hpp>

#include "irt/response_matrix.h"
#include "scoring/scoring_fixtures.h"

using namespace cc::irt;

TEST_CASE("a judge's repeat runs are separate respondents", "[irt]") {
  Respondent r = respondent_of("m", "qwen#3");
  CHECK(r.judge == "qwen");
  CHECK(r.repeat == 3);
  CHECK(respondent_of("m", "qwen").repeat == 1);
  CHECK(respondent_of("m", "a#b").judge == "a#b");  // not a repeat suffix
  CHECK(respondent_of("m", "").judge.empty());
}

TEST_CASE("missing verdicts stay unobserved in criterion and case items", "[irt]") {
  cc::scoring::CaseSet set = cc::test::make_cases({3, 2});
  cc::scoring::VerdictTable t = cc::test::make_table(set, "m", {2, 1});
  t.judge = "j#2";
  t.cells[1] = cc::scoring::Verdict::None;        // CC-0001-R02: met by make_table, now missing
  t.cells[4] = cc::scoring::Verdict::Unreadable;  // CC-0002-R02
  auto crit = build_response_matrix(set, {&t}, ItemUnit::Criterion);
  REQUIRE(crit.ok());
  REQUIRE(crit->item_count() == 5);
  CHECK(crit->respondents[0].judge == "j");
  CHECK(crit->respondents[0].repeat == 2);
  CHECK(crit->trials_at(0, 1) == 0);
  CHECK(crit->trials_at(0, 4) == 0);
  CHECK(crit->met_at(0, 0) == 1);
  CHECK(crit->met_at(0, 2) == 0);
  CHECK(crit->trials_at(0, 2) == 1);
  auto cases = build_response_matrix(set, {&t}, ItemUnit::Case);
  REQUIRE(cases.ok());
  REQUIRE(cases->item_count() == 2);
  CHECK(cases->max_trials[0] == 3);
  CHECK(cases->trials_at(0, 0) == 2);  // R01 met, R03 not met; R02 missing
  CHECK(cases->met_at(0, 0) == 1);
  CHECK(cases->trials_at(0, 1) == 1);
  CHECK(cases->met_at(0, 1) == 1);
}
