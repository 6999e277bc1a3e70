#pragma once
// EM calibration: item parameters by marginal maximum likelihood (Bock–Aitkin EM with
// Gauss–Hermite quadrature over θ ~ N(0, 1)), as the R package mirt fits unidimensional
// models, with priors that keep estimates finite (lognormal on the slope, normal on the
// intercept, beta on the lower asymptote); then standard errors, each respondent's
// ability, an item-fit statistic and the test information curve.
#include <string>
#include <vector>

#include "core/messages.h"
#include "core/result.h"
#include "irt/item_model.h"
#include "irt/quadrature.h"
#include "irt/response_matrix.h"

namespace cc::irt {

// Priors of the item parameters (MAP estimates; mirt's `lnorm`, `norm` and `expbeta`).
struct ItemPriors {
  double log_a_mean = 0, log_a_sd = 0.5;  // log a ~ N(mean, sd²): a within [0.37, 2.7] at 95 %
  double d_sd = 5;                        // d ~ N(0, sd²): keeps items everyone (or no one) meets finite
  double g_alpha = 2, g_beta = 17;        // g ~ Beta(α, β), 3PL only
};

struct FitOptions {
  ItemModel model = ItemModel::TwoPL;
  int quadrature_points = 41;
  int max_iterations = 500;
  double tolerance = 1e-4;  // converged when no parameter moves more than this in a cycle
  ItemPriors priors;
  unsigned threads = 0;
  Lang lang = Lang::En;  // of error messages
};

// One item's estimates. Standard errors are NaN where a parameter is not estimated
// (a of a 1PL item, g of a 1PL/2PL item) or its information matrix is singular.
struct ItemEstimate {
  ItemParams params;
  double se_a = 0, se_d = 0, se_b = 0, se_g = 0;
  double fit_q1 = 0;  // Yen's Q1 over ability groups (item_fit.h)
  int fit_df = 0;
  double fit_p = 1;
  int respondents = 0;    // respondents with at least one judged trial of it
  double mean_score = 0;  // met / judged trials over them
};

// A respondent's ability: MAP with the N(0, 1) prior, and its SE from the posterior's
// curvature.
struct AbilityEstimate {
  double theta = 0, se = 0;
  int trials = 0;  // judged trials it rests on
};

struct FitResult {
  ItemModel model = ItemModel::TwoPL;
  std::vector<ItemEstimate> items;
  std::vector<AbilityEstimate> abilities;
  double log_likelihood = 0;  // marginal, at the final parameters (priors excluded)
  double log_posterior = 0;   // log-likelihood plus the log prior densities
  int iterations = 0;
  bool converged = false;
  double last_change = 0;  // the largest parameter change of the last cycle
  Quadrature quadrature;
  std::vector<std::pair<double, double>> information;  // (θ, test information) from −4 to 4
  double seconds = 0;
};

// Fits `data`. Fails (Usage) on fewer than 2 respondents or no observed item, or on a
// quadrature outside 5..201 points.
Result<FitResult> fit_items(const ResponseMatrix& data, const FitOptions& options);

// The test information Σ_i trials_i · I_i(θ) at θ.
double test_information(const std::vector<ItemParams>& items, const std::vector<uint8_t>& trials, double theta);

}  // namespace cc::irt
