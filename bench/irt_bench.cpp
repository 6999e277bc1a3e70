// cc_irt_bench: IRT calibration at benchmark size on simulated verdicts — fit time,
// parameter recovery, leave-one-model-out estimate error, and how well an IRT-chosen
// tenth of the cases ranks new models against random tenths. Respondents are simulated
// from known 2PL parameters (tools/irt/simulate.h); no real model is involved.
//
//   cc_irt_bench [--respondents 150] [--cases 300] [--seed 1] [--quadrature 41]
//                [--threads 2] [--held-out 10] [--write DIR] [--model 1pl|2pl|3pl] [--fit-only 1]
//
// --write DIR also writes the simulation as files (DIR/cases.jsonl, DIR/verdicts/) for
// timing `clinconsensus irt fit` end to end.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "irt/em_fit.h"
#include "irt/estimate.h"
#include "irt/info_select.h"
#include "irt/item_bank.h"
#include "irt/rank_corr.h"
#include "irt/simulate.h"
#include "irt/validation.h"
#include "scoring/stats/prng.h"

using namespace cc::irt;

int main(int argc, char** argv) {
  SimulationSpec spec;
  FitOptions o;
  o.threads = 2;
  size_t held_out = 10;
  std::string write_dir;
  bool fit_only = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--respondents")
      spec.respondents = std::stoul(v);
    else if (k == "--cases")
      spec.cases = std::stoul(v);
    else if (k == "--seed")
      spec.seed = std::stoull(v);
    else if (k == "--quadrature")
      o.quadrature_points = std::stoi(v);
    else if (k == "--threads")
      o.threads = static_cast<unsigned>(std::stoul(v));
    else if (k == "--held-out")
      held_out = std::stoul(v);
    else if (k == "--write")
      write_dir = v;
    else if (k == "--model" && model_from_name(v))
      o.model = *model_from_name(v);
    else if (k == "--fit-only")
      fit_only = v == "1";
    else {
      std::fprintf(stderr, "unknown option %s\n", k.c_str());
      return 2;
    }
  }
  const Simulation sim = simulate_2pl(spec);
  if (!write_dir.empty()) {
    auto w = write_simulation(sim, write_dir);
    if (!w.ok()) {
      std::fprintf(stderr, "%s\n", w.error().message.c_str());
      return 2;
    }
  }
  const auto t0 = std::chrono::steady_clock::now();
  auto fit = fit_items(sim.matrix, o);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!fit.ok()) {
    std::fprintf(stderr, "%s\n", fit.error().message.c_str());
    return 1;
  }
  const Recovery rec = recovery(sim, *fit);
  std::printf(
      "fit: %s, %zu respondents x %zu criteria, %d quadrature points, %u threads: %.2f s wall, %d EM cycles, converged "
      "%s\n",
      std::string(model_name(o.model)).c_str(), spec.respondents, sim.truth.size(), o.quadrature_points, o.threads,
      secs, fit->iterations, fit->converged ? "yes" : "no");
  std::printf("recovery: r(difficulty) %.4f  r(discrimination) %.4f  r(ability) %.4f\n", rec.difficulty,
              rec.discrimination, rec.ability);
  if (fit_only) return 0;

  // Leave one model out: calibrate without it, estimate its full Rubric Accuracy from an
  // IRT-chosen tenth of the cases.
  const cc::Taxonomy tax;
  const int tenth = static_cast<int>(std::max<size_t>(1, spec.cases / 10));
  double err = 0, plain = 0, worst = 0;
  for (size_t h = 0; h < held_out; ++h) {
    const size_t j = h * spec.respondents / held_out;
    const ResponseMatrix train = without_respondent(sim.matrix, j);
    auto f = fit_items(train, o);
    if (!f.ok()) return 1;
    const ItemBank bank = bank_from_fit(*f, train);
    const auto chosen = select_informative(bank, simulated_pool(sim, bank), tax, {}, tenth, 1).case_ids;
    std::vector<uint8_t> met, trials;
    subset_responses(sim.matrix, j, bank, chosen, met, trials);
    const FullEstimate e = estimate_full(bank, met, trials, 10, 1.96);
    const double truth = full_rubric_accuracy(sim.matrix, j), d = std::fabs(e.rubric_accuracy - truth);
    err += d / held_out;
    plain += std::fabs(e.subset_rubric_accuracy - truth) / held_out;
    worst = std::max(worst, d);
  }
  std::printf(
      "leave-one-model-out (%zu models, %d-case subsets): mean |error| %.2f points (worst %.2f); plain subset mean "
      "%.2f\n",
      held_out, tenth, err, worst, plain);

  // Ranking new models: calibrate on two thirds, rank the last third from a tenth.
  const size_t cal = spec.respondents * 2 / 3;
  const ResponseMatrix train = sim.matrix.respondent_range(0, cal);
  auto f = fit_items(train, o);
  if (!f.ok()) return 1;
  const ItemBank bank = bank_from_fit(*f, train);
  std::vector<double> truth;
  for (size_t j = cal; j < spec.respondents; ++j) truth.push_back(full_rubric_accuracy(sim.matrix, j));
  auto rho_of = [&](const std::vector<std::string>& cases) {
    std::vector<double> est;
    std::vector<uint8_t> met, trials;
    for (size_t j = cal; j < spec.respondents; ++j) {
      subset_responses(sim.matrix, j, bank, cases, met, trials);
      est.push_back(estimate_full(bank, met, trials, 10, 1.96).rubric_accuracy);
    }
    return spearman(truth, est);
  };
  const double irt_rho = rho_of(select_informative(bank, simulated_pool(sim, bank), tax, {}, tenth, 1).case_ids);
  std::vector<double> random_rho;
  cc::scoring::Xoshiro256 rng(spec.seed + 99);
  for (int r = 0; r < 51; ++r) {
    std::vector<std::string> ids = bank.cases;
    for (size_t i = ids.size() - 1; i > 0; --i) std::swap(ids[i], ids[rng.next() % (i + 1)]);
    ids.resize(tenth);
    random_rho.push_back(rho_of(ids));
  }
  std::sort(random_rho.begin(), random_rho.end());
  std::printf(
      "ranking %zu new models from %d cases: IRT subset rho %.4f; random subsets rho median %.4f (min %.4f, max %.4f, "
      "51 draws)\n",
      spec.respondents - cal, tenth, irt_rho, random_rho[25], random_rho.front(), random_rho.back());
  return 0;
}
