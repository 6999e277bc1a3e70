// Metric definitions against hand-computed values, and the properties every scorer of
// CACS must have.
#include <catch2/catch.hpp>

#include "scoring/stats/metrics.h"
#include "scoring/stats/prng.h"
#include "scoring/stats/slices.h"
#include "scoring_fixtures.h"

using namespace cc::scoring;
using cc::test::make_cases;
using cc::test::make_table;

TEST_CASE("CACS@10 of one case with R = 30 (hand-computed)", "[score][metrics]") {
  CHECK(cacs_case(9, 30, 10) == 0);
  CHECK(100 * cacs_case(10, 30, 10) == Approx(100.0 / 21).epsilon(1e-15));
  CHECK(100 * cacs_case(20, 30, 10) == Approx(1100.0 / 21).epsilon(1e-15));
  CHECK(100 * cacs_case(30, 30, 10) == 100);
  CHECK(cacs_case(0, 30, 10) == 0);
  CHECK(cacs_case(5, 4, 10) == 0);  // R < k contributes nothing
  CHECK(passes(10, 10));
  CHECK_FALSE(passes(9, 10));
}

TEST_CASE("slice figures over cases (hand-computed)", "[score][metrics]") {
  // Four cases of 30 criteria with 9, 10, 20 and 30 met.
  CaseSet set = make_cases({30, 30, 30, 30});
  VerdictTable t = make_table(set, "m", {9, 10, 20, 30});
  auto outcomes = case_outcomes(set, t);
  Slice all;
  all.name = "overall";
  all.cases = {0, 1, 2, 3};
  SliceScore s = score_slice(all, outcomes, t, 10);
  CHECK(s.cases == 4);
  CHECK(s.rubrics == 120);
  CHECK(s.positive == 69);
  CHECK(s.rubric_accuracy_pct == Approx(100.0 * 69 / 120).epsilon(1e-15));
  CHECK(*s.pass_at_k_pct == 75);
  // (0 + 1/21 + 11/21 + 21/21) / 4 = 33/84
  CHECK(*s.cacs_at_k_pct == Approx(100.0 * 33 / 84).epsilon(1e-14));
}

TEST_CASE("cases with different criteria counts use each case's R", "[score][metrics]") {
  CaseSet set = make_cases({30, 20});
  VerdictTable t = make_table(set, "m", {20, 15});
  auto outcomes = case_outcomes(set, t);
  // (11/21 + 6/11) / 2
  CHECK(cacs_pct(outcomes, {0, 1}, 10) == Approx(100.0 * (11.0 / 21 + 6.0 / 11) / 2).epsilon(1e-14));
}

TEST_CASE("criterion slices report Rubric Accuracy only", "[score][metrics]") {
  CaseSet set = make_cases({4, 4});
  VerdictTable t = make_table(set, "m", {3, 1});
  auto outcomes = case_outcomes(set, t);
  auto slices = build_slices(set, nullptr);
  const Slice* safety = nullptr;
  for (const auto& s : slices)
    if (s.name == "axis:安全性") safety = &s;
  REQUIRE(safety);
  // Safety criteria are R02 and R04 of each case; met: case 1 R02 (R01–R03 met), case 2 none.
  SliceScore s = score_slice(*safety, outcomes, t, 2);
  CHECK(s.rubrics == 4);
  CHECK(s.positive == 1);
  CHECK(s.rubric_accuracy_pct == 25);
  CHECK_FALSE(s.pass_at_k_pct);
  CHECK_FALSE(s.cacs_at_k_pct);
}

TEST_CASE("missing verdicts count as not met and are counted", "[score][metrics]") {
  CaseSet set = make_cases({4});
  VerdictTable t = make_table(set, "m", {2});
  t.cells[3] = Verdict::None;
  t.cells[2] = Verdict::Unreadable;
  auto outcomes = case_outcomes(set, t);
  CHECK(outcomes[0].met == 2);
  CHECK(outcomes[0].missing == 2);
  CHECK(outcomes[0].rubrics == 4);
}

TEST_CASE("k-sweep is the survival curve and CACS its mean from k on", "[score][metrics]") {
  CaseSet set = make_cases({30, 30, 30, 30});
  VerdictTable t = make_table(set, "m", {9, 10, 20, 30});
  auto outcomes = case_outcomes(set, t);
  auto sweep = k_sweep(outcomes, 30);
  REQUIRE(sweep.size() == 30);
  CHECK(sweep[0].pass_at_k_pct == 100);  // k = 1
  CHECK(sweep[9].pass_at_k_pct == 75);   // k = 10
  CHECK(sweep[10].pass_at_k_pct == 50);  // k = 11
  CHECK(sweep[29].pass_at_k_pct == 25);  // k = 30
  for (int k = 1; k <= 30; ++k) {
    double mean = 0;
    for (int l = k; l <= 30; ++l) mean += sweep[static_cast<size_t>(l - 1)].pass_at_k_pct;
    mean /= 30 - k + 1;
    CHECK(sweep[static_cast<size_t>(k - 1)].cacs_at_k_pct == Approx(mean).epsilon(1e-12));
  }
}

TEST_CASE("property: CACS@k never exceeds pass@k, and both fall as k rises", "[score][metrics]") {
  Xoshiro256 rng(42);
  for (int trial = 0; trial < 200; ++trial) {
    int n = 1 + static_cast<int>(rng.below(40));
    std::vector<int> criteria(static_cast<size_t>(n)), met(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      criteria[static_cast<size_t>(i)] = trial % 2 ? 30 : 20 + static_cast<int>(rng.below(11));
      met[static_cast<size_t>(i)] =
          static_cast<int>(rng.below(static_cast<uint32_t>(criteria[static_cast<size_t>(i)] + 1)));
    }
    CaseSet set = make_cases(criteria);
    VerdictTable t = make_table(set, "m", met);
    auto outcomes = case_outcomes(set, t);
    auto sweep = k_sweep(outcomes, set.max_criteria());
    for (size_t i = 0; i < sweep.size(); ++i) {
      CHECK(sweep[i].cacs_at_k_pct <= sweep[i].pass_at_k_pct + 1e-12);
      CHECK(sweep[i].cacs_at_k_pct >= 0);
      if (i > 0) {
        CHECK(sweep[i].pass_at_k_pct <= sweep[i - 1].pass_at_k_pct);
        CHECK(sweep[i].cacs_at_k_pct <= sweep[i - 1].cacs_at_k_pct + 1e-12);
      }
    }
  }
}
