#include "irt/quadrature.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cc::irt {

Quadrature gauss_hermite(int n) {
  // Roots and weights of the physicists' Hermite polynomial, by Newton's method on the
  // orthonormal recurrence (which stays finite for large n), then mapped to N(0, 1):
  // θ = √2·x, w = w_x / √π.
  std::vector<double> x(n), w(n);
  const double pim4 = 1.0 / std::pow(std::numbers::pi, 0.25);
  const int m = (n + 1) / 2;
  double z = 0;
  for (int i = 0; i < m; ++i) {
    if (i == 0)
      z = std::sqrt(2.0 * n + 1) - 1.85575 * std::pow(2.0 * n + 1, -0.16667);
    else if (i == 1)
      z -= 1.14 * std::pow(static_cast<double>(n), 0.426) / z;
    else if (i == 2)
      z = 1.86 * z - 0.86 * x[0];
    else if (i == 3)
      z = 1.91 * z - 0.91 * x[1];
    else
      z = 2.0 * z - x[i - 2];
    double pp = 1;
    for (int it = 0; it < 100; ++it) {
      double p1 = pim4, p2 = 0;
      for (int j = 0; j < n; ++j) {
        double p3 = p2;
        p2 = p1;
        p1 = z * std::sqrt(2.0 / (j + 1)) * p2 - std::sqrt(static_cast<double>(j) / (j + 1)) * p3;
      }
      pp = std::sqrt(2.0 * n) * p2;
      double z1 = z;
      z = z1 - p1 / pp;
      if (std::fabs(z - z1) <= 1e-14 * std::max(1.0, std::fabs(z))) break;
    }
    x[i] = z;
    x[n - 1 - i] = -z;
    w[i] = w[n - 1 - i] = 2.0 / (pp * pp);
  }
  Quadrature q;
  double total = 0;
  for (int i = n - 1; i >= 0; --i) {
    q.nodes.push_back(std::numbers::sqrt2 * x[i]);
    q.weights.push_back(w[i] / std::sqrt(std::numbers::pi));
    total += q.weights.back();
  }
  for (double& v : q.weights) v /= total;  // exact to rounding already; keeps Σ w = 1
  return q;
}

}  // namespace cc::irt
