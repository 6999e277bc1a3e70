#pragma once
// CoverageTargets: the `targets:` section of clinconsensus.yaml as numbers — how many
// cases in all, per specialty and per specialty × task cell, and the share each tier,
// care stage and audience should have, with its tolerance.
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace cc::coverage {

// One dimension's target shares: label (as case files write it) → percent.
struct ShareTarget {
  std::string dimension;  // "difficulty", "care_stage", "audience"
  std::vector<std::pair<std::string, double>> shares;
};

struct CoverageTargets {
  int total_cases = 0;  // 0: no target
  int specialty_min = 0;
  int specialty_max = 0;  // 0: no maximum
  int cell_min = 0;
  double tolerance_pct = 10;
  std::vector<ShareTarget> shares;
  int min_axes_per_case = 0;
  int min_safety_per_case = 0;

  const ShareTarget* share_target(const std::string& dimension) const;

  // The targets for a subset of `n` cases (a public tier, a held-out split). Counts scale
  // by n / total_cases; minima round down and maxima up, so a subset of a benchmark that
  // meets its targets can always meet the scaled ones. Shares and per-case minima do not
  // change with size.
  CoverageTargets scaled_to(int n) const;
  // The same targets without shares for `dimension` (a set filtered to one tier has no
  // tier shares to meet).
  CoverageTargets without_shares(const std::string& dimension) const;
};

// Reads `targets` (Config::targets); missing or mistyped values mean "no target".
// `min_axes`, `min_safety` come from Config, which already read them.
CoverageTargets targets_from_json(const nlohmann::json& targets, int min_axes, int min_safety);

}  // namespace cc::coverage
