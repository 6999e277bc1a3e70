#pragma once
// The standard normal quantile of a two-sided interval: the z with P(|Z| ≤ z) = level %,
// as irt estimate's intervals and rank-corr's Fisher-z intervals use it.

namespace cc::irt {

// z for a two-sided interval at `level` percent (0 < level < 100): 1.96 at 95 (Acklam's
// rational approximation of the inverse normal CDF, accurate to 1e-9).
double normal_quantile_two_sided(double level);

}  // namespace cc::irt
