#include "scoring/stats/metrics.h"

namespace cc::scoring {

std::vector<CaseOutcome> case_outcomes(const CaseSet& cases, const VerdictTable& table) {
  std::vector<CaseOutcome> out(cases.cases.size());
  for (uint32_t c = 0; c < out.size(); ++c) {
    uint32_t begin = cases.first_cell(c), end = begin + cases.criteria_count(c);
    CaseOutcome& o = out[c];
    o.rubrics = static_cast<uint16_t>(end - begin);
    for (uint32_t cell = begin; cell < end; ++cell) {
      Verdict v = table.cells[cell];
      o.met += v == Verdict::Met;
      o.missing += v == Verdict::None || v == Verdict::Unreadable;
    }
  }
  return out;
}

double cacs_case(int met, int rubrics, int k) {
  int den = rubrics - k + 1;
  if (den <= 0) return 0;
  return static_cast<double>(cacs_excess(met, k)) / den;
}

double cacs_pct(const std::vector<CaseOutcome>& outcomes, const std::vector<uint32_t>& cases, int k) {
  if (cases.empty()) return 0;
  bool uniform = true;
  const int r0 = outcomes[cases.front()].rubrics;
  for (uint32_t c : cases) uniform = uniform && outcomes[c].rubrics == r0;
  const double n = static_cast<double>(cases.size());
  if (uniform) {
    if (r0 - k + 1 <= 0) return 0;
    long excess = 0;
    for (uint32_t c : cases) excess += cacs_excess(outcomes[c].met, k);
    return 100.0 * static_cast<double>(excess) / (static_cast<double>(r0 - k + 1) * n);
  }
  double sum = 0;
  for (uint32_t c : cases) sum += cacs_case(outcomes[c].met, outcomes[c].rubrics, k);
  return 100.0 * sum / n;
}

SliceScore score_slice(const Slice& slice, const std::vector<CaseOutcome>& outcomes, const VerdictTable& table, int k) {
  SliceScore s;
  s.cases = static_cast<long>(slice.cases.size());
  if (slice.per_criterion) {
    for (uint32_t cell : slice.cells) {
      Verdict v = table.cells[cell];
      s.positive += v == Verdict::Met;
      s.missing += v == Verdict::None || v == Verdict::Unreadable;
    }
    s.rubrics = static_cast<long>(slice.cells.size());
  } else {
    long pass = 0;
    for (uint32_t c : slice.cases) {
      const CaseOutcome& o = outcomes[c];
      s.positive += o.met;
      s.rubrics += o.rubrics;
      s.missing += o.missing;
      pass += passes(o.met, k);
    }
    if (s.cases > 0) {
      s.pass_at_k_pct = 100.0 * static_cast<double>(pass) / static_cast<double>(s.cases);
      s.cacs_at_k_pct = cacs_pct(outcomes, slice.cases, k);
    }
  }
  s.rubric_accuracy_pct = s.rubrics > 0 ? 100.0 * static_cast<double>(s.positive) / static_cast<double>(s.rubrics) : 0;
  return s;
}

std::vector<SweepPoint> k_sweep(const std::vector<CaseOutcome>& outcomes, int max_k) {
  std::vector<SweepPoint> out;
  std::vector<uint32_t> all(outcomes.size());
  for (uint32_t c = 0; c < all.size(); ++c) all[c] = c;
  for (int k = 1; k <= max_k; ++k) {
    long pass = 0;
    for (const auto& o : outcomes) pass += passes(o.met, k);
    double n = static_cast<double>(outcomes.size());
    out.push_back({k, outcomes.empty() ? 0 : 100.0 * static_cast<double>(pass) / n, cacs_pct(outcomes, all, k)});
  }
  return out;
}

}  // namespace cc::scoring
