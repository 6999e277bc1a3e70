// Calibration: parameters recovered from verdicts simulated from known 2PL items, and
// the quadrature the EM integrates with.
#include <catch2/catch.hpp>

#include <cmath>

#include "irt/em_fit.h"
#include "irt/item_fit.h"
#include "irt/quadrature.h"
#include "irt/rank_corr.h"
#include "irt/simulate.h"
#include "irt/validation.h"

using cc::irt::pearson;

TEST_CASE("Gauss-Hermite quadrature integrates the normal moments", "[irt]") {
  cc::irt::Quadrature q = cc::irt::gauss_hermite(21);
  REQUIRE(q.nodes.size() == 21);
  double m0 = 0, m1 = 0, m2 = 0, m4 = 0;
  for (size_t i = 0; i < q.nodes.size(); ++i) {
    m0 += q.weights[i];
    m1 += q.weights[i] * q.nodes[i];
    m2 += q.weights[i] * q.nodes[i] * q.nodes[i];
    m4 += q.weights[i] * std::pow(q.nodes[i], 4);
  }
  CHECK(m0 == Approx(1).epsilon(1e-12));
  CHECK(m1 == Approx(0).margin(1e-12));
  CHECK(m2 == Approx(1).epsilon(1e-10));
  CHECK(m4 == Approx(3).epsilon(1e-10));
  CHECK(q.nodes.front() < q.nodes.back());
}

TEST_CASE("2PL calibration recovers simulated difficulties, slopes and abilities", "[irt]") {
  cc::irt::SimulationSpec spec;
  spec.respondents = 120;
  spec.cases = 40;
  spec.criteria_per_case = 30;
  spec.missing_share = 0.05;
  spec.seed = 7;
  cc::irt::Simulation sim = cc::irt::simulate_2pl(spec);
  cc::irt::FitOptions o;
  o.quadrature_points = 31;
  auto fit = cc::irt::fit_items(sim.matrix, o);
  REQUIRE(fit.ok());
  CHECK(fit->converged);
  const cc::irt::Recovery rec = cc::irt::recovery(sim, *fit);
  CHECK(rec.difficulty > 0.9);
  CHECK(rec.discrimination > 0.5);
  CHECK(rec.ability > 0.97);
  // Standard errors are finite and of a plausible size for 120 respondents.
  double mean_se_b = 0;
  for (const auto& e : fit->items) mean_se_b += e.se_b / fit->items.size();
  CHECK(mean_se_b > 0.05);
  CHECK(mean_se_b < 1.0);
  // The item-fit statistic flags few items of a model that generated the data.
  size_t flagged = 0;
  for (const auto& e : fit->items) flagged += e.fit_p < 0.01;
  CHECK(flagged < fit->items.size() / 10);
}

TEST_CASE("chi-square tail matches known quantiles", "[irt]") {
  CHECK(cc::irt::chi_square_upper(3.841458820694124, 1) == Approx(0.05).epsilon(1e-6));
  CHECK(cc::irt::chi_square_upper(18.307038053275146, 10) == Approx(0.05).epsilon(1e-6));
  CHECK(cc::irt::chi_square_upper(0, 3) == 1);
}

TEST_CASE("1PL shares one slope; 3PL estimates a lower asymptote and converges", "[irt]") {
  cc::irt::SimulationSpec spec;
  spec.respondents = 60;
  spec.cases = 10;
  spec.seed = 9;
  cc::irt::Simulation sim = cc::irt::simulate_2pl(spec);
  std::vector<double> tb;
  for (const auto& p : sim.truth) tb.push_back(p.difficulty());
  for (auto model : {cc::irt::ItemModel::OnePL, cc::irt::ItemModel::ThreePL}) {
    cc::irt::FitOptions o;
    o.model = model;
    o.quadrature_points = 21;
    auto fit = cc::irt::fit_items(sim.matrix, o);
    REQUIRE(fit.ok());
    CHECK(fit->converged);
    std::vector<double> eb;
    for (const auto& e : fit->items) eb.push_back(e.params.difficulty());
    CHECK(pearson(tb, eb) > 0.8);
    if (model == cc::irt::ItemModel::OnePL) {
      for (const auto& e : fit->items) CHECK(e.params.a == fit->items[0].params.a);
    } else {
      for (const auto& e : fit->items) {
        CHECK(e.params.g > 0);
        CHECK(e.params.g < 0.5);
      }
    }
  }
}

TEST_CASE("calibration refuses data it cannot fit", "[irt]") {
  cc::irt::ResponseMatrix m;
  m.items = {"a"};
  m.item_case = {"c"};
  m.max_trials = {1};
  m.respondents = {{"only", "", 1}};
  m.met = {1};
  m.trials = {1};
  auto fit = cc::irt::fit_items(m, {});
  REQUIRE_FALSE(fit.ok());
  CHECK(fit.error().message.find("at least 2 respondents") != std::string::npos);
}
