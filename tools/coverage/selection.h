#pragma once
// Selection: `select` and `select --split` — a subset (or disjoint parts) of given size
// whose spread matches the target shares over every dimension at once, meeting the
// hard per-specialty and per-cell bounds whenever the pool allows.
#include <cstdint>
#include <string>
#include <vector>

#include "core/taxonomy.h"
#include "coverage/case_facts.h"
#include "coverage/targets.h"

namespace cc::coverage {

struct SelectOptions {
  int count = 0;  // cases per part
  int parts = 1;  // 1: select; >1: disjoint parts of `count` cases each
  uint64_t seed = 1;
  long iterations = 0;  // 0: chosen from the pool size
  // Optional worth of each pool case (irt select: its share of the test information),
  // added to the objective times `value_weight`; the spread targets still apply.
  const std::vector<double>* value = nullptr;
  double value_weight = 0;
};

// A hard bound that a part does not meet. `feasible` is false when the pool itself
// cannot meet it (then no selection can), true when the search failed to.
struct UnmetBound {
  int part = 0;           // 1-based
  std::string dimension;  // "subject" (a specialty's count) or "cell" (specialty × task)
  std::string label, label2;
  int actual = 0;
  bool is_min = true;
  int target = 0;
  bool feasible = true;
};

// What the pool cannot give, found before searching (so a user learns why at once).
struct Infeasibility {
  std::string id;                        // coverage message id: select/unmet-pool, select/unmet-sum, select/unmet-max
  std::string dimension, label, label2;  // unmet-pool: what is short
  int target = 0;
  int pool = 0;
};

// How far a part's shares are from the target, dimension by dimension.
struct ShareDeviation {
  std::string dimension, label;
  double share_pct = 0, target_pct = 0;
};

struct SelectionResult {
  std::vector<std::vector<size_t>> parts;  // indices into the pool, each part in pool order
  std::vector<Infeasibility> infeasible;
  std::vector<UnmetBound> unmet;
  std::vector<ShareDeviation> worst;  // per part: the largest deviation over all share dimensions
  double cost = 0;                    // the objective at the end (0: every target exact)
};

// Chooses the parts. `targets` must already be scaled to `options.count` (scaled_to).
// Deterministic for a given pool order, targets and seed. Needs
// options.count * options.parts <= pool.size() (the caller checks and reports).
SelectionResult select_balanced(const std::vector<CaseFacts>& pool, const Taxonomy& taxonomy,
                                const CoverageTargets& targets, const SelectOptions& options);

}  // namespace cc::coverage
