#pragma once
// Gauss–Hermite quadrature for the standard normal latent distribution: nodes θ_q and
// weights w_q with Σ w_q f(θ_q) ≈ E[f(θ)], θ ~ N(0, 1). The EM fit integrates every
// respondent's likelihood over these nodes, as mirt does.
#include <vector>

namespace cc::irt {

struct Quadrature {
  std::vector<double> nodes;    // ascending
  std::vector<double> weights;  // sum to 1
};

// The n-point rule (n ≥ 2), from the roots of the Hermite polynomial H_n found by
// Newton's method (Golub–Welsch would need an eigen-solver for the same numbers).
Quadrature gauss_hermite(int n);

}  // namespace cc::irt
