// p-IRT estimates and information-based subsets on simulated verdicts: a held-out model's
// full-benchmark Rubric Accuracy from a tenth of the cases, and whether an IRT-chosen
// tenth ranks new models better than random tenths do.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "irt/em_fit.h"
#include "irt/estimate.h"
#include "irt/info_select.h"
#include "irt/item_bank.h"
#include "irt/rank_corr.h"
#include "irt/simulate.h"
#include "irt/validation.h"
#include "scoring/stats/prng.h"

using namespace cc::irt;

TEST_CASE("leave-one-model-out: p-IRT estimates full Rubric Accuracy within 2 points from a tenth of the cases",
          "[irt]") {
  SimulationSpec spec;
  spec.respondents = 41;
  spec.cases = 150;
  spec.seed = 11;
  const Simulation sim = simulate_2pl(spec);
  const cc::Taxonomy tax;
  double abs_error = 0, plain_error = 0;
  const size_t held_out = 8;
  for (size_t h = 0; h < held_out; ++h) {
    const size_t j = h * 5;  // spread over the simulated abilities
    const ResponseMatrix train = without_respondent(sim.matrix, j);
    FitOptions o;
    o.quadrature_points = 31;
    auto fit = fit_items(train, o);
    REQUIRE(fit.ok());
    const ItemBank bank = bank_from_fit(*fit, train);
    const InfoSelection chosen = select_informative(bank, simulated_pool(sim, bank), tax, {}, 15, 1);
    REQUIRE(chosen.case_ids.size() == 15);
    std::vector<uint8_t> met, trials;
    subset_responses(sim.matrix, j, bank, chosen.case_ids, met, trials);
    const FullEstimate e = estimate_full(bank, met, trials, 10, 1.96);
    const double truth = full_rubric_accuracy(sim.matrix, j);
    abs_error += std::fabs(e.rubric_accuracy - truth) / held_out;
    plain_error += std::fabs(e.subset_rubric_accuracy - truth) / held_out;
    CHECK(e.rubric_accuracy_low <= e.rubric_accuracy);
    CHECK(e.rubric_accuracy <= e.rubric_accuracy_high);
    CHECK(e.cacs_low <= e.cacs);
    CHECK(e.cacs <= e.cacs_high);
  }
  INFO("mean absolute error " << abs_error << " points; plain subset mean " << plain_error);
  CHECK(abs_error < 2.0);
  // The information-chosen subset is not representative, so its plain mean is biased:
  // the IRT estimate must do better than averaging it.
  CHECK(abs_error < plain_error);
}

TEST_CASE("an IRT-selected tenth ranks new models better than the median random tenth", "[irt]") {
  SimulationSpec spec;
  spec.respondents = 70;  // 40 to calibrate, 30 new models to rank
  spec.cases = 150;
  spec.seed = 5;
  const Simulation sim = simulate_2pl(spec);
  const ResponseMatrix train = sim.matrix.respondent_range(0, 40);
  FitOptions o;
  o.quadrature_points = 31;
  auto fit = fit_items(train, o);
  REQUIRE(fit.ok());
  const ItemBank bank = bank_from_fit(*fit, train);
  std::vector<double> truth;
  for (size_t j = 40; j < 70; ++j) truth.push_back(full_rubric_accuracy(sim.matrix, j));
  auto rho_of = [&](const std::vector<std::string>& cases) {
    std::vector<double> est;
    std::vector<uint8_t> met, trials;
    for (size_t j = 40; j < 70; ++j) {
      subset_responses(sim.matrix, j, bank, cases, met, trials);
      est.push_back(estimate_full(bank, met, trials, 10, 1.96).rubric_accuracy);
    }
    return spearman(truth, est);
  };
  const cc::Taxonomy tax;
  const double irt_rho = rho_of(select_informative(bank, simulated_pool(sim, bank), tax, {}, 15, 1).case_ids);
  std::vector<double> random_rho;
  cc::scoring::Xoshiro256 rng(99);
  for (int r = 0; r < 21; ++r) {
    std::vector<std::string> ids = bank.cases;
    for (size_t i = ids.size() - 1; i > 0; --i) std::swap(ids[i], ids[rng.next() % (i + 1)]);
    ids.resize(15);
    random_rho.push_back(rho_of(ids));
  }
  std::nth_element(random_rho.begin(), random_rho.begin() + 10, random_rho.end());
  INFO("IRT subset rho " << irt_rho << ", median random rho " << random_rho[10]);
  CHECK(irt_rho > random_rho[10]);
}
