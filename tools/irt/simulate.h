#pragma once
// Simulation: verdicts drawn from known 2PL parameters, to check that calibration
// recovers them and that subsets and estimates behave (tests and bench/). Respondents
// are synthetic: abilities θ ~ N(0, 1); criterion slopes a ~ lognormal(0, 0.35),
// difficulties b ~ N(0, 1) plus a per-case shift ~ N(0, 0.5), so criteria of one case
// are related as real rubric criteria are. Random numbers come from the scorer's
// xoshiro256** (scoring/prng.h) with explicit mappings: a seed gives the same data on
// every platform.
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "irt/item_model.h"
#include "irt/response_matrix.h"

namespace cc::irt {

struct SimulationSpec {
  size_t respondents = 150;
  size_t cases = 300;
  size_t criteria_per_case = 30;
  double missing_share = 0;  // share of verdicts left out at random
  uint64_t seed = 1;
};

struct Simulation {
  std::vector<ItemParams> truth;             // per criterion, in case order
  std::vector<double> abilities;             // per respondent
  ResponseMatrix matrix;                     // criterion items; respondents "sim-001", …
  std::vector<std::string> subjects, tasks;  // per case: labels that cycle, for selection spread
};

Simulation simulate_2pl(const SimulationSpec& spec);

// Writes `sim` as files the commands read: DIR/cases.jsonl (public export rows) and
// DIR/verdicts/<model>.jsonl (verdict rows, judge "sim-judge"), for the respondents in
// [first, last) (all when last is 0).
Result<void> write_simulation(const Simulation& sim, const std::string& dir, size_t first = 0, size_t last = 0);

}  // namespace cc::irt
