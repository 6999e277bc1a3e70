#pragma once
// Rank correlation between two leaderboards (`rank-corr`): Spearman's ρ (Pearson's r of
// mid-ranks, so ties share their average rank) and Kendall's τ-b, each with an interval
// by Fisher's z-transform using the variances of Fieller, Hartley & Pearson (1957):
// var z(ρ) = 1.06 / (n − 3), var z(τ) = 0.437 / (n − 4).
#include <cstddef>
#include <string>
#include <vector>

#include "core/messages.h"
#include "core/result.h"

namespace cc::irt {

// Pearson's r of paired values (NaN with fewer than 2 pairs or a constant side).
double pearson(const std::vector<double>& x, const std::vector<double>& y);
// Spearman's ρ of paired values (NaN with fewer than 2 pairs or a constant side).
double spearman(const std::vector<double>& x, const std::vector<double>& y);
// Kendall's τ-b of paired values.
double kendall_tau_b(const std::vector<double>& x, const std::vector<double>& y);

struct Correlation {
  double value = 0, low = 0, high = 0;  // low/high NaN when n is too small for the interval
};

struct RankCorrelation {
  size_t n = 0;
  Correlation spearman, kendall;
};

// Both coefficients with intervals at `level` percent.
RankCorrelation rank_correlation(const std::vector<double>& x, const std::vector<double>& y, double level);

// `rank-corr A B`: the leaderboards read from two CSV files — score's summary.csv (its
// first "overall" row per model) or any CSV with a model column (else the first column)
// and the `metric` column (default cacs_at_k_pct, else the second column) — joined on
// the model name.
struct RankCorrOptions {
  std::string start_dir;
  std::string a, b;
  std::string metric;  // "" = cacs_at_k_pct when present, else the second column
  double ci_level = 95;
  Lang lang = Lang::En;
};

struct RankCorrReport {
  RankCorrelation result;
  std::vector<std::string> models;         // joined, sorted
  std::vector<double> a_scores, b_scores;  // per model
  std::vector<std::string> notes;
  std::string text;
};

Result<RankCorrReport> run_rank_corr(const RankCorrOptions& options);

}  // namespace cc::irt
