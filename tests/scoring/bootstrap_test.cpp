// Bootstrap: the specified random streams, quantiles, determinism whatever the thread
// count, and intervals that collapse where nothing varies.
#include <catch2/catch.hpp>

#include "scoring/stats/bootstrap.h"
#include "scoring/stats/prng.h"
#include "scoring_fixtures.h"

using namespace cc::scoring;
using cc::test::make_cases;
using cc::test::make_table;

TEST_CASE("splitmix64 and FNV-1a give their reference values", "[score][bootstrap]") {
  uint64_t s = 0;
  CHECK(splitmix64(s) == 0xE220A8397B1DCDAFULL);
  CHECK(splitmix64(s) == 0x6E789E6AA1B965F4ULL);
  CHECK(splitmix64(s) == 0x06C45D188009454FULL);
  CHECK(fnv1a64("") == 0xCBF29CE484222325ULL);
  CHECK(fnv1a64("a") == 0xAF63DC4C8601EC8CULL);
}

TEST_CASE("xoshiro256** indexes stay in range and cover it", "[score][bootstrap]") {
  Xoshiro256 rng(resample_key(1, "overall", 0));
  std::vector<int> seen(7, 0);
  for (int i = 0; i < 7000; ++i) {
    uint32_t j = rng.below(7);
    REQUIRE(j < 7);
    ++seen[j];
  }
  for (int n : seen) CHECK(n > 800);
  CHECK(resample_key(1, "overall", 0) != resample_key(1, "overall", 1));
  CHECK(resample_key(1, "overall", 0) != resample_key(2, "overall", 0));
  CHECK(resample_key(1, "overall", 0) != resample_key(1, "difficulty:low", 0));
}

TEST_CASE("quantiles interpolate linearly between order statistics", "[score][bootstrap]") {
  std::vector<double> v{1, 2, 3, 4, 5};
  CHECK(quantile_sorted(v, 0) == 1);
  CHECK(quantile_sorted(v, 1) == 5);
  CHECK(quantile_sorted(v, 0.5) == 3);
  CHECK(quantile_sorted(v, 0.025) == Approx(1.1));  // h = 0.1
  CHECK(quantile_sorted(v, 0.975) == Approx(4.9));
  CHECK(quantile_sorted({7}, 0.3) == 7);
}

namespace {

struct Fixture {
  CaseSet set = make_cases({30, 30, 30, 30, 30, 30, 30, 30});
  VerdictTable a = make_table(set, "a", {9, 10, 20, 30, 15, 25, 5, 12});
  VerdictTable b = make_table(set, "b", {8, 12, 18, 29, 14, 20, 7, 10});
  std::vector<CaseOutcome> oa = case_outcomes(set, a), ob = case_outcomes(set, b);
  std::vector<Slice> slices;
  BootstrapInput input() {
    slices = build_slices(set, nullptr);
    BootstrapInput in;
    in.slices = &slices;
    in.outcomes = {&oa, &ob};
    in.tables = {&a, &b};
    in.overall = {score_slice(slices[0], oa, a, 10), score_slice(slices[0], ob, b, 10)};
    return in;
  }
};

bool same_value(double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); }
bool same(const Interval& x, const Interval& y) { return same_value(x.low, y.low) && same_value(x.high, y.high); }

}  // namespace

TEST_CASE("same seed, same intervals, whatever the thread count", "[score][bootstrap]") {
  Fixture f;
  BootstrapInput in = f.input();
  BootstrapResult one = run_bootstrap(in, {200, 7, 95, 10, 1});
  BootstrapResult two = run_bootstrap(in, {200, 7, 95, 10, 2});
  BootstrapResult other = run_bootstrap(in, {200, 8, 95, 10, 2});
  REQUIRE(one.intervals.size() == f.slices.size());
  bool differs = false;
  for (size_t s = 0; s < f.slices.size(); ++s)
    for (size_t m = 0; m < 2; ++m) {
      CHECK(same(one.intervals[s][m].cacs_at_k, two.intervals[s][m].cacs_at_k));
      CHECK(same(one.intervals[s][m].rubric_accuracy, two.intervals[s][m].rubric_accuracy));
      differs = differs || !same(one.intervals[s][m].cacs_at_k, other.intervals[s][m].cacs_at_k);
    }
  CHECK(differs);
  REQUIRE(one.pairwise.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    CHECK(same(one.pairwise[i].ci, two.pairwise[i].ci));
    CHECK(one.pairwise[i].share_a_leads == two.pairwise[i].share_a_leads);
  }
}

TEST_CASE("intervals bracket the point and collapse when nothing varies", "[score][bootstrap]") {
  Fixture f;
  BootstrapInput in = f.input();
  BootstrapResult r = run_bootstrap(in, {500, 1, 95, 10, 0});
  const MetricIntervals& ci = r.intervals[0][0];
  double cacs = *in.overall[0].cacs_at_k_pct;
  CHECK(ci.cacs_at_k.low <= cacs);
  CHECK(ci.cacs_at_k.high >= cacs);
  CHECK(ci.cacs_at_k.low < ci.cacs_at_k.high);
  // The same model twice: every paired difference is 0 and nobody leads.
  VerdictTable copy = f.a;
  copy.model = "a2";
  in.tables = {&f.a, &copy};
  in.outcomes = {&f.oa, &f.oa};
  in.overall = {in.overall[0], in.overall[0]};
  BootstrapResult z = run_bootstrap(in, {100, 1, 95, 10, 0});
  for (const auto& p : z.pairwise) {
    CHECK(p.difference == 0);
    CHECK(p.ci.low == 0);
    CHECK(p.ci.high == 0);
    CHECK(p.share_a_leads == 0);
    CHECK(p.share_b_leads == 0);
  }
  // A one-case slice resamples to itself.
  CaseSet one = make_cases({30});
  VerdictTable t = make_table(one, "m", {20});
  auto o = case_outcomes(one, t);
  std::vector<Slice> slices = build_slices(one, nullptr);
  BootstrapInput bi;
  bi.slices = &slices;
  bi.outcomes = {&o};
  bi.tables = {&t};
  bi.overall = {score_slice(slices[0], o, t, 10)};
  BootstrapResult s = run_bootstrap(bi, {50, 3, 95, 10, 0});
  CHECK(s.intervals[0][0].cacs_at_k.low == Approx(1100.0 / 21));
  CHECK(s.intervals[0][0].cacs_at_k.high == Approx(1100.0 / 21));
}

TEST_CASE("no resamples: no intervals, point differences only", "[score][bootstrap]") {
  Fixture f;
  BootstrapInput in = f.input();
  BootstrapResult r = run_bootstrap(in, {0, 1, 95, 10, 0});
  CHECK(std::isnan(r.intervals[0][0].cacs_at_k.low));
  REQUIRE(r.pairwise.size() == 3);
  CHECK(r.pairwise[0].difference == Approx(in.overall[0].rubric_accuracy_pct - in.overall[1].rubric_accuracy_pct));
  CHECK(std::isnan(r.pairwise[0].share_a_leads));
}
