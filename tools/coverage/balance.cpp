#include "coverage/balance.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cc::coverage {

double normalized_entropy(const std::vector<int>& counts) {
  if (counts.size() <= 1) return 1.0;
  const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
  if (total <= 0) return 0.0;
  double h = 0;
  for (int c : counts)
    if (c > 0) h -= (c / total) * std::log(c / total);
  return h / std::log(static_cast<double>(counts.size()));
}

double gini(const std::vector<int>& counts) {
  std::vector<int> v = counts;
  std::sort(v.begin(), v.end());
  const double n = static_cast<double>(v.size());
  const double total = std::accumulate(v.begin(), v.end(), 0.0);
  if (v.empty() || total <= 0) return 0.0;
  // G = (2 * sum_i i * x_(i)) / (n * sum x) - (n + 1) / n, with i 1-based over sorted x.
  double weighted = 0;
  for (size_t i = 0; i < v.size(); ++i) weighted += static_cast<double>(i + 1) * v[i];
  return 2 * weighted / (n * total) - (n + 1) / n;
}

double chi_square_distance(const std::vector<int>& counts, const std::vector<double>& target) {
  const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
  const double tsum = std::accumulate(target.begin(), target.end(), 0.0);
  if (total <= 0 || tsum <= 0) return 0.0;
  double d = 0;
  for (size_t i = 0; i < counts.size() && i < target.size(); ++i) {
    const double q = target[i] / tsum;
    if (q <= 0) continue;
    const double p = counts[i] / total;
    d += (p - q) * (p - q) / q;
  }
  return d;
}

}  // namespace cc::coverage
