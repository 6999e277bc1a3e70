// Agreement figures against hand-computed tables, and the comparison of two judges.
#include <catch2/catch.hpp>

#include "scoring/stats/agreement.h"
#include "scoring/stats/slices.h"
#include "scoring_fixtures.h"

using namespace cc::scoring;
using cc::test::make_cases;
using cc::test::make_table;

TEST_CASE("kappa, precision, recall and F1 of a hand-computed table", "[score][agree]") {
  // A met & B met 40, A only 10, B only 5, neither 45 (n = 100).
  AgreementFigures f = agreement_figures({40, 10, 5, 45});
  CHECK(f.n == 100);
  CHECK(*f.agreement_pct == Approx(85).epsilon(1e-15));
  // p_o = 0.85; p_e = (50·45 + 50·55) / 100² = 0.5; kappa = 0.35 / 0.5 = 0.7
  CHECK(*f.kappa == Approx(0.7).epsilon(1e-14));
  CHECK(*f.met.precision == Approx(0.8).epsilon(1e-15));
  CHECK(*f.met.recall == Approx(40.0 / 45).epsilon(1e-15));
  CHECK(*f.met.f1 == Approx(80.0 / 95).epsilon(1e-15));
  CHECK(*f.not_met.precision == Approx(0.9).epsilon(1e-15));
  CHECK(*f.not_met.recall == Approx(45.0 / 55).epsilon(1e-15));
  CHECK(*f.not_met.f1 == Approx(90.0 / 105).epsilon(1e-15));
  CHECK(*f.macro_f1 == Approx((80.0 / 95 + 90.0 / 105) / 2).epsilon(1e-15));
}

TEST_CASE("a second hand-computed table: agreement below chance", "[score][agree]") {
  // both 2, a only 8, b only 8, neither 2: p_o = 0.2, p_e = (10·10 + 10·10)/400 = 0.5, kappa = -0.6
  AgreementFigures f = agreement_figures({2, 8, 8, 2});
  CHECK(*f.kappa == Approx(-0.6).epsilon(1e-14));
  CHECK(*f.met.f1 == Approx(0.2).epsilon(1e-15));
  CHECK(*f.macro_f1 == Approx(0.2).epsilon(1e-15));
}

TEST_CASE("degenerate tables leave undefined figures empty", "[score][agree]") {
  AgreementFigures all_met = agreement_figures({10, 0, 0, 0});
  CHECK(*all_met.agreement_pct == 100);
  CHECK_FALSE(all_met.kappa);  // p_e = 1
  CHECK(*all_met.met.f1 == 1);
  CHECK_FALSE(all_met.not_met.precision);
  CHECK_FALSE(all_met.not_met.f1);
  CHECK(*all_met.macro_f1 == 1);
  AgreementFigures none = agreement_figures({0, 0, 0, 0});
  CHECK(none.n == 0);
  CHECK_FALSE(none.agreement_pct);
  CHECK_FALSE(none.macro_f1);
}

TEST_CASE("two judges compared per slice, with gold labels and a disagreement list", "[score][agree]") {
  CaseSet set = make_cases({4, 4});
  VerdictTable a1 = make_table(set, "m1", {3, 1});  // M M M N | M N N N
  VerdictTable b1 = make_table(set, "m1", {2, 2});  // M M N N | M M N N
  VerdictTable a2 = make_table(set, "m2", {4, 4});
  VerdictTable b2 = make_table(set, "m2", {4, 4});
  b2.cells[7] = Verdict::None;  // one cell only judge a rated
  VerdictTable g1 = make_table(set, "m1", {3, 2});
  std::vector<const VerdictTable*> a{&a1, &a2}, b{&b1, &b2}, gold{&g1};
  auto slices = build_slices(set, nullptr);
  AgreementReport r = compare_raters(set, slices, "ja", a, "jb", b, &gold);
  REQUIRE(r.rows.size() == 3 * slices.size());
  const AgreementRow& overall = r.rows[0];
  CHECK(overall.slice == "overall");
  // m1: cells 2 (a M, b N) and 5 (a N, b M) differ; 6 agree. m2: 7 agree (all met), 1 unpaired.
  CHECK(overall.table.both_met == 3 + 7);
  CHECK(overall.table.a_only == 1);
  CHECK(overall.table.b_only == 1);
  CHECK(overall.table.neither == 3);
  CHECK(overall.unpaired == 1);
  REQUIRE(r.disagreements.size() == 2);
  CHECK(r.disagreements[0].cell == 2);
  CHECK(r.disagreements[0].a == Verdict::Met);
  CHECK(r.disagreements[0].gold == Verdict::Met);
  CHECK(r.disagreements[1].cell == 5);
  CHECK(r.disagreements[1].gold == Verdict::Met);
  // ja vs gold on m1 only: a = M M M N | M N N N, gold = M M M N | M M N N → one b_only.
  const AgreementRow& ja_gold = r.rows[slices.size()];
  CHECK(ja_gold.rater_b == "gold");
  CHECK(ja_gold.table.n() == 8);
  CHECK(ja_gold.table.b_only == 1);
  CHECK(*ja_gold.figures.agreement_pct == Approx(87.5).epsilon(1e-15));
}
