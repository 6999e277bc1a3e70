#pragma once
// Ability: one respondent's θ given calibrated items — the MAP estimate under the
// N(0, 1) prior the calibration assumes, by Fisher scoring, with its SE from the
// posterior's curvature (1 / √(test information + 1)). MAP rather than EAP on the
// quadrature: with thousands of items the posterior is far narrower than the spacing of
// the quadrature nodes.
#include <cstdint>
#include <span>
#include <vector>

#include "irt/item_model.h"

namespace cc::irt {

struct Ability {
  double theta = 0, se = 1;
  int trials = 0;
};

// `met[i]` of `trials[i]` judged trials of item i (0 trials: not observed). With nothing
// observed the result is the prior: θ = 0, SE = 1.
Ability map_ability(const std::vector<ItemParams>& items, std::span<const uint8_t> met,
                    std::span<const uint8_t> trials);

}  // namespace cc::irt
