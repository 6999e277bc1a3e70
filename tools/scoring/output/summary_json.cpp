// summary.json writer.
#include <cmath>

#include <nlohmann/json.hpp>

#include "scoring/output/score_writers.h"

namespace cc::scoring {
namespace {

using Json = nlohmann::ordered_json;

Json pair(const Interval& iv) { return Json::array({json_number(iv.low), json_number(iv.high)}); }

}  // namespace

Json json_number(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }
Json json_number(const std::optional<double>& v) { return v ? json_number(*v) : Json(nullptr); }

std::string summary_json(const ScoreReport& r) {
  Json j;
  j["tool"] = "clinconsensus";
  j["version"] = r.tool_version;
  j["k"] = r.settings.k;
  j["k_sweep"] = r.settings.k_sweep;
  j["bootstrap_resamples"] = r.settings.resamples;
  j["seed"] = r.settings.seed;
  j["ci_level_pct"] = json_number(r.settings.ci_level);
  j["judge"] = r.settings.judge;
  j["judges_read"] = r.judges;
  j["allow_missing"] = r.settings.allow_missing;
  j["missing_verdicts"] = r.missing_total;
  j["cases"] = r.cases->cases.size();
  j["criteria"] = r.cases->cell_count();
  j["retired_cases_left_out"] = r.retired_skipped;
  Json models = Json::array();
  for (size_t m = 0; m < r.models.size(); ++m) {
    const ModelResult& mr = r.models[m];
    Json jm;
    jm["model"] = mr.model;
    jm["missing_verdicts"] = mr.missing;
    Json slices = Json::array();
    for (size_t s = 0; s < r.slices.size(); ++s) {
      const SliceScore& sc = mr.slices[s];
      MetricIntervals ci;
      if (s < r.bootstrap.intervals.size() && m < r.bootstrap.intervals[s].size()) ci = r.bootstrap.intervals[s][m];
      Json js;
      js["slice"] = r.slices[s].name;
      js["threshold"] = r.settings.k;
      js["cases"] = sc.cases;
      js["rubrics"] = sc.rubrics;
      js["positive"] = sc.positive;
      js["rubric_accuracy_pct"] = json_number(sc.rubric_accuracy_pct);
      js["pass_at_k_pct"] = json_number(sc.pass_at_k_pct);
      js["cacs_at_k_pct"] = json_number(sc.cacs_at_k_pct);
      js["ci"] = {{"rubric_accuracy_pct", pair(ci.rubric_accuracy)},
                  {"pass_at_k_pct", pair(ci.pass_at_k)},
                  {"cacs_at_k_pct", pair(ci.cacs_at_k)}};
      js["missing"] = sc.missing;
      slices.push_back(std::move(js));
    }
    jm["slices"] = std::move(slices);
    if (r.settings.k_sweep) {
      Json sweep = Json::array();
      for (const auto& p : mr.sweep)
        sweep.push_back({{"k", p.k},
                         {"pass_at_k_pct", json_number(p.pass_at_k_pct)},
                         {"cacs_at_k_pct", json_number(p.cacs_at_k_pct)}});
      jm["k_sweep"] = std::move(sweep);
    }
    models.push_back(std::move(jm));
  }
  j["models"] = std::move(models);
  Json board = Json::array();
  for (size_t m : r.leaderboard()) board.push_back(r.models[m].model);
  j["leaderboard"] = std::move(board);
  Json pairs = Json::array();
  for (const auto& p : r.bootstrap.pairwise)
    pairs.push_back({{"model_a", r.models[p.a].model},
                     {"model_b", r.models[p.b].model},
                     {"metric", metric_column(p.metric)},
                     {"difference", json_number(p.difference)},
                     {"ci", pair(p.ci)},
                     {"share_a_leads", json_number(p.share_a_leads)},
                     {"share_b_leads", json_number(p.share_b_leads)}});
  j["pairwise"] = std::move(pairs);
  long all_met = 0, none_met = 0, negative = 0, disagree = 0;
  for (const auto& s : r.items) {
    all_met += s.all_met;
    none_met += s.none_met;
    negative += s.negative_discrimination;
    disagree += s.judges_disagree;
  }
  j["item_analysis"] = {{"criteria", r.items.size()},
                        {"all_met", all_met},
                        {"none_met", none_met},
                        {"negative_discrimination", negative},
                        {"judges_disagree", disagree}};
  return j.dump(2) + "\n";
}

}  // namespace cc::scoring
