#include "irt/info_select.h"

#include <unordered_map>

namespace cc::irt {
namespace {

constexpr int kGrid = 21;
// Weight of information against the spread objective: a case of twice the average worth
// outweighs one case of deviation from a share target in a few dimensions, never a hard
// bound (those cost 1000 per case).
constexpr double kWorthWeight = 4.0;

}  // namespace

std::vector<double> case_worth(const ItemBank& bank, const std::vector<std::vector<uint32_t>>& case_items, double lo,
                               double hi, int grid) {
  const size_t C = case_items.size();
  std::vector<double> curve(C * grid, 0.0), pool(grid, 0.0);
  for (size_t c = 0; c < C; ++c)
    for (int g = 0; g < grid; ++g) {
      const double th = grid > 1 ? lo + (hi - lo) * g / (grid - 1) : (lo + hi) / 2;
      double info = 0;
      for (uint32_t i : case_items[c]) info += bank.trials[i] * information(bank.params[i], th);
      curve[c * grid + g] = info;
      pool[g] += info;
    }
  std::vector<double> worth(C, 0.0);
  double total = 0;
  for (size_t c = 0; c < C; ++c) {
    for (int g = 0; g < grid; ++g)
      if (pool[g] > 0) worth[c] += curve[c * grid + g] / pool[g];
    total += worth[c];
  }
  if (total > 0)
    for (double& w : worth) w *= static_cast<double>(C) / total;
  return worth;
}

std::vector<coverage::CaseFacts> facts_of_cases(const scoring::CaseSet& cases) {
  std::vector<coverage::CaseFacts> out;
  for (const auto& c : cases.cases) {
    coverage::CaseFacts f;
    f.case_id = c.case_id;
    f.status = "approved";
    f.difficulty = c.difficulty;
    f.subject = c.subject;
    f.task = c.task;
    f.care_stage = c.care_stage;
    f.audience = c.audience;
    f.subject_labels = c.subject_labels;
    f.task_labels = c.task_labels;
    f.has_rubric = true;
    f.criteria = static_cast<int>(c.criteria.size());
    for (const auto& cr : c.criteria) {
      f.critical += cr.critical;
      if (!cr.axis.empty()) ++f.axes[cr.axis];
    }
    out.push_back(std::move(f));
  }
  return out;
}

InfoSelection select_informative(const ItemBank& bank, const std::vector<coverage::CaseFacts>& pool,
                                 const Taxonomy& taxonomy, const coverage::CoverageTargets& targets, int count,
                                 uint64_t seed) {
  InfoSelection out;
  out.ability_min = bank.ability_min;
  out.ability_max = bank.ability_max;
  std::unordered_map<std::string_view, size_t> bank_case;
  for (size_t c = 0; c < bank.cases.size(); ++c) bank_case.emplace(bank.cases[c], c);
  std::vector<std::vector<uint32_t>> items(pool.size());
  for (size_t p = 0; p < pool.size(); ++p)
    if (auto it = bank_case.find(pool[p].case_id); it != bank_case.end()) items[p] = bank.case_items[it->second];
  const std::vector<double> worth = case_worth(bank, items, bank.ability_min, bank.ability_max, kGrid);
  coverage::SelectOptions so{count, 1, seed, 0};
  so.value = &worth;
  so.value_weight = kWorthWeight;
  out.spread = coverage::select_balanced(pool, taxonomy, targets, so);
  for (size_t p : out.spread.parts[0]) out.case_ids.push_back(pool[p].case_id);
  // The information the subset and the pool carry over the grid.
  for (int g = 0; g < kGrid; ++g) {
    const double th = bank.ability_min + (bank.ability_max - bank.ability_min) * g / (kGrid - 1);
    for (size_t p = 0; p < pool.size(); ++p)
      for (uint32_t i : items[p]) out.pool_information += bank.trials[i] * information(bank.params[i], th);
    for (size_t p : out.spread.parts[0])
      for (uint32_t i : items[p]) out.information += bank.trials[i] * information(bank.params[i], th);
  }
  return out;
}

}  // namespace cc::irt
