// Rank correlation: ties share mid-ranks (Spearman) and are corrected for (τ-b), and the
// Fisher-z intervals contain the estimate and narrow as models are added.
#include <catch2/catch.hpp>

#include <cmath>

#include "irt/rank_corr.h"

using namespace cc::irt;

TEST_CASE("Spearman and Kendall tau-b handle ties", "[irt]") {
  const std::vector<double> x{1, 2, 2, 3, 4}, y{10, 20, 30, 30, 50};
  // Mid-ranks x: 1, 2.5, 2.5, 4, 5; y: 1, 2, 3.5, 3.5, 5; their Pearson r is 8.75 / 9.5.
  CHECK(spearman(x, y) == Approx(8.75 / 9.5).epsilon(1e-12));
  // Pairs: 10; concordant 8, discordant 0, tied in x only 1, in y only 1: τ-b = 8/√(9·9).
  CHECK(kendall_tau_b(x, y) == Approx(8.0 / 9.0).epsilon(1e-9));
  CHECK(spearman({1, 2, 3}, {3, 2, 1}) == Approx(-1));
  CHECK(std::isnan(spearman({1, 1, 1}, {1, 2, 3})));
}

TEST_CASE("Fisher-z intervals contain the estimate and narrow with more models", "[irt]") {
  std::vector<double> x, y;
  for (int i = 0; i < 8; ++i) x.push_back(i), y.push_back(i % 3 == 0 ? i + 1.5 : i);
  RankCorrelation small = rank_correlation(x, y, 95);
  for (int i = 8; i < 40; ++i) x.push_back(i), y.push_back(i % 3 == 0 ? i + 1.5 : i);
  RankCorrelation large = rank_correlation(x, y, 95);
  for (const RankCorrelation* r : {&small, &large}) {
    CHECK(r->spearman.low <= r->spearman.value);
    CHECK(r->spearman.value <= r->spearman.high);
    CHECK(r->kendall.low <= r->kendall.value);
    CHECK(r->kendall.value <= r->kendall.high);
  }
  CHECK(large.spearman.high - large.spearman.low < small.spearman.high - small.spearman.low);
  // Too few models for Kendall's interval (n ≤ 4): none is given.
  RankCorrelation tiny = rank_correlation({1, 2, 3, 4}, {1, 3, 2, 4}, 95);
  CHECK(std::isnan(tiny.kendall.low));
  CHECK(std::isfinite(tiny.spearman.low));
}
