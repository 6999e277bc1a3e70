#include "irt/ability.h"

#include <algorithm>
#include <cmath>

namespace cc::irt {

Ability map_ability(const std::vector<ItemParams>& items, std::span<const uint8_t> met,
                    std::span<const uint8_t> trials) {
  Ability out;
  double theta = 0, info = 1;
  for (size_t i = 0; i < items.size(); ++i) out.trials += trials[i];
  for (int it = 0; it < 100; ++it) {
    double grad = -theta;
    info = 1;
    for (size_t i = 0; i < items.size(); ++i) {
      const int t = trials[i];
      if (t == 0) continue;
      const ItemParams& p = items[i];
      const double s = logistic(p.a * theta + p.d);
      const double P = std::clamp(p.g + (1 - p.g) * s, 1e-12, 1 - 1e-12);
      const double dP = (1 - p.g) * p.a * s * (1 - s);
      grad += (met[i] - t * P) / (P * (1 - P)) * dP;
      info += t * dP * dP / (P * (1 - P));
    }
    const double step = std::clamp(grad / info, -1.0, 1.0);
    theta = std::clamp(theta + step, -8.0, 8.0);
    if (std::fabs(step) < 1e-7) break;
  }
  out.theta = theta;
  out.se = 1 / std::sqrt(info);
  return out;
}

}  // namespace cc::irt
