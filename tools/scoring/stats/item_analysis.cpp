#include "scoring/stats/item_analysis.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/parallel.h"

namespace cc::scoring {

std::string ItemStats::flags() const {
  std::string out;
  auto add = [&](bool on, const char* name) {
    if (!on) return;
    if (!out.empty()) out += ';';
    out += name;
  };
  add(all_met, "all-met");
  add(none_met, "none-met");
  add(negative_discrimination, "negative-discrimination");
  add(judges_disagree, "judges-disagree");
  return out;
}

std::optional<double> pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const size_t n = x.size();
  if (n < 2 || y.size() != n) return std::nullopt;
  double mx = 0, my = 0;
  for (size_t i = 0; i < n; ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= static_cast<double>(n);
  my /= static_cast<double>(n);
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  if (sxx <= 0 || syy <= 0) return std::nullopt;
  return sxy / std::sqrt(sxx * syy);
}

std::vector<ItemStats> analyse_items(const CaseSet& cases, const std::vector<const VerdictTable*>& tables,
                                     const std::vector<const std::vector<CaseOutcome>*>& outcomes,
                                     const VerdictCollection& all, unsigned threads) {
  // Every judge's table of each scored model, for the disagreement figures.
  std::map<std::string, std::vector<const VerdictTable*>> judges_of;
  for (const auto& t : all.tables) judges_of[t.model].push_back(&t);
  std::vector<std::vector<const VerdictTable*>> per_model;
  bool several_judges = false;
  for (const auto* t : tables) {
    per_model.push_back(judges_of[t->model]);
    several_judges = several_judges || per_model.back().size() > 1;
  }
  const size_t models = tables.size();
  std::vector<ItemStats> out(cases.cell_count());
  constexpr uint32_t kChunk = 4096;
  const uint32_t cells = cases.cell_count();
  parallel_for((cells + kChunk - 1) / kChunk, threads, [&](size_t chunk) {
    std::vector<double> x(models), y(models);
    const uint32_t first = static_cast<uint32_t>(chunk) * kChunk;
    for (uint32_t cell = first; cell < std::min(cells, first + kChunk); ++cell) {
      ItemStats& s = out[cell];
      s.cell = cell;
      const uint32_t c = cases.case_of_cell(cell);
      for (size_t m = 0; m < models; ++m) {
        Verdict v = tables[m]->cells[cell];
        bool met = v == Verdict::Met;
        s.met += met;
        s.missing += v == Verdict::None || v == Verdict::Unreadable;
        const CaseOutcome& o = (*outcomes[m])[c];
        x[m] = met ? 1.0 : 0.0;
        y[m] = o.rubrics ? 100.0 * o.met / o.rubrics : 0.0;
      }
      s.models = static_cast<int>(models);
      if (models > 0) s.met_share = static_cast<double>(s.met) / static_cast<double>(models);
      s.point_biserial = pearson(x, y);
      s.all_met = models > 0 && s.met == s.models;
      s.none_met = models > 0 && s.met == 0;
      s.negative_discrimination = s.point_biserial && *s.point_biserial < 0;
      if (several_judges) {
        for (size_t m = 0; m < models; ++m) {
          int seen = 0, met = 0;
          for (const auto* t : per_model[m]) {
            Verdict v = t->cells[cell];
            if (v != Verdict::Met && v != Verdict::NotMet) continue;
            ++seen;
            met += v == Verdict::Met;
          }
          if (seen < 2) continue;
          ++s.multiply_judged;
          s.judge_disagreements += met != 0 && met != seen;
        }
        if (s.multiply_judged > 0) {
          s.judge_disagreement_share = static_cast<double>(s.judge_disagreements) / s.multiply_judged;
          s.judges_disagree = *s.judge_disagreement_share >= kJudgeDisagreementFlag;
        }
      }
    }
  });
  return out;
}

}  // namespace cc::scoring
