#pragma once
// Bootstrap: percentile confidence intervals over cases for every figure of every slice,
// and paired differences between every two models. Resample b of a slice draws N of its
// N cases with replacement from its own random stream (prng.h), and the same draw serves
// every model, so differences are paired; results do not depend on the thread count.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "scoring/stats/metrics.h"
#include "scoring/stats/slices.h"

namespace cc::scoring {

// A confidence interval; NaN bounds when there was nothing to resample.
struct Interval {
  double low = std::nan("");
  double high = std::nan("");
};

// The intervals of one model on one slice (pass@k and CACS@k stay NaN on criterion slices).
struct MetricIntervals {
  Interval rubric_accuracy, pass_at_k, cacs_at_k;
};

// The three figures, in this order wherever they are indexed.
enum Metric { kRubricAccuracy = 0, kPassAtK = 1, kCacsAtK = 2 };
const char* metric_column(int metric);  // "rubric_accuracy_pct", "pass_at_k_pct", "cacs_at_k_pct"

// Model a minus model b on the overall slice, for one figure.
struct PairwiseDifference {
  size_t a = 0, b = 0;  // model indices, a < b
  int metric = kCacsAtK;
  double difference = 0;                // point estimate: figure(a) − figure(b)
  Interval ci;                          // percentile interval of the resampled differences
  double share_a_leads = std::nan("");  // share of resamples with difference > 0
  double share_b_leads = std::nan("");  // share with difference < 0 (ties make up the rest)
};

// How many resamples, from which seed, at which confidence level, for which k.
struct BootstrapSettings {
  int resamples = 1000;  // 0: no intervals
  uint64_t seed = 1;
  double level = 95;  // percent
  int k = 10;
  unsigned threads = 0;
};

// What is resampled: the slices, and per model its case outcomes and verdict table.
struct BootstrapInput {
  const std::vector<Slice>* slices = nullptr;
  std::vector<const std::vector<CaseOutcome>*> outcomes;  // per model
  std::vector<const VerdictTable*> tables;                // per model
  std::vector<SliceScore> overall;                        // per model: point figures of slices[0]
};

// The intervals of every figure of every slice and model, and the paired differences.
struct BootstrapResult {
  std::vector<std::vector<MetricIntervals>> intervals;  // [slice][model]
  std::vector<PairwiseDifference> pairwise;             // overall slice: every pair, every figure
};

BootstrapResult run_bootstrap(const BootstrapInput& input, const BootstrapSettings& settings);

// The q-quantile (0 ≤ q ≤ 1) of ascending `sorted`, interpolating linearly between order
// statistics at h = (n − 1) · q (numpy's default "linear" method).
double quantile_sorted(const std::vector<double>& sorted, double q);

}  // namespace cc::scoring
