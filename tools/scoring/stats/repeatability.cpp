#include "scoring/stats/repeatability.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "scoring/stats/metrics.h"

namespace cc::scoring {

std::vector<std::string> repeat_names(const VerdictCollection& verdicts, const std::string& judge) {
  std::vector<std::pair<int, std::string>> found;
  for (const std::string& j : verdicts.judges()) {
    if (j == judge)
      found.emplace_back(1, j);
    else if (j.rfind(judge + "#", 0) == 0) {
      std::string r = j.substr(judge.size() + 1);
      if (!r.empty() && r.find_first_not_of("0123456789") == std::string::npos && r.size() < 6)
        found.emplace_back(std::stoi(r), j);
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (auto& [r, name] : found) out.push_back(std::move(name));
  return out;
}

Repeatability measure_repeatability(const CaseSet& cases, const Slice& overall, const VerdictCollection& verdicts,
                                    const std::string& judge, int k) {
  Repeatability out;
  out.judge = judge;
  out.k = k;
  out.repeats = repeat_names(verdicts, judge);
  double kappa_sum = 0;
  int kappas = 0;
  for (size_t i = 0; i < out.repeats.size(); ++i)
    for (size_t j = i + 1; j < out.repeats.size(); ++j) {
      AgreementReport r = compare_raters(cases, {overall}, out.repeats[i], verdicts.for_judge(out.repeats[i]),
                                         out.repeats[j], verdicts.for_judge(out.repeats[j]), nullptr);
      RepeatPair p{out.repeats[i], out.repeats[j], r.rows.empty() ? AgreementFigures{} : r.rows.front().figures};
      if (p.figures.kappa) {
        kappa_sum += *p.figures.kappa;
        ++kappas;
      }
      out.pairs.push_back(std::move(p));
    }
  if (kappas) out.mean_kappa = kappa_sum / kappas;

  std::map<std::string, ModelSpread> by_model;
  std::vector<uint32_t> all(cases.cases.size());
  std::iota(all.begin(), all.end(), 0u);
  for (size_t r = 0; r < out.repeats.size(); ++r)
    for (const VerdictTable* t : verdicts.for_judge(out.repeats[r])) {
      ModelSpread& m = by_model[t->model];
      m.model = t->model;
      m.cacs.resize(out.repeats.size());
      std::vector<CaseOutcome> outcomes = case_outcomes(cases, *t);
      bool complete =
          std::all_of(outcomes.begin(), outcomes.end(), [](const CaseOutcome& o) { return o.missing == 0; });
      if (complete) m.cacs[r] = cacs_pct(outcomes, all, k);
    }
  for (auto& [name, m] : by_model) {
    std::vector<double> v;
    for (const auto& c : m.cacs)
      if (c) v.push_back(*c);
    if (v.size() >= 2) {
      double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
      double ss = 0;
      for (double x : v) ss += (x - mean) * (x - mean);
      m.sd = std::sqrt(ss / static_cast<double>(v.size() - 1));
    }
    out.models.push_back(std::move(m));
  }
  return out;
}

}  // namespace cc::scoring
