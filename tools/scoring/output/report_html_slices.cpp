// report.html: the model × slice heatmaps, the item analysis and the judge agreement.
#include <algorithm>
#include <cmath>

#include "core/html/html_chart.h"
#include "core/html/html_page.h"
#include "core/number_format.h"
#include "scoring/input/verdict_collection.h"
#include "scoring/output/report_html_parts.h"

namespace cc::scoring::report_html_parts {
namespace {

const char* dimension_heading(const std::string& d) {
  if (d == "difficulty") return "Difficulty tier";
  if (d == "subject") return "Specialty";
  if (d == "task") return "Task";
  if (d == "care_stage") return "Care stage";
  if (d == "audience") return "Audience";
  if (d == "axis") return "Rubric axis";
  return "Safety-critical criteria";
}

std::string pct_or_dash(const std::optional<double>& share) {
  return format_fixed(share ? std::optional<double>(100 * *share) : std::nullopt, 1);
}

}  // namespace

std::string slice_heatmaps(const ScoreReport& r, const std::vector<size_t>& order) {
  const std::string k = std::to_string(r.settings.k);
  std::string out = html::section_begin("slices", "Where each model fails: model × slice");
  out += html::note(
      "Each cell is the model's figure on the cases (or, for rubric axes and critical criteria, the "
      "criteria) of that slice: CACS@" +
      k +
      " for case slices, Rubric Accuracy for criterion slices. "
      "n is the number of cases in the slice; a case with several specialty or task labels counts in "
      "each. Colours span each heatmap's own range.");
  size_t s = 1;
  while (s < r.slices.size()) {
    const std::string dim = r.slices[s].dimension;
    size_t end = s;
    while (end < r.slices.size() && r.slices[end].dimension == dim) ++end;
    const bool per_criterion = r.slices[s].per_criterion;
    const std::string metric = per_criterion ? "Rubric Accuracy (%)" : "CACS@" + k + " (%)";
    html::Heatmap h;
    h.id = "heat-" + dim;
    h.aria_label = std::string(dimension_heading(dim)) + " × model, " + metric;
    h.scale_label = metric;
    for (size_t m : order) h.cols.push_back(r.models[m].model);
    double lo = 100, hi = 0;
    html::Table t;
    t.id = "table-" + dim;
    t.head = {dimension_heading(dim), "cases"};
    t.numeric = {false, true};
    if (per_criterion) t.head.push_back("criteria"), t.numeric.push_back(true);
    for (size_t m : order) t.head.push_back(r.models[m].model), t.numeric.push_back(true);
    for (size_t i = s; i < end; ++i) {
      const Slice& sl = r.slices[i];
      const size_t n = sl.cases.size();
      if (n < kFewCases) h.marked_meaning = "fewer than " + std::to_string(kFewCases) + " cases: read with care";
      h.rows.push_back(dim == "critical" ? "critical criteria" : sl.value);
      h.row_notes.push_back("n = " + std::to_string(n));
      std::vector<html::HeatCell> row;
      std::vector<std::string> trow{sl.value, std::to_string(n)};
      if (per_criterion) trow.push_back(std::to_string(sl.cells.size()));
      for (size_t m : order) {
        const SliceScore& sc = r.models[m].slices[i];
        double v = per_criterion ? sc.rubric_accuracy_pct : sc.cacs_at_k_pct.value_or(std::nan(""));
        html::HeatCell c;
        c.value = v;
        c.text = format_fixed(v, 1);
        c.marked = n < kFewCases;
        c.title = r.models[m].model + " · " + sl.value + ": " + c.text + " % (n = " + std::to_string(n) + " cases" +
                  (per_criterion ? ", " + std::to_string(sl.cells.size()) + " criteria" : "") + ")";
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
        trow.push_back(c.text);
        row.push_back(std::move(c));
      }
      h.cells.push_back(std::move(row));
      t.rows.push_back(std::move(trow));
      t.row_class.push_back(n < kFewCases ? "flag" : "");
    }
    h.lo = std::floor(lo / 10) * 10;
    h.hi = std::max(h.lo + 10, std::ceil(hi / 10) * 10);
    out += "<h3 id=\"dim-" + html::escape(dim) + "\">" + html::escape(dimension_heading(dim)) + " — " +
           html::escape(metric) + "</h3>\n" + html::heatmap(h) + html::folded("Numbers as a table", html::table(t));
    s = end;
  }
  return out + html::section_end();
}

std::string item_analysis(const ScoreReport& r) {
  long all_met = 0, none_met = 0, negative = 0, disagree = 0;
  std::vector<const ItemStats*> ranked, disagreed;
  for (const auto& s : r.items) {
    all_met += s.all_met;
    none_met += s.none_met;
    negative += s.negative_discrimination;
    disagree += s.judges_disagree;
    if (s.point_biserial) ranked.push_back(&s);
    if (s.judge_disagreements > 0) disagreed.push_back(&s);
  }
  std::string out = html::section_begin("items", "Item analysis: which criteria separate the models");
  out += html::note(std::to_string(r.items.size()) + " criteria: " + std::to_string(all_met) + " met by every model, " +
                    std::to_string(none_met) + " met by none, " + std::to_string(negative) +
                    " met more often by weaker models (negative point-biserial r), " + std::to_string(disagree) +
                    " on which judges differ for at least " + format_fixed(100 * kJudgeDisagreementFlag, 0) +
                    " % of models. r is the correlation, across models, between meeting the criterion and the "
                    "model's score on its case. Every criterion is in item_analysis.csv.");
  // With few criteria the two ends share none: the most discriminating list takes the upper
  // half at most, the least discriminating one the rest.
  const size_t top_n = std::min(kItemRows, (ranked.size() + 1) / 2),
               bottom_n = std::min(kItemRows, ranked.size() - top_n);
  auto list = [&](const std::string& title, std::vector<const ItemStats*> items, size_t n, auto&& before) {
    n = std::min(n, items.size());
    if (n == 0) return;
    std::partial_sort(items.begin(), items.begin() + static_cast<long>(n), items.end(), before);
    items.resize(n);
    html::Table t;
    t.head = {"criterion", "case", "axis", "models meeting it (%)", "r", "judges differ (%)", "criterion text"};
    t.numeric = {false, false, false, true, true, true, false};
    for (const ItemStats* s : items) {
      const ScoredCriterion& c = r.cases->criterion_of_cell(s->cell);
      t.rows.push_back({c.criterion_id, r.cases->cases[r.cases->case_of_cell(s->cell)].case_id, c.axis,
                        pct_or_dash(s->met_share), format_fixed(s->point_biserial, 2),
                        pct_or_dash(s->judge_disagreement_share), std::string(c.criterion)});
      t.row_class.push_back(s->negative_discrimination ? "flag" : "");
    }
    out += "<h3>" + html::escape(title) + "</h3>\n" + html::table(t);
  };
  // Ties broken by cell, so the lists never depend on the sort's whims.
  list("Most discriminating criteria (highest r)", ranked, top_n, [](const ItemStats* a, const ItemStats* b) {
    return *a->point_biserial != *b->point_biserial ? *a->point_biserial > *b->point_biserial : a->cell < b->cell;
  });
  list("Least discriminating criteria (lowest r; highlighted: weaker models meet them more often)", ranked, bottom_n,
       [](const ItemStats* a, const ItemStats* b) {
         return *a->point_biserial != *b->point_biserial ? *a->point_biserial < *b->point_biserial : a->cell < b->cell;
       });
  list("Criteria the judges disagree on most", disagreed, kItemRows, [](const ItemStats* a, const ItemStats* b) {
    double x = a->judge_disagreement_share.value_or(0), y = b->judge_disagreement_share.value_or(0);
    return x != y ? x > y : a->cell < b->cell;
  });
  if (ranked.empty())
    out += html::note("No criterion has a point-biserial r: that needs at least two models whose scores differ.");
  return out + html::section_end();
}

std::string judge_agreement(const ScoreReport& r) {
  if (r.agreement.empty()) return "";
  std::string out = html::section_begin("agreement", "Judge agreement");
  out += html::note("The scored judge (" + judge_display_name(r.settings.judge) +
                    ") against every other judge in the inputs, on the criteria both judged, pooled over the models "
                    "both rated. κ is Cohen's kappa; F1 takes the other judge as the reference.");
  html::Table t;
  t.id = "table-agreement";
  t.head = {"judge A", "judge B",    "slice",    "criteria both judged", "agreement (%)", "κ",
            "F1 met",  "F1 not met", "macro F1", "judged by one only"};
  t.numeric = {false, false, false, true, true, true, true, true, true, true};
  auto f2 = [](const std::optional<double>& v) { return v ? format_fixed(*v, 3) : std::string("–"); };
  for (const AgreementReport& a : r.agreement)
    for (const AgreementRow& row : a.rows)
      t.rows.push_back({row.rater_a, row.rater_b, row.slice, std::to_string(row.figures.n),
                        format_fixed(row.figures.agreement_pct, 1), f2(row.figures.kappa), f2(row.figures.met.f1),
                        f2(row.figures.not_met.f1), f2(row.figures.macro_f1), std::to_string(row.unpaired)});
  return out + html::table(t) + html::section_end();
}

}  // namespace cc::scoring::report_html_parts
