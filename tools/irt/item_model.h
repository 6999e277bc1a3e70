#pragma once
// Item models: the item response functions irt fits, in mirt's parameterisation —
// slope a, intercept d (logit P = a·θ + d), difficulty b = −d/a as reported, lower
// asymptote g for 3PL — with their response probability and Fisher information.
// An item may be a binary criterion (one trial) or a case scored as s met of n judged
// criteria, read as n binomial trials of the same item response function.
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

namespace cc::irt {

// Which parameters an item has. 1PL shares one slope across items (mirt's Rasch with
// a free latent variance is the same model on another scale); 2PL frees the slope;
// 3PL adds the lower asymptote g.
enum class ItemModel { OnePL, TwoPL, ThreePL };

std::string_view model_name(ItemModel m);  // "1pl", "2pl", "3pl"
std::optional<ItemModel> model_from_name(std::string_view name);

// One item's parameters on the natural scale.
struct ItemParams {
  double a = 1;  // slope (discrimination)
  double d = 0;  // intercept
  double g = 0;  // lower asymptote (0 unless 3PL)
  double difficulty() const { return -d / a; }
};

inline double logistic(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// P(met | θ): g + (1 − g)·σ(a·θ + d), kept inside (0, 1) so logs stay finite.
inline double probability(const ItemParams& p, double theta) {
  double v = p.g + (1 - p.g) * logistic(p.a * theta + p.d);
  return std::fmin(std::fmax(v, 1e-12), 1 - 1e-12);
}

// Fisher information of one trial of the item at θ: a²·(P − g)²·(1 − P) / ((1 − g)²·P)
// (a²·P·(1 − P) when g = 0).
inline double information(const ItemParams& p, double theta) {
  double P = probability(p, theta);
  double lift = (P - p.g) / (1 - p.g);  // σ(a·θ + d)
  return p.a * p.a * lift * lift * (1 - P) / P;
}

}  // namespace cc::irt
