#pragma once
// Balance indices: single numbers that say how evenly cases spread over the labels of a
// dimension, so two versions of the benchmark can be compared at a glance.
#include <vector>

namespace cc::coverage {

// Shannon entropy of the counts divided by log(k), k = number of labels: 1 when every
// label has the same count, 0 when one label holds everything. 1 for k <= 1.
double normalized_entropy(const std::vector<int>& counts);

// Gini coefficient of the counts: 0 for perfect equality, towards 1 when a few labels
// hold nearly everything. 0 when the total is 0.
double gini(const std::vector<int>& counts);

// Pearson chi-square distance between the observed shares p (counts / total) and the
// target shares q (any positive weights; normalised here): sum (p - q)^2 / q over the
// labels with q > 0. 0 means the spread is exactly the target.
double chi_square_distance(const std::vector<int>& counts, const std::vector<double>& target);

}  // namespace cc::coverage
