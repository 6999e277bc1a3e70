#include "coverage/deficits.h"

#include <limits>

namespace cc::coverage {
namespace {

// The label of a marginal furthest below its target share once one more case is added;
// without targets, the label with the fewest cases. Counts it.
std::string pick_label(Marginal& m) {
  LabelCount* best = nullptr;
  double best_gap = -std::numeric_limits<double>::infinity();
  for (auto& r : m.rows) {
    if (r.code.empty()) continue;  // never ask for a label outside the taxonomy
    double gap = r.target_pct ? *r.target_pct / 100.0 * (m.total + 1) - r.count : -static_cast<double>(r.count);
    if (gap > best_gap + 1e-9) best_gap = gap, best = &r;
  }
  if (!best) return "";
  ++best->count;
  ++m.total;
  return best->label;
}

}  // namespace

std::vector<CaseRequest> suggest_cases(const CoverageReport& report, int n) {
  std::vector<CaseRequest> out;
  const size_t S = report.specialties.size(), T = report.tasks.size();
  if (S == 0 || T == 0 || n <= 0) return out;
  auto cells = report.primary;
  auto all = report.all_labels;
  auto spec = report.specialty_totals;
  Marginal difficulty = *report.marginal("difficulty"), stage = *report.marginal("care_stage"),
           audience = *report.marginal("audience");
  const int cell_min = report.targets.cell_min, spec_min = report.targets.specialty_min,
            spec_max = report.targets.specialty_max;
  for (int k = 0; k < n; ++k) {
    size_t bs = 0, bt = 0;
    bool found = false;
    // Score, larger first: cell deficit, specialty deficit, then thinness.
    auto better = [&](size_t s, size_t t, size_t s2, size_t t2) {
      int d1 = cell_min - cells[s][t], d2 = cell_min - cells[s2][t2];
      if (d1 != d2) return d1 > d2;
      int sd1 = spec_min - spec[s], sd2 = spec_min - spec[s2];
      if (sd1 != sd2) return sd1 > sd2;
      if (cells[s][t] != cells[s2][t2]) return cells[s][t] < cells[s2][t2];
      if (all[s][t] != all[s2][t2]) return all[s][t] < all[s2][t2];
      return false;  // keep matrix order
    };
    for (size_t s = 0; s < S; ++s) {
      if (spec_max > 0 && spec[s] >= spec_max) continue;
      for (size_t t = 0; t < T; ++t)
        if (!found || better(s, t, bs, bt)) bs = s, bt = t, found = true;
    }
    if (!found) break;  // every specialty is at its maximum
    CaseRequest r;
    r.specialty = report.specialties[bs];
    r.task = report.tasks[bt];
    r.cell_count = cells[bs][bt];
    r.cell_target = cell_min;
    r.specialty_count = spec[bs];
    r.specialty_target = spec_min;
    r.difficulty = pick_label(difficulty);
    r.care_stage = pick_label(stage);
    r.audience = pick_label(audience);
    ++cells[bs][bt];
    ++all[bs][bt];
    ++spec[bs];
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace cc::coverage
