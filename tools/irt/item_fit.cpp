#include "irt/item_fit.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/parallel.h"

namespace cc::irt {
namespace {

// Regularised lower incomplete gamma P(a, x) by its series (x < a + 1).
double gamma_p_series(double a, double x) {
  double sum = 1.0 / a, term = sum;
  for (int n = 1; n < 1000; ++n) {
    term *= x / (a + n);
    sum += term;
    if (std::fabs(term) < std::fabs(sum) * 1e-15) break;
  }
  return sum * std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// Regularised upper incomplete gamma Q(a, x) by Lentz's continued fraction (x ≥ a + 1).
double gamma_q_fraction(double a, double x) {
  const double tiny = 1e-300;
  double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
  for (int i = 1; i < 1000; ++i) {
    double an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (std::fabs(d) < tiny) d = tiny;
    c = b + an / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1 / d;
    double del = d * c;
    h *= del;
    if (std::fabs(del - 1) < 1e-15) break;
  }
  return std::exp(-x + a * std::log(x) - std::lgamma(a)) * h;
}

}  // namespace

double chi_square_upper(double x, int df) {
  if (df <= 0) return 1;
  if (x <= 0) return 1;
  const double a = df / 2.0, h = x / 2.0;
  return h < a + 1 ? 1 - gamma_p_series(a, h) : gamma_q_fraction(a, h);
}

void compute_item_fit(const ResponseMatrix& data, FitResult& fit, int free_parameters, unsigned threads) {
  const size_t N = data.respondent_count(), I = data.item_count();
  // Ten groups, fewer when they would hold under ten respondents each.
  const int groups = static_cast<int>(std::clamp<size_t>(N / 10, 1, 10));
  std::vector<size_t> order(N);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return fit.abilities[x].theta < fit.abilities[y].theta; });
  std::vector<int> group_of(N);
  for (size_t k = 0; k < N; ++k) group_of[order[k]] = static_cast<int>(k * groups / N);
  parallel_for((I + 255) / 256, threads, [&](size_t chunk) {
    std::vector<double> obs(groups), expct(groups), trials(groups);
    for (size_t i = chunk * 256; i < std::min(I, (chunk + 1) * 256); ++i) {
      std::fill(obs.begin(), obs.end(), 0.0);
      std::fill(expct.begin(), expct.end(), 0.0);
      std::fill(trials.begin(), trials.end(), 0.0);
      const ItemParams& p = fit.items[i].params;
      for (size_t j = 0; j < N; ++j) {
        const int t = data.trials_at(j, i);
        if (!t) continue;
        const int g = group_of[j];
        obs[g] += data.met_at(j, i);
        expct[g] += t * probability(p, fit.abilities[j].theta);
        trials[g] += t;
      }
      double q1 = 0;
      int used = 0;
      for (int g = 0; g < groups; ++g) {
        if (trials[g] == 0) continue;
        const double O = obs[g] / trials[g], E = expct[g] / trials[g];
        q1 += trials[g] * (O - E) * (O - E) / (E * (1 - E));
        ++used;
      }
      ItemEstimate& e = fit.items[i];
      e.fit_q1 = q1;
      e.fit_df = std::max(0, used - free_parameters);
      e.fit_p = chi_square_upper(q1, e.fit_df);
    }
  });
}

}  // namespace cc::irt
