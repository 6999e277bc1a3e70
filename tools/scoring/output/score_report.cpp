#include "scoring/output/score_report.h"

#include <algorithm>
#include <numeric>

namespace cc::scoring {

std::vector<size_t> ScoreReport::leaderboard() const {
  std::vector<size_t> order(models.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const SliceScore& x = models[a].slices[0];
    const SliceScore& y = models[b].slices[0];
    double cx = x.cacs_at_k_pct.value_or(0), cy = y.cacs_at_k_pct.value_or(0);
    if (cx != cy) return cx > cy;
    if (x.rubric_accuracy_pct != y.rubric_accuracy_pct) return x.rubric_accuracy_pct > y.rubric_accuracy_pct;
    return models[a].model < models[b].model;
  });
  return order;
}

}  // namespace cc::scoring
