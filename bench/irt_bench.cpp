// cc_irt_bench: IRT calibration at benchmark size on simulated verdicts — fit time,
// parameter recovery, leave-one-model-out estimate error, and how well an IRT-chosen
// tenth of the cases ranks new models against random tenths. Respondents are simulated
// from known 2PL parameters (tools/irt/simulate.h); no real model is involved.
//
//   cc_irt_bench [--respondents 150] [--cases 300] [--seed 1] [--quadrature 41]
//                [--threads 2] [--held-out 10] [--write DIR]
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
#include "scoring/prng.h"

namespace {

using namespace cc::irt;

double full_accuracy(const ResponseMatrix& m, size_t j) {
  double met = 0, n = 0;
  for (size_t i = 0; i < m.item_count(); ++i) met += m.met_at(j, i), n += m.trials_at(j, i);
  return 100 * met / n;
}

void subset_of(const ResponseMatrix& m, size_t j, const ItemBank& bank, const std::vector<std::string>& cases,
               std::vector<uint8_t>& met, std::vector<uint8_t>& trials) {
  met.assign(bank.ids.size(), 0);
  trials.assign(bank.ids.size(), 0);
  for (const auto& id : cases) {
    const size_t c = static_cast<size_t>(std::find(bank.cases.begin(), bank.cases.end(), id) - bank.cases.begin());
    for (uint32_t i : bank.case_items[c]) met[i] = m.met_at(j, i), trials[i] = m.trials_at(j, i);
  }
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

ResponseMatrix without(const ResponseMatrix& m, size_t j) {
  ResponseMatrix out = m.respondent_range(0, j);
  ResponseMatrix rest = m.respondent_range(j + 1, m.respondent_count());
  out.respondents.insert(out.respondents.end(), rest.respondents.begin(), rest.respondents.end());
  out.met.insert(out.met.end(), rest.met.begin(), rest.met.end());
  out.trials.insert(out.trials.end(), rest.trials.begin(), rest.trials.end());
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  SimulationSpec spec;
  FitOptions o;
  o.threads = 2;
  size_t held_out = 10;
  std::string write_dir;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--respondents") spec.respondents = std::stoul(v);
    else if (k == "--cases") spec.cases = std::stoul(v);
    else if (k == "--seed") spec.seed = std::stoull(v);
    else if (k == "--quadrature") o.quadrature_points = std::stoi(v);
    else if (k == "--threads") o.threads = static_cast<unsigned>(std::stoul(v));
    else if (k == "--held-out") held_out = std::stoul(v);
    else if (k == "--write") write_dir = v;
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
  std::vector<double> tb, eb, ta, ea, tt, et;
  for (size_t i = 0; i < sim.truth.size(); ++i) {
    tb.push_back(sim.truth[i].difficulty());
    eb.push_back(fit->items[i].params.difficulty());
    ta.push_back(sim.truth[i].a);
    ea.push_back(fit->items[i].params.a);
  }
  for (size_t j = 0; j < sim.abilities.size(); ++j) tt.push_back(sim.abilities[j]), et.push_back(fit->abilities[j].theta);
  std::printf("fit: %zu respondents x %zu criteria, %d quadrature points, %u threads: %.2f s wall, %d EM cycles, converged %s\n",
              spec.respondents, sim.truth.size(), o.quadrature_points, o.threads, secs, fit->iterations,
              fit->converged ? "yes" : "no");
  std::printf("recovery: r(difficulty) %.4f  r(discrimination) %.4f  r(ability) %.4f\n", pearson(tb, eb), pearson(ta, ea),
              pearson(tt, et));

  // Leave one model out: calibrate without it, estimate its full Rubric Accuracy from an
  // IRT-chosen tenth of the cases.
  const cc::Taxonomy tax;
  const int tenth = static_cast<int>(std::max<size_t>(1, spec.cases / 10));
  double err = 0, plain = 0, worst = 0;
  for (size_t h = 0; h < held_out; ++h) {
    const size_t j = h * spec.respondents / held_out;
    const ResponseMatrix train = without(sim.matrix, j);
    auto f = fit_items(train, o);
    if (!f.ok()) return 1;
    const ItemBank bank = bank_from_fit(*f, train);
    const auto chosen = select_informative(bank, pool_of(sim, bank), tax, {}, tenth, 1).case_ids;
    std::vector<uint8_t> met, trials;
    subset_of(sim.matrix, j, bank, chosen, met, trials);
    const FullEstimate e = estimate_full(bank, met, trials, 10, 1.96);
    const double truth = full_accuracy(sim.matrix, j), d = std::fabs(e.rubric_accuracy - truth);
    err += d / held_out;
    plain += std::fabs(e.subset_rubric_accuracy - truth) / held_out;
    worst = std::max(worst, d);
  }
  std::printf("leave-one-model-out (%zu models, %d-case subsets): mean |error| %.2f points (worst %.2f); plain subset mean %.2f\n",
              held_out, tenth, err, worst, plain);

  // Ranking new models: calibrate on two thirds, rank the last third from a tenth.
  const size_t cal = spec.respondents * 2 / 3;
  const ResponseMatrix train = sim.matrix.respondent_range(0, cal);
  auto f = fit_items(train, o);
  if (!f.ok()) return 1;
  const ItemBank bank = bank_from_fit(*f, train);
  std::vector<double> truth;
  for (size_t j = cal; j < spec.respondents; ++j) truth.push_back(full_accuracy(sim.matrix, j));
  auto rho_of = [&](const std::vector<std::string>& cases) {
    std::vector<double> est;
    std::vector<uint8_t> met, trials;
    for (size_t j = cal; j < spec.respondents; ++j) {
      subset_of(sim.matrix, j, bank, cases, met, trials);
      est.push_back(estimate_full(bank, met, trials, 10, 1.96).rubric_accuracy);
    }
    return spearman(truth, est);
  };
  const double irt_rho = rho_of(select_informative(bank, pool_of(sim, bank), tax, {}, tenth, 1).case_ids);
  std::vector<double> random_rho;
  cc::scoring::Xoshiro256 rng(spec.seed + 99);
  for (int r = 0; r < 51; ++r) {
    std::vector<std::string> ids = bank.cases;
    for (size_t i = ids.size() - 1; i > 0; --i) std::swap(ids[i], ids[rng.next() % (i + 1)]);
    ids.resize(tenth);
    random_rho.push_back(rho_of(ids));
  }
  std::sort(random_rho.begin(), random_rho.end());
  std::printf("ranking %zu new models from %d cases: IRT subset rho %.4f; random subsets rho median %.4f (min %.4f, max %.4f, 51 draws)\n",
              spec.respondents - cal, tenth, irt_rho, random_rho[25], random_rho.front(), random_rho.back());
  return 0;
}
