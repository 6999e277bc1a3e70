// report.md writer: what a paper or a leaderboard page needs, in Markdown.
#include <algorithm>
#include <cmath>

#include "scoring/output/score_writers.h"
#include "scoring/output/text_format.h"
#include "scoring/input/verdict_collection.h"

namespace cc::scoring {
namespace {

std::string pct(double share) { return std::isfinite(share) ? format_fixed(100 * share, 1) + " %" : "–"; }

const char* dimension_title(const std::string& d) {
  if (d == "difficulty") return "Difficulty";
  if (d == "subject") return "Subject (specialty label)";
  if (d == "task") return "Task label";
  if (d == "care_stage") return "Care stage";
  if (d == "audience") return "Audience";
  if (d == "axis") return "Rubric axis";
  return "Safety-critical criteria";
}

void slice_tables(const ScoreReport& r, const std::vector<size_t>& order, std::string& out) {
  const std::string k = std::to_string(r.settings.k);
  std::string current;
  for (size_t s = 1; s < r.slices.size(); ++s) {
    const Slice& sl = r.slices[s];
    if (sl.dimension != current) {
      current = sl.dimension;
      out += "\n### " + std::string(dimension_title(current)) + " — " +
             (sl.per_criterion ? "Rubric Accuracy (%)" : "CACS@" + k + " (%)") + "\n\n| slice | cases |";
      for (size_t m : order) out.append(" ").append(md_cell(r.models[m].model)).append(" |");
      out += "\n|---|---:|";
      for (size_t i = 0; i < order.size(); ++i) out += "---:|";
      out += "\n";
    }
    out += "| " + md_cell(sl.value) + " | " + std::to_string(sl.cases.size()) + " |";
    for (size_t m : order) {
      const SliceScore& sc = r.models[m].slices[s];
      double v = sl.per_criterion ? sc.rubric_accuracy_pct : sc.cacs_at_k_pct.value_or(std::nan(""));
      out.append(" ").append(format_fixed(v, 1)).append(" |");
    }
    out += "\n";
  }
}

void sweep_tables(const ScoreReport& r, const std::vector<size_t>& order, std::string& out) {
  out +=
      "\n## k-sweep (overall)\n\npass@k is the survival curve of criteria met (the share of cases meeting at least k "
      "criteria); CACS@k averages it from k to R.\n";
  for (int which = 0; which < 2; ++which) {
    out += std::string("\n### ") + (which == 0 ? "pass@k" : "CACS@k") + " (%)\n\n| k |";
    for (size_t m : order) out.append(" ").append(md_cell(r.models[m].model)).append(" |");
    out += "\n|---:|";
    for (size_t i = 0; i < order.size(); ++i) out += "---:|";
    out += "\n";
    for (int k = 1; k <= r.settings.max_k; ++k) {
      out += "| " + std::to_string(k) + " |";
      for (size_t m : order) {
        const auto& sw = r.models[m].sweep;
        double v = static_cast<size_t>(k - 1) < sw.size() ? (which == 0 ? sw[static_cast<size_t>(k - 1)].pass_at_k_pct
                                                                        : sw[static_cast<size_t>(k - 1)].cacs_at_k_pct)
                                                          : std::nan("");
        out.append(" ").append(format_fixed(v, 1)).append(" |");
      }
      out += "\n";
    }
  }
}

void item_section(const ScoreReport& r, std::string& out) {
  long all_met = 0, none_met = 0, negative = 0, disagree = 0;
  std::vector<const ItemStats*> flagged_disagree, flagged_negative;
  for (const auto& s : r.items) {
    all_met += s.all_met;
    none_met += s.none_met;
    negative += s.negative_discrimination;
    disagree += s.judges_disagree;
    if (s.judge_disagreements > 0) flagged_disagree.push_back(&s);
    if (s.negative_discrimination) flagged_negative.push_back(&s);
  }
  out += "\n## Item analysis\n\n" + std::to_string(r.items.size()) + " criteria: " + std::to_string(all_met) +
         " met by every model, " + std::to_string(none_met) + " met by none, " + std::to_string(negative) +
         " met more often by weaker models (negative point-biserial), " + std::to_string(disagree) +
         " on which judges differ for at least " + format_fixed(100 * kJudgeDisagreementFlag, 0) +
         " % of models. Every criterion is in item_analysis.csv.\n";
  auto list = [&](const char* title, std::vector<const ItemStats*> items, auto&& less, auto&& figure) {
    if (items.empty()) return;
    std::stable_sort(items.begin(), items.end(), less);
    if (items.size() > 20) items.resize(20);
    out += std::string("\n### ") + title + "\n\n| criterion | axis | figure | text |\n|---|---|---:|---|\n";
    for (const ItemStats* s : items) {
      const ScoredCriterion& k = r.cases->criterion_of_cell(s->cell);
      out += "| " + md_cell(k.criterion_id) + " | " + md_cell(k.axis) + " | " + figure(*s) + " | " +
             md_cell(k.criterion) + " |\n";
    }
  };
  list(
      "Criteria judges disagree on most (share of models)", flagged_disagree,
      [](const ItemStats* a, const ItemStats* b) { return a->judge_disagreement_share > b->judge_disagreement_share; },
      [](const ItemStats& s) { return pct(s.judge_disagreement_share.value_or(std::nan(""))); });
  list(
      "Criteria weaker models meet more often (point-biserial r)", flagged_negative,
      [](const ItemStats* a, const ItemStats* b) { return a->point_biserial < b->point_biserial; },
      [](const ItemStats& s) { return format_fixed(s.point_biserial.value_or(std::nan("")), 2); });
}

}  // namespace

std::string report_md(const ScoreReport& r) {
  const auto& st = r.settings;
  const std::string k = std::to_string(st.k);
  const std::string level = format_fixed(st.ci_level, 0);
  std::vector<size_t> order = r.leaderboard();
  std::string out = "# ClinConsensus scores\n\n";
  out += "Judge: " + md_cell(judge_display_name(st.judge)) + " · k = " + k + " · " +
         std::to_string(r.cases->cases.size()) + " cases, " + std::to_string(r.cases->cell_count()) + " criteria · " +
         std::to_string(r.models.size()) + " models · ";
  out += st.resamples > 0 ? std::to_string(st.resamples) + " bootstrap resamples over cases (seed " +
                                std::to_string(st.seed) + "), " + level + " % percentile intervals"
                          : std::string("no bootstrap");
  out += ". Cases: " + md_cell(r.cases_source) + ".\n";
  if (r.missing_total > 0) {
    out += "\n> **" + std::to_string(r.missing_total) +
           " verdicts were missing and are scored as not met (--allow-missing):**";
    for (const auto& m : r.models)
      if (m.missing > 0)
        out.append(" ").append(md_cell(m.model)).append(" ").append(std::to_string(m.missing)).append(";");
    out += "\n";
  }
  if (r.coerced_verdicts > 0)
    out += "\n> **" + std::to_string(r.coerced_verdicts) +
           " criteria_met values were not JSON booleans** (text such as \"yes\" or \" TRUE \", or the numbers 0 and "
           "1; first at " +
           md_cell(r.coerced_example) +
           ") and were read as the public evaluator reads them. Ask the judge for true or false.\n";
  out += "\n## Leaderboard\n\n| rank | model | CACS@" + k + " (%) [" + level + " % CI] | pass@" + k + " (%) [" + level +
         " % CI] | Rubric Accuracy (%) [" + level + " % CI] | missing |\n|---:|---|---:|---:|---:|---:|\n";
  for (size_t i = 0; i < order.size(); ++i) {
    const ModelResult& mr = r.models[order[i]];
    const SliceScore& s = mr.slices[0];
    MetricIntervals ci;
    if (!r.bootstrap.intervals.empty()) ci = r.bootstrap.intervals[0][order[i]];
    out += "| " + std::to_string(i + 1) + " | " + md_cell(mr.model) + " | " +
           format_with_interval(s.cacs_at_k_pct.value_or(0), ci.cacs_at_k) + " | " +
           format_with_interval(s.pass_at_k_pct.value_or(0), ci.pass_at_k) + " | " +
           format_with_interval(s.rubric_accuracy_pct, ci.rubric_accuracy) + " | " + std::to_string(mr.missing) +
           " |\n";
  }
  if (!r.bootstrap.pairwise.empty()) {
    out += "\n## Paired differences (overall, CACS@" + k +
           ")\n\nSame cases, same resamples; \"leads\" is the share of "
           "resamples in which that model is ahead.\n\n| model A | model B | A − B | " +
           level + " % CI | A leads | B leads |\n|---|---|---:|---:|---:|---:|\n";
    for (const auto& p : r.bootstrap.pairwise) {
      if (p.metric != kCacsAtK) continue;
      std::string ci = format_interval(p.ci);
      out += "| " + md_cell(r.models[p.a].model) + " | " + md_cell(r.models[p.b].model) + " | " +
             format_fixed(p.difference, 1) + " | " + ci + " | " + pct(p.share_a_leads) + " | " + pct(p.share_b_leads) +
             " |\n";
    }
  }
  out += "\n## By slice\n";
  slice_tables(r, order, out);
  if (st.k_sweep) sweep_tables(r, order, out);
  item_section(r, out);
  return out;
}

}  // namespace cc::scoring
