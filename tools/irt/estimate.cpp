#include "irt/estimate.h"

#include <algorithm>
#include <cmath>

#include "scoring/stats/metrics.h"

namespace cc::irt {

Expected expected_scores(const ItemBank& bank, const std::vector<uint8_t>& met, const std::vector<uint8_t>& trials,
                         double theta, int k) {
  Expected e;
  double total = 0, sum = 0, var = 0;
  double cacs_sum = 0, cacs_var = 0;
  size_t cases = 0;
  std::vector<double> dist;  // Poisson-binomial distribution of a case's unseen met criteria
  for (const auto& items : bank.case_items) {
    int rubrics = 0, observed_met = 0;
    dist.assign(1, 1.0);
    for (uint32_t x : items) {
      const int t = bank.trials[x], seen = std::min<int>(trials[x], t);
      rubrics += t;
      observed_met += std::min<int>(met[x], seen);
      const double P = probability(bank.params[x], theta);
      for (int u = seen; u < t; ++u) {  // each unseen trial adds one Bernoulli(P)
        dist.push_back(0.0);
        for (size_t s = dist.size() - 1; s > 0; --s) dist[s] = dist[s] * (1 - P) + dist[s - 1] * P;
        dist[0] *= 1 - P;
        sum += P;
        var += P * (1 - P);
      }
    }
    total += rubrics;
    sum += observed_met;
    double m1 = 0, m2 = 0;
    for (size_t s = 0; s < dist.size(); ++s) {
      const double v = scoring::cacs_case(observed_met + static_cast<int>(s), rubrics, k);
      m1 += dist[s] * v;
      m2 += dist[s] * v * v;
    }
    cacs_sum += m1;
    cacs_var += std::max(0.0, m2 - m1 * m1);
    ++cases;
  }
  if (total > 0) {
    e.rubric_accuracy = 100 * sum / total;
    e.rubric_accuracy_var = 1e4 * var / (total * total);
  }
  if (cases > 0) {
    e.cacs = 100 * cacs_sum / cases;
    e.cacs_var = 1e4 * cacs_var / (static_cast<double>(cases) * cases);
  }
  return e;
}

FullEstimate estimate_full(const ItemBank& bank, const std::vector<uint8_t>& met, const std::vector<uint8_t>& trials,
                           int k, double z) {
  FullEstimate out;
  out.ability = map_ability(bank.params, met, trials);
  double seen = 0, seen_met = 0;
  for (size_t i = 0; i < trials.size(); ++i) {
    out.observed_items += trials[i] > 0;
    seen += trials[i];
    seen_met += met[i];
  }
  out.subset_rubric_accuracy = seen > 0 ? 100 * seen_met / seen : NAN;
  const double th = out.ability.theta, h = 1e-3;
  const Expected mid = expected_scores(bank, met, trials, th, k);
  const Expected up = expected_scores(bank, met, trials, th + h, k);
  const Expected down = expected_scores(bank, met, trials, th - h, k);
  const double se2 = out.ability.se * out.ability.se;
  auto interval = [&](double est, double slope, double unseen_var, double& lo, double& hi) {
    const double sd = std::sqrt(slope * slope * se2 + unseen_var);
    lo = std::clamp(est - z * sd, 0.0, 100.0);
    hi = std::clamp(est + z * sd, 0.0, 100.0);
  };
  out.rubric_accuracy = mid.rubric_accuracy;
  interval(mid.rubric_accuracy, (up.rubric_accuracy - down.rubric_accuracy) / (2 * h), mid.rubric_accuracy_var,
           out.rubric_accuracy_low, out.rubric_accuracy_high);
  out.cacs = mid.cacs;
  interval(mid.cacs, (up.cacs - down.cacs) / (2 * h), mid.cacs_var, out.cacs_low, out.cacs_high);
  return out;
}

}  // namespace cc::irt
