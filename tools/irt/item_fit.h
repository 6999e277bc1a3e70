#pragma once
// Item fit: Yen's Q1. Respondents are sorted by ability into G groups of nearly equal
// size; for each item the observed share of met trials in each group is compared with
// the share the fitted item predicts for the same respondents:
//   Q1 = Σ_g T_g · (O_g − E_g)² / (E_g · (1 − E_g)),  df = groups used − free parameters,
// with T_g the group's judged trials. A large Q1 (small p) marks an item the model does
// not describe. Chosen over Orlando–Thissen S-X2, whose summed-score recursion costs
// O(items²) per item — out of reach at 9,000 criteria.
#include <cstdint>
#include <vector>

#include "irt/em_fit.h"
#include "irt/response_matrix.h"

namespace cc::irt {

// Fills fit_q1, fit_df and fit_p of every item from the abilities in `fit`.
void compute_item_fit(const ResponseMatrix& data, FitResult& fit, int free_parameters, unsigned threads);

// P(X ≥ x) for X ~ χ²(df): the regularised upper incomplete gamma Q(df/2, x/2).
double chi_square_upper(double x, int df);

}  // namespace cc::irt
