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
#include "scoring/prng.h"

namespace {

using namespace cc::irt;

// The respondent's verdicts on the criteria of `cases` only (met, trials per bank item).
void subset_of(const ResponseMatrix& m, size_t j, const ItemBank& bank, const std::vector<std::string>& cases,
               std::vector<uint8_t>& met, std::vector<uint8_t>& trials) {
  met.assign(bank.ids.size(), 0);
  trials.assign(bank.ids.size(), 0);
  for (const auto& id : cases) {
    const size_t c = static_cast<size_t>(std::find(bank.cases.begin(), bank.cases.end(), id) - bank.cases.begin());
    for (uint32_t i : bank.case_items[c]) {
      met[i] = m.met_at(j, i);
      trials[i] = m.trials_at(j, i);
    }
  }
}

double full_accuracy(const ResponseMatrix& m, size_t j) {
  double met = 0, n = 0;
  for (size_t i = 0; i < m.item_count(); ++i) {
    met += m.met_at(j, i);
    n += m.trials_at(j, i);
  }
  return 100 * met / n;
}

std::vector<cc::coverage::CaseFacts> pool_of(const Simulation& sim, const ItemBank& bank) {
  std::vector<cc::coverage::CaseFacts> pool;
  for (size_t c = 0; c < bank.cases.size(); ++c) {
    cc::coverage::CaseFacts f;
    f.case_id = bank.cases[c];
    f.subject = sim.subjects[c];
    f.task = sim.tasks[c];
    f.subject_labels = {f.subject};
    f.task_labels = {f.task};
    f.difficulty = "medium";
    f.criteria = 30;
    pool.push_back(f);
  }
  return pool;
}

}  // namespace

TEST_CASE("leave-one-model-out: p-IRT estimates full Rubric Accuracy within 2 points from a tenth of the cases", "[irt]") {
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
    ResponseMatrix train = sim.matrix.respondent_range(0, j);
    ResponseMatrix rest = sim.matrix.respondent_range(j + 1, sim.matrix.respondent_count());
    train.respondents.insert(train.respondents.end(), rest.respondents.begin(), rest.respondents.end());
    train.met.insert(train.met.end(), rest.met.begin(), rest.met.end());
    train.trials.insert(train.trials.end(), rest.trials.begin(), rest.trials.end());
    FitOptions o;
    o.quadrature_points = 31;
    auto fit = fit_items(train, o);
    REQUIRE(fit.ok());
    const ItemBank bank = bank_from_fit(*fit, train);
    const InfoSelection chosen = select_informative(bank, pool_of(sim, bank), tax, {}, 15, 1);
    REQUIRE(chosen.case_ids.size() == 15);
    std::vector<uint8_t> met, trials;
    subset_of(sim.matrix, j, bank, chosen.case_ids, met, trials);
    const FullEstimate e = estimate_full(bank, met, trials, 10, 1.96);
    const double truth = full_accuracy(sim.matrix, j);
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
  for (size_t j = 40; j < 70; ++j) truth.push_back(full_accuracy(sim.matrix, j));
  auto rho_of = [&](const std::vector<std::string>& cases) {
    std::vector<double> est;
    std::vector<uint8_t> met, trials;
    for (size_t j = 40; j < 70; ++j) {
      subset_of(sim.matrix, j, bank, cases, met, trials);
      est.push_back(estimate_full(bank, met, trials, 10, 1.96).rubric_accuracy);
    }
    return spearman(truth, est);
  };
  const cc::Taxonomy tax;
  const double irt_rho = rho_of(select_informative(bank, pool_of(sim, bank), tax, {}, 15, 1).case_ids);
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
