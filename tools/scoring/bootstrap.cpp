#include "scoring/bootstrap.h"

#include <algorithm>

#include "scoring/parallel.h"
#include "scoring/prng.h"

namespace cc::scoring {
namespace {

constexpr int kBlock = 50;  // resamples per parallel task

// One slice, laid out for resampling: per case j of the slice, what each model scored.
struct SliceData {
  uint32_t n = 0;
  bool per_criterion = false;
  bool uniform = true;  // every case has the same number of criteria
  int den = 0;          // R − k + 1 when uniform
  bool narrow = true;   // every weighted sum fits 32 bits (N · max R < 2^32)
  std::vector<uint32_t> rubrics;                 // [j]
  std::vector<std::vector<uint32_t>> met;        // [model][j]
  std::vector<std::vector<uint32_t>> pass;       // [model][j] 1[met ≥ k]
  std::vector<std::vector<uint32_t>> excess;     // [model][j] max(0, met − k + 1)
  std::vector<std::vector<double>> fraction;     // [model][j] when not uniform
  std::vector<double> stats;                     // [(model · B + b) · 3 + metric]
};

uint64_t dot(const std::vector<uint32_t>& w, const std::vector<uint32_t>& x, bool narrow) {
  // Sums of at most N · R: 32-bit lanes (faster) are exact while that stays below 2^32.
  const size_t n = w.size();
  if (narrow) {
    uint32_t s = 0;
    for (size_t i = 0; i < n; ++i) s += w[i] * x[i];
    return s;
  }
  uint64_t s = 0;
  for (size_t i = 0; i < n; ++i) s += static_cast<uint64_t>(w[i]) * x[i];
  return s;
}

SliceData prepare(const Slice& slice, const BootstrapInput& in, int k) {
  SliceData d;
  const size_t models = in.tables.size();
  d.n = static_cast<uint32_t>(slice.cases.size());
  d.per_criterion = slice.per_criterion;
  d.met.assign(models, std::vector<uint32_t>(d.n, 0));
  d.rubrics.resize(d.n);
  if (slice.per_criterion) {
    uint64_t max_r = 0;
    for (uint32_t j = 0; j < d.n; ++j) {
      d.rubrics[j] = slice.cell_begin[j + 1] - slice.cell_begin[j];
      max_r = std::max<uint64_t>(max_r, d.rubrics[j]);
      for (size_t m = 0; m < models; ++m) {
        const auto& cells = in.tables[m]->cells;
        uint32_t met = 0;
        for (uint32_t i = slice.cell_begin[j]; i < slice.cell_begin[j + 1]; ++i) met += cells[slice.cells[i]] == Verdict::Met;
        d.met[m][j] = met;
      }
    }
    d.narrow = static_cast<uint64_t>(d.n) * max_r < (uint64_t{1} << 32);
    return d;
  }
  d.pass.assign(models, std::vector<uint32_t>(d.n, 0));
  d.excess.assign(models, std::vector<uint32_t>(d.n, 0));
  for (uint32_t j = 0; j < d.n; ++j) {
    uint32_t c = slice.cases[j];
    d.rubrics[j] = (*in.outcomes[0])[c].rubrics;
    d.uniform = d.uniform && d.rubrics[j] == d.rubrics[0];
    for (size_t m = 0; m < models; ++m) {
      int met = (*in.outcomes[m])[c].met;
      d.met[m][j] = static_cast<uint32_t>(met);
      d.pass[m][j] = passes(met, k);
      d.excess[m][j] = static_cast<uint32_t>(cacs_excess(met, k));
    }
  }
  if (d.n > 0) d.den = static_cast<int>(d.rubrics[0]) - k + 1;
  uint64_t max_r = d.n ? *std::max_element(d.rubrics.begin(), d.rubrics.end()) : 0;
  d.narrow = static_cast<uint64_t>(d.n) * max_r < (uint64_t{1} << 32);
  if (!d.uniform) {
    d.fraction.assign(models, std::vector<double>(d.n, 0));
    for (size_t m = 0; m < models; ++m)
      for (uint32_t j = 0; j < d.n; ++j)
        d.fraction[m][j] = cacs_case(static_cast<int>(d.met[m][j]), static_cast<int>(d.rubrics[j]), k);
  }
  return d;
}

// Resamples [b0, b1) of one slice.
void resample_block(SliceData& d, const std::string& name, const BootstrapSettings& s, size_t models, int b0, int b1) {
  std::vector<uint32_t> w(d.n);
  const double n = d.n;
  for (int b = b0; b < b1; ++b) {
    std::fill(w.begin(), w.end(), 0);
    Xoshiro256 rng(resample_key(s.seed, name, static_cast<uint64_t>(b)));
    for (uint32_t i = 0; i < d.n; ++i) ++w[rng.below(d.n)];
    const double judged = static_cast<double>(dot(w, d.rubrics, d.narrow));
    for (size_t m = 0; m < models; ++m) {
      double* out = &d.stats[(m * static_cast<size_t>(s.resamples) + static_cast<size_t>(b)) * 3];
      out[kRubricAccuracy] = 100.0 * static_cast<double>(dot(w, d.met[m], d.narrow)) / judged;
      if (d.per_criterion) continue;
      out[kPassAtK] = 100.0 * static_cast<double>(dot(w, d.pass[m], d.narrow)) / n;
      if (d.uniform) {
        out[kCacsAtK] = d.den <= 0 ? 0 : 100.0 * static_cast<double>(dot(w, d.excess[m], d.narrow)) / (static_cast<double>(d.den) * n);
      } else {
        double sum = 0;
        for (uint32_t j = 0; j < d.n; ++j) sum += w[j] * d.fraction[m][j];
        out[kCacsAtK] = 100.0 * sum / n;
      }
    }
  }
}

Interval interval_of(std::vector<double>& values, double level) {
  Interval iv;
  if (values.empty()) return iv;
  std::sort(values.begin(), values.end());
  double tail = (1 - level / 100) / 2;
  iv.low = quantile_sorted(values, tail);
  iv.high = quantile_sorted(values, 1 - tail);
  return iv;
}

}  // namespace

const char* metric_column(int metric) {
  switch (metric) {
    case kRubricAccuracy: return "rubric_accuracy_pct";
    case kPassAtK: return "pass_at_k_pct";
    default: return "cacs_at_k_pct";
  }
}

double quantile_sorted(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return std::nan("");
  double h = static_cast<double>(sorted.size() - 1) * q;
  size_t i = static_cast<size_t>(h);
  if (i + 1 >= sorted.size()) return sorted.back();
  double frac = h - static_cast<double>(i);
  return sorted[i] + frac * (sorted[i + 1] - sorted[i]);
}

BootstrapResult run_bootstrap(const BootstrapInput& in, const BootstrapSettings& s) {
  BootstrapResult out;
  const auto& slices = *in.slices;
  const size_t models = in.tables.size();
  out.intervals.assign(slices.size(), std::vector<MetricIntervals>(models));
  if (models == 0) return out;
  const int B = std::max(0, s.resamples);
  std::vector<SliceData> data(slices.size());
  parallel_for(slices.size(), s.threads, [&](size_t i) {
    data[i] = prepare(slices[i], in, s.k);
    data[i].stats.assign(models * static_cast<size_t>(B) * 3, 0);
  });
  if (B > 0) {
    const size_t blocks = (static_cast<size_t>(B) + kBlock - 1) / kBlock;
    parallel_for(slices.size() * blocks, s.threads, [&](size_t t) {
      size_t i = t / blocks;
      int b0 = static_cast<int>(t % blocks) * kBlock;
      if (data[i].n == 0) return;
      resample_block(data[i], slices[i].name, s, models, b0, std::min(B, b0 + kBlock));
    });
    parallel_for(slices.size(), s.threads, [&](size_t i) {
      if (data[i].n == 0) return;
      std::vector<double> values(static_cast<size_t>(B));
      for (size_t m = 0; m < models; ++m) {
        MetricIntervals& mi = out.intervals[i][m];
        for (int metric = 0; metric < 3; ++metric) {
          if (data[i].per_criterion && metric != kRubricAccuracy) continue;
          for (int b = 0; b < B; ++b) values[static_cast<size_t>(b)] = data[i].stats[(m * static_cast<size_t>(B) + static_cast<size_t>(b)) * 3 + static_cast<size_t>(metric)];
          Interval iv = interval_of(values, s.level);
          (metric == kRubricAccuracy ? mi.rubric_accuracy : metric == kPassAtK ? mi.pass_at_k : mi.cacs_at_k) = iv;
        }
      }
    });
  }
  // Paired differences on the overall slice (slices[0]).
  auto point = [&](size_t m, int metric) {
    const SliceScore& sc = in.overall[m];
    return metric == kRubricAccuracy ? sc.rubric_accuracy_pct
           : metric == kPassAtK      ? sc.pass_at_k_pct.value_or(0)
                                     : sc.cacs_at_k_pct.value_or(0);
  };
  for (size_t a = 0; a < models; ++a)
    for (size_t b = a + 1; b < models; ++b)
      for (int metric = 0; metric < 3; ++metric) {
        PairwiseDifference p;
        p.a = a;
        p.b = b;
        p.metric = metric;
        p.difference = point(a, metric) - point(b, metric);
        if (B > 0 && !slices.empty() && data[0].n > 0) {
          std::vector<double> diffs(static_cast<size_t>(B));
          size_t lead_a = 0, lead_b = 0;
          for (int r = 0; r < B; ++r) {
            double va = data[0].stats[(a * static_cast<size_t>(B) + static_cast<size_t>(r)) * 3 + static_cast<size_t>(metric)];
            double vb = data[0].stats[(b * static_cast<size_t>(B) + static_cast<size_t>(r)) * 3 + static_cast<size_t>(metric)];
            double d = va - vb;
            diffs[static_cast<size_t>(r)] = d;
            lead_a += d > 0;
            lead_b += d < 0;
          }
          p.share_a_leads = static_cast<double>(lead_a) / B;
          p.share_b_leads = static_cast<double>(lead_b) / B;
          p.ci = interval_of(diffs, s.level);
        }
        out.pairwise.push_back(p);
      }
  return out;
}

}  // namespace cc::scoring
