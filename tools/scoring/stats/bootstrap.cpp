#include "scoring/stats/bootstrap.h"

#include <algorithm>

#include "core/parallel.h"
#include "scoring/stats/prng.h"

namespace cc::scoring {
namespace {

constexpr int kBlock = 50;  // resamples per parallel task

// Per-case columns of one slice: the criteria of each case, and per model what it met.
template <class T>
struct Columns {
  std::vector<T> rubrics;              // [j]
  std::vector<std::vector<T>> met;     // [model][j]
  std::vector<std::vector<T>> pass;    // [model][j] 1[met ≥ k]
  std::vector<std::vector<T>> excess;  // [model][j] max(0, met − k + 1)
};

// One slice, laid out for resampling.
struct SliceData {
  uint32_t n = 0;
  bool per_criterion = false;
  bool uniform = true;  // every case has the same number of criteria
  int den = 0;          // R − k + 1 when uniform
  // 16-bit columns when every count fits (N and R below 2^15): their weighted sums
  // vectorise as multiply-add pairs; 32-bit columns otherwise.
  bool narrow = true;
  Columns<int16_t> small;
  Columns<int32_t> wide;
  std::vector<std::vector<double>> fraction;  // [model][j] when not uniform
  std::vector<double> stats;                  // [(model · B + b) · 3 + metric]
};

// Σ w·x: exact (int16 products summed in int32 stay below N · R < 2^30 in the narrow case).
template <class T, class Acc>
Acc dot(const std::vector<T>& w, const std::vector<T>& x) {
  Acc s = 0;
  const size_t n = w.size();
  for (size_t i = 0; i < n; ++i) s += static_cast<Acc>(w[i]) * static_cast<Acc>(x[i]);
  return s;
}

template <class T>
Columns<T> narrow_copy(const Columns<int32_t>& w) {
  auto conv = [](const std::vector<int32_t>& v) { return std::vector<T>(v.begin(), v.end()); };
  Columns<T> c;
  c.rubrics = conv(w.rubrics);
  for (const auto& v : w.met) c.met.push_back(conv(v));
  for (const auto& v : w.pass) c.pass.push_back(conv(v));
  for (const auto& v : w.excess) c.excess.push_back(conv(v));
  return c;
}

SliceData prepare(const Slice& slice, const BootstrapInput& in, int k) {
  SliceData d;
  const size_t models = in.tables.size();
  d.n = static_cast<uint32_t>(slice.cases.size());
  d.per_criterion = slice.per_criterion;
  Columns<int32_t>& c = d.wide;
  c.met.assign(models, std::vector<int32_t>(d.n, 0));
  c.rubrics.resize(d.n);
  if (slice.per_criterion) {
    for (uint32_t j = 0; j < d.n; ++j) {
      c.rubrics[j] = static_cast<int32_t>(slice.cell_begin[j + 1] - slice.cell_begin[j]);
      for (size_t m = 0; m < models; ++m) {
        const auto& cells = in.tables[m]->cells;
        int32_t met = 0;
        for (uint32_t i = slice.cell_begin[j]; i < slice.cell_begin[j + 1]; ++i)
          met += cells[slice.cells[i]] == Verdict::Met;
        c.met[m][j] = met;
      }
    }
  } else {
    c.pass.assign(models, std::vector<int32_t>(d.n, 0));
    c.excess.assign(models, std::vector<int32_t>(d.n, 0));
    for (uint32_t j = 0; j < d.n; ++j) {
      uint32_t cs = slice.cases[j];
      c.rubrics[j] = (*in.outcomes[0])[cs].rubrics;
      d.uniform = d.uniform && c.rubrics[j] == c.rubrics[0];
      for (size_t m = 0; m < models; ++m) {
        int met = (*in.outcomes[m])[cs].met;
        c.met[m][j] = met;
        c.pass[m][j] = passes(met, k);
        c.excess[m][j] = cacs_excess(met, k);
      }
    }
    if (d.n > 0) d.den = c.rubrics[0] - k + 1;
    if (!d.uniform) {
      d.fraction.assign(models, std::vector<double>(d.n, 0));
      for (size_t m = 0; m < models; ++m)
        for (uint32_t j = 0; j < d.n; ++j) d.fraction[m][j] = cacs_case(c.met[m][j], c.rubrics[j], k);
    }
  }
  int32_t max_r = d.n ? *std::max_element(c.rubrics.begin(), c.rubrics.end()) : 0;
  d.narrow = d.n < 32768 && max_r < 32768;
  if (d.narrow) {
    d.small = narrow_copy<int16_t>(c);
    d.wide = Columns<int32_t>{};
  }
  return d;
}

// Resamples [b0, b1) of one slice with columns of type T (sums in Acc).
template <class T, class Acc>
void resample_block(SliceData& d, const Columns<T>& c, const std::string& name, const BootstrapSettings& s,
                    size_t models, int b0, int b1) {
  std::vector<T> w(d.n);
  const double n = d.n;
  for (int b = b0; b < b1; ++b) {
    std::fill(w.begin(), w.end(), 0);
    Xoshiro256 rng(resample_key(s.seed, name, static_cast<uint64_t>(b)));
    for (uint32_t i = 0; i < d.n; ++i) ++w[rng.below(d.n)];
    const double judged = static_cast<double>(dot<T, Acc>(w, c.rubrics));
    for (size_t m = 0; m < models; ++m) {
      double* out = &d.stats[(m * static_cast<size_t>(s.resamples) + static_cast<size_t>(b)) * 3];
      out[kRubricAccuracy] = 100.0 * static_cast<double>(dot<T, Acc>(w, c.met[m])) / judged;
      if (d.per_criterion) continue;
      out[kPassAtK] = 100.0 * static_cast<double>(dot<T, Acc>(w, c.pass[m])) / n;
      if (d.uniform) {
        out[kCacsAtK] =
            d.den <= 0 ? 0
                       : 100.0 * static_cast<double>(dot<T, Acc>(w, c.excess[m])) / (static_cast<double>(d.den) * n);
      } else {
        double sum = 0;
        for (uint32_t j = 0; j < d.n; ++j) sum += static_cast<double>(w[j]) * d.fraction[m][j];
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
      int b1 = std::min(B, b0 + kBlock);
      if (data[i].narrow)
        resample_block<int16_t, int32_t>(data[i], data[i].small, slices[i].name, s, models, b0, b1);
      else
        resample_block<int32_t, int64_t>(data[i], data[i].wide, slices[i].name, s, models, b0, b1);
    });
    parallel_for(slices.size(), s.threads, [&](size_t i) {
      if (data[i].n == 0) return;
      std::vector<double> values(static_cast<size_t>(B));
      for (size_t m = 0; m < models; ++m) {
        MetricIntervals& mi = out.intervals[i][m];
        for (int metric = 0; metric < 3; ++metric) {
          if (data[i].per_criterion && metric != kRubricAccuracy) continue;
          for (int b = 0; b < B; ++b)
            values[static_cast<size_t>(b)] =
                data[i].stats[(m * static_cast<size_t>(B) + static_cast<size_t>(b)) * 3 + static_cast<size_t>(metric)];
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
            double va =
                data[0].stats[(a * static_cast<size_t>(B) + static_cast<size_t>(r)) * 3 + static_cast<size_t>(metric)];
            double vb =
                data[0].stats[(b * static_cast<size_t>(B) + static_cast<size_t>(r)) * 3 + static_cast<size_t>(metric)];
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
