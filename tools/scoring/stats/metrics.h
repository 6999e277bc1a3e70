#pragma once
// Metrics, exactly as DESIGN.md defines them. For case i with s_i criteria met out of
// R_i, over N cases:
//   Rubric Accuracy = 100 · Σ met / Σ judged criteria (pooled over criteria)
//   pass@k          = 100 · (1/N) Σ 1[s_i ≥ k]
//   CACS@k          = 100 · (1/N) Σ max(0, s_i − k + 1) / (R_i − k + 1)
// (CACS@k is the mean over ℓ = k..R of pass@ℓ: the area under the survival curve of
// criteria met from k on.) A case with R_i < k contributes 0 to both.
#include <cstdint>
#include <optional>
#include <vector>

#include "scoring/input/case_set.h"
#include "scoring/stats/slices.h"
#include "scoring/input/verdict_collection.h"

namespace cc::scoring {

// What one model achieved on one case.
struct CaseOutcome {
  uint16_t met = 0;      // criteria met
  uint16_t rubrics = 0;  // criteria of the case
  uint16_t missing = 0;  // criteria without a readable verdict (scored as not met)
};

// Per case of the case set, from one judge's table of one model.
std::vector<CaseOutcome> case_outcomes(const CaseSet& cases, const VerdictTable& table);

// 1[met ≥ k] and max(0, met − k + 1) — the per-case pieces of pass@k and CACS@k.
inline bool passes(int met, int k) { return met >= k; }
inline int cacs_excess(int met, int k) { return met >= k ? met - k + 1 : 0; }
// max(0, met − k + 1) / (R − k + 1) as a fraction; 0 when R < k.
double cacs_case(int met, int rubrics, int k);

// The figures of one model on one slice.
struct SliceScore {
  long cases = 0;
  long rubrics = 0;   // criteria judged (missing ones included when allowed)
  long positive = 0;  // criteria met
  long missing = 0;
  double rubric_accuracy_pct = 0;
  std::optional<double> pass_at_k_pct;  // case slices only
  std::optional<double> cacs_at_k_pct;  // case slices only
};

SliceScore score_slice(const Slice& slice, const std::vector<CaseOutcome>& outcomes, const VerdictTable& table, int k);

// CACS@k over cases given by index, as the scorer and its bootstrap compute it: when every
// case has the same R, 100 · Σ excess / ((R − k + 1) · N) (exact integers); otherwise the
// per-case fractions summed in case order.
double cacs_pct(const std::vector<CaseOutcome>& outcomes, const std::vector<uint32_t>& cases, int k);

// pass@k and CACS@k for every k from 1 to max_k over all cases: the survival curve of
// criteria met, which CACS integrates.
struct SweepPoint {
  int k = 0;
  double pass_at_k_pct = 0;
  double cacs_at_k_pct = 0;
};
std::vector<SweepPoint> k_sweep(const std::vector<CaseOutcome>& outcomes, int max_k);

}  // namespace cc::scoring
