// summary.csv writer.
#include "scoring/output/score_writers.h"
#include "scoring/output/text_format.h"

namespace cc::scoring {

std::string summary_csv(const ScoreReport& r) {
  std::string out =
      "model,slice,threshold,cases,rubrics,positive,rubric_accuracy_pct,pass_at_k_pct,cacs_at_k_pct,"
      "rubric_accuracy_ci_low,rubric_accuracy_ci_high,pass_at_k_ci_low,pass_at_k_ci_high,"
      "cacs_at_k_ci_low,cacs_at_k_ci_high,missing,judge\n";
  const std::string k = std::to_string(r.settings.k);
  for (size_t m = 0; m < r.models.size(); ++m) {
    const ModelResult& mr = r.models[m];
    for (size_t s = 0; s < r.slices.size(); ++s) {
      const SliceScore& sc = mr.slices[s];
      MetricIntervals ci;
      if (s < r.bootstrap.intervals.size() && m < r.bootstrap.intervals[s].size()) ci = r.bootstrap.intervals[s][m];
      append_csv_row(
          out, {mr.model, r.slices[s].name, k, std::to_string(sc.cases), std::to_string(sc.rubrics),
                std::to_string(sc.positive), format_number(sc.rubric_accuracy_pct), format_number(sc.pass_at_k_pct),
                format_number(sc.cacs_at_k_pct), format_number(ci.rubric_accuracy.low),
                format_number(ci.rubric_accuracy.high), format_number(ci.pass_at_k.low),
                format_number(ci.pass_at_k.high), format_number(ci.cacs_at_k.low), format_number(ci.cacs_at_k.high),
                std::to_string(sc.missing), r.settings.judge});
    }
    if (!r.settings.k_sweep || r.slices.empty()) continue;
    const SliceScore& all = mr.slices[0];
    MetricIntervals ci;
    if (!r.bootstrap.intervals.empty() && m < r.bootstrap.intervals[0].size()) ci = r.bootstrap.intervals[0][m];
    for (const SweepPoint& p : mr.sweep) {
      if (p.k == r.settings.k) continue;
      append_csv_row(
          out, {mr.model, "overall", std::to_string(p.k), std::to_string(all.cases), std::to_string(all.rubrics),
                std::to_string(all.positive), format_number(all.rubric_accuracy_pct), format_number(p.pass_at_k_pct),
                format_number(p.cacs_at_k_pct), format_number(ci.rubric_accuracy.low),
                format_number(ci.rubric_accuracy.high), "", "", "", "", std::to_string(all.missing), r.settings.judge});
    }
  }
  return out;
}

}  // namespace cc::scoring
