// report.html writer: the report as one self-contained page — the leaderboard with its
// intervals first, then the k-sweep curves, the paired differences, the model × slice
// heatmaps, the item analysis and the judge agreement. Every chart's numbers are in a table.
#include <algorithm>
#include <cmath>

#include "core/html/html_chart.h"
#include "core/html/html_page.h"
#include "scoring/input/verdict_collection.h"
#include "scoring/output/report_html_parts.h"
#include "scoring/output/score_writers.h"
#include "scoring/output/text_format.h"

namespace cc::scoring {
namespace {

// Whether a paired difference's interval lies wholly on one side of zero: the
// difference the intervals support.
bool excludes_zero(const Interval& ci) { return std::isfinite(ci.low) && (ci.low > 0 || ci.high < 0); }

MetricIntervals overall_ci(const ScoreReport& r, size_t m) {
  return r.bootstrap.intervals.empty() ? MetricIntervals{} : r.bootstrap.intervals[0][m];
}

std::string leaderboard(const ScoreReport& r, const std::vector<size_t>& order) {
  const std::string k = std::to_string(r.settings.k), level = format_fixed(r.settings.ci_level, 0);
  std::string out = html::section_begin("leaderboard", "Leaderboard: CACS@" + k);
  std::vector<html::WhiskerRow> rows;
  double lo = 100, hi = 0;
  for (size_t i = 0; i < order.size(); ++i) {
    const SliceScore& s = r.models[order[i]].slices[0];
    const Interval ci = overall_ci(r, order[i]).cacs_at_k;
    html::WhiskerRow w{std::to_string(i + 1) + ". " + r.models[order[i]].model, s.cacs_at_k_pct.value_or(0), ci.low,
                       ci.high, ""};
    w.value_text = format_with_interval(w.value, ci);
    lo = std::min({lo, w.value, std::isfinite(ci.low) ? ci.low : w.value});
    hi = std::max({hi, w.value, std::isfinite(ci.high) ? ci.high : w.value});
    rows.push_back(std::move(w));
  }
  lo = std::max(0.0, std::floor(lo / 5) * 5 - 5);
  hi = std::min(100.0, std::max(lo + 10, std::ceil(hi / 5) * 5 + 5));
  out += html::whiskers(
      "Leaderboard: CACS@" + k + " per model with " + level + " % intervals", rows, lo, hi,
      "CACS@" + k + " (%)" + (r.settings.resamples > 0 ? ", whiskers: " + level + " % bootstrap interval" : ""));
  html::Table t;
  t.id = "table-leaderboard";
  t.head = {"rank", "model", "CACS@" + k + " (%)", "pass@" + k + " (%)", "Rubric Accuracy (%)", "missing verdicts"};
  if (r.settings.resamples > 0)
    for (size_t c = 2; c <= 4; ++c) t.head[c] += " [" + level + " % CI]";
  t.numeric = {true, false, true, true, true, true};
  for (size_t i = 0; i < order.size(); ++i) {
    const ModelResult& mr = r.models[order[i]];
    const SliceScore& s = mr.slices[0];
    const MetricIntervals ci = overall_ci(r, order[i]);
    t.rows.push_back({std::to_string(i + 1), mr.model, format_with_interval(s.cacs_at_k_pct.value_or(0), ci.cacs_at_k),
                      format_with_interval(s.pass_at_k_pct.value_or(0), ci.pass_at_k),
                      format_with_interval(s.rubric_accuracy_pct, ci.rubric_accuracy), std::to_string(mr.missing)});
  }
  out += html::table(t);
  if (r.settings.resamples == 0) out += html::note("No intervals: the run had no bootstrap (--resamples 0).");
  return out + html::section_end();
}

std::string sweep(const ScoreReport& r, const std::vector<size_t>& order) {
  const int k = r.settings.k;
  std::string out = html::section_begin("sweep", "pass@k and CACS@k for k = 1.." + std::to_string(r.settings.max_k));
  out += html::note(
      "pass@k is the share of cases meeting at least k criteria (the survival curve of criteria met); "
      "CACS@k averages pass@ℓ over ℓ = k..R. The dashed rule marks the configured k = " +
      std::to_string(k) + ".");
  out += "<div class=\"charts\">\n";
  const char* names[2] = {"pass@k", "CACS@k"};
  std::string tables;
  for (int which = 0; which < 2; ++which) {
    html::LineChart c;
    c.aria_label = std::string(names[which]) + " over k for every model";
    c.title = std::string(names[which]) + " (%)";
    c.x_label = "k (criteria met)";
    c.y_label = "%";
    c.x_lo = 1;
    c.x_hi = std::max(2, r.settings.max_k);
    c.mark_x = k;
    c.mark_label = "k = " + std::to_string(k);
    html::Table t;
    t.caption = std::string(names[which]) + " (%) by k";
    t.head = {"k"};
    t.numeric = {true};
    for (size_t m : order) t.head.push_back(r.models[m].model), t.numeric.push_back(true);
    for (size_t m : order) {
      html::Series s{r.models[m].model, {}};
      for (const SweepPoint& p : r.models[m].sweep)
        s.points.emplace_back(p.k, which == 0 ? p.pass_at_k_pct : p.cacs_at_k_pct);
      c.series.push_back(std::move(s));
    }
    for (int kk = 1; kk <= r.settings.max_k; ++kk) {
      std::vector<std::string> row{std::to_string(kk)};
      for (size_t m : order) {
        const auto& sw = r.models[m].sweep;
        const auto i = static_cast<size_t>(kk - 1);
        row.push_back(i < sw.size() ? format_fixed(which == 0 ? sw[i].pass_at_k_pct : sw[i].cacs_at_k_pct, 1) : "–");
      }
      t.rows.push_back(std::move(row));
      t.row_class.push_back(kk == k ? "good" : "");
    }
    out += html::line_chart(c);
    tables += html::table(t);
  }
  return out + "</div>\n" + html::folded("Numbers as tables", tables) + html::section_end();
}

std::string paired_differences(const ScoreReport& r, const std::vector<size_t>& order) {
  const std::string k = std::to_string(r.settings.k), level = format_fixed(r.settings.ci_level, 0);
  std::string out = html::section_begin("pairs", "Paired differences in CACS@" + k);
  const bool intervals = !r.bootstrap.pairwise.empty();
  out += html::note(
      intervals ? "Row model minus column model on the same cases and resamples. A coloured cell is a difference "
                  "whose " +
                      level +
                      " % interval excludes zero (blue: the row model leads; orange: the column "
                      "model leads); a grey cell is one the intervals do not support."
                : "Row model minus column model. The run had no bootstrap (--resamples 0), so no difference "
                  "is marked as supported.");
  const size_t n = r.models.size();
  std::vector<std::vector<const PairwiseDifference*>> pair(n, std::vector<const PairwiseDifference*>(n, nullptr));
  for (const auto& p : r.bootstrap.pairwise)
    if (p.metric == kCacsAtK) pair[p.a][p.b] = pair[p.b][p.a] = &p;
  html::Heatmap h;
  h.id = "heat-pairs";
  h.aria_label = "Paired differences in CACS@" + k + ", row model minus column model";
  h.show_scale = false;
  h.cell_w = 66;
  for (size_t m : order) h.rows.push_back(r.models[m].model), h.cols.push_back(r.models[m].model);
  for (size_t a : order) {
    std::vector<html::HeatCell> row;
    for (size_t b : order) {
      html::HeatCell c;
      if (a == b) {
        c.fill = "#f5f6f9";
        row.push_back(c);
        continue;
      }
      const double d =
          r.models[a].slices[0].cacs_at_k_pct.value_or(0) - r.models[b].slices[0].cacs_at_k_pct.value_or(0);
      c.value = d;
      c.text = (d > 0 ? "+" : "") + format_fixed(d, 1);
      const PairwiseDifference* p = pair[a][b];
      Interval ci;
      if (p) ci = p->a == a ? p->ci : Interval{-p->ci.high, -p->ci.low};
      const bool supported = excludes_zero(ci);
      c.fill = !supported ? "#e4e6eb" : d > 0 ? "#2c7bb6" : "#e66101";
      c.light_text = supported;
      c.title = r.models[a].model + " − " + r.models[b].model + ": " + c.text +
                (std::isfinite(ci.low) ? " " + format_interval(ci) : "") +
                (supported ? " (supported)" : " (not supported)");
      row.push_back(std::move(c));
    }
    h.cells.push_back(std::move(row));
  }
  out +=
      "<div class=\"legend\"><span><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><rect width=\"14\" "
      "height=\"14\" fill=\"#2c7bb6\"/></svg> row model ahead, supported</span><span><svg width=\"14\" "
      "height=\"14\" aria-hidden=\"true\"><rect width=\"14\" height=\"14\" fill=\"#e66101\"/></svg> column model "
      "ahead, supported</span><span><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><rect width=\"14\" "
      "height=\"14\" fill=\"#e4e6eb\"/></svg> interval includes 0</span></div>\n" +
      html::heatmap(h);
  html::Table t;
  t.id = "table-pairs";
  t.head = {"model A", "model B", "A − B", level + " % CI", "A leads (%)", "B leads (%)", "supported"};
  t.numeric = {false, false, true, true, true, true, false};
  for (const auto& p : r.bootstrap.pairwise) {
    if (p.metric != kCacsAtK) continue;
    const bool supported = excludes_zero(p.ci);
    t.rows.push_back({r.models[p.a].model, r.models[p.b].model, format_fixed(p.difference, 1), format_interval(p.ci),
                      format_fixed(100 * p.share_a_leads, 1), format_fixed(100 * p.share_b_leads, 1),
                      supported ? "yes" : "no"});
    t.row_class.push_back(supported ? "good" : "");
  }
  if (!t.rows.empty()) out += html::folded("Every pair as a table", html::table(t));
  return out + html::section_end();
}

std::string about(const ScoreReport& r) {
  std::string out = html::section_begin("about", "About this run");
  html::Table t;
  t.sortable = false;
  t.head = {"setting", "value"};
  t.rows = {
      {"judge", judge_display_name(r.settings.judge)},
      {"judges in the inputs", std::to_string(r.judges.size())},
      {"k", std::to_string(r.settings.k)},
      {"bootstrap", r.settings.resamples > 0 ? std::to_string(r.settings.resamples) + " resamples over cases, seed " +
                                                   std::to_string(r.settings.seed) + ", " +
                                                   format_fixed(r.settings.ci_level, 0) + " % percentile intervals"
                                             : std::string("none")},
      {"cases", r.cases_source},
      {"retired cases skipped", std::to_string(r.retired_skipped)},
      {"missing verdicts (scored as not met)", std::to_string(r.missing_total)},
      {"tool version", r.tool_version}};
  return out + html::table(t) +
         html::note(
             "The figures are also in summary.csv, summary.json and report.md; "
             "run_manifest.json holds the SHA-256 of every input and output.") +
         html::section_end();
}

}  // namespace

std::string report_html(const ScoreReport& r) {
  const auto& st = r.settings;
  const std::vector<size_t> order = r.leaderboard();
  std::string subtitle = "Judge " + judge_display_name(st.judge) + " · k = " + std::to_string(st.k) + " · " +
                         std::to_string(r.cases->cases.size()) + " cases, " + std::to_string(r.cases->cell_count()) +
                         " criteria · " + std::to_string(r.models.size()) + " models";
  std::string out = html::page_begin("ClinConsensus scores", "en", subtitle);
  out +=
      "<nav><a href=\"#leaderboard\">Leaderboard</a><a href=\"#sweep\">k-sweep</a><a href=\"#pairs\">Paired "
      "differences</a><a href=\"#slices\">Slices</a><a href=\"#items\">Item analysis</a>";
  if (!r.agreement.empty()) out += "<a href=\"#agreement\">Judge agreement</a>";
  out += "<a href=\"#about\">About</a></nav>\n";
  if (r.missing_total > 0)
    out += html::note(std::to_string(r.missing_total) +
                      " verdicts were missing and are scored as not met (--allow-missing).");
  if (r.coerced_verdicts > 0)
    out += html::note(std::to_string(r.coerced_verdicts) + " criteria_met values were not JSON booleans (first at " +
                      r.coerced_example + ") and were read as the public evaluator reads them.");
  out += leaderboard(r, order);
  out += sweep(r, order);
  out += paired_differences(r, order);
  out += report_html_parts::slice_heatmaps(r, order);
  out += report_html_parts::item_analysis(r);
  out += report_html_parts::judge_agreement(r);
  out += about(r);
  return out + html::page_end();
}

}  // namespace cc::scoring
