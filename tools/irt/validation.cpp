#include "irt/validation.h"

#include <algorithm>

#include "irt/rank_corr.h"

namespace cc::irt {

Recovery recovery(const Simulation& sim, const FitResult& fit) {
  std::vector<double> tb, eb, ta, ea, tt, et;
  for (size_t i = 0; i < sim.truth.size(); ++i) {
    tb.push_back(sim.truth[i].difficulty());
    eb.push_back(fit.items[i].params.difficulty());
    ta.push_back(sim.truth[i].a);
    ea.push_back(fit.items[i].params.a);
  }
  for (size_t j = 0; j < fit.abilities.size() && j < sim.abilities.size(); ++j) {
    tt.push_back(sim.abilities[j]);
    et.push_back(fit.abilities[j].theta);
  }
  return {pearson(tb, eb), pearson(ta, ea), pearson(tt, et)};
}

void subset_responses(const ResponseMatrix& m, size_t j, const ItemBank& bank, const std::vector<std::string>& cases,
                      std::vector<uint8_t>& met, std::vector<uint8_t>& trials) {
  met.assign(bank.ids.size(), 0);
  trials.assign(bank.ids.size(), 0);
  for (const auto& id : cases) {
    const auto it = std::find(bank.cases.begin(), bank.cases.end(), id);
    if (it == bank.cases.end()) continue;
    for (uint32_t i : bank.case_items[static_cast<size_t>(it - bank.cases.begin())]) {
      met[i] = m.met_at(j, i);
      trials[i] = m.trials_at(j, i);
    }
  }
}

double full_rubric_accuracy(const ResponseMatrix& m, size_t j) {
  double met = 0, n = 0;
  for (size_t i = 0; i < m.item_count(); ++i) {
    met += m.met_at(j, i);
    n += m.trials_at(j, i);
  }
  return n > 0 ? 100 * met / n : 0;
}

std::vector<coverage::CaseFacts> simulated_pool(const Simulation& sim, const ItemBank& bank) {
  std::vector<coverage::CaseFacts> pool;
  for (size_t c = 0; c < bank.cases.size(); ++c) {
    coverage::CaseFacts f;
    f.case_id = bank.cases[c];
    f.subject = sim.subjects[c];
    f.task = sim.tasks[c];
    f.subject_labels = {f.subject};
    f.task_labels = {f.task};
    f.difficulty = "medium";
    f.criteria = static_cast<int>(bank.case_items[c].size());
    pool.push_back(std::move(f));
  }
  return pool;
}

ResponseMatrix without_respondent(const ResponseMatrix& m, size_t j) {
  ResponseMatrix out = m.respondent_range(0, j);
  const ResponseMatrix rest = m.respondent_range(j + 1, m.respondent_count());
  out.respondents.insert(out.respondents.end(), rest.respondents.begin(), rest.respondents.end());
  out.met.insert(out.met.end(), rest.met.begin(), rest.met.end());
  out.trials.insert(out.trials.end(), rest.trials.begin(), rest.trials.end());
  return out;
}

}  // namespace cc::irt
