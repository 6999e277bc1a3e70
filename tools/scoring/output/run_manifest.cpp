// run_manifest.json writer: what a run read, with which settings, and what it wrote.
#include <nlohmann/json.hpp>

#include "scoring/output/score_writers.h"

namespace cc::scoring {

void add_manifest_files(nlohmann::ordered_json& manifest, const std::vector<InputRecord>& inputs,
                        const std::vector<std::pair<std::string, std::string>>& outputs) {
  using Json = nlohmann::ordered_json;
  Json in = Json::array();
  for (const auto& f : inputs)
    in.push_back({{"role", f.role}, {"path", f.path}, {"bytes", f.bytes}, {"sha256", f.sha256}});
  manifest["inputs"] = std::move(in);
  Json out = Json::array();
  for (const auto& [name, sha] : outputs) out.push_back({{"path", name}, {"sha256", sha}});
  manifest["outputs"] = std::move(out);
}

std::string run_manifest_json(const ScoreReport& r, const std::string& command,
                              const std::vector<std::pair<std::string, std::string>>& outputs) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["tool"] = "clinconsensus";
  j["version"] = r.tool_version;
  j["command"] = command;
  j["k"] = r.settings.k;
  j["k_sweep"] = r.settings.k_sweep;
  j["seed"] = r.settings.seed;
  j["bootstrap_resamples"] = r.settings.resamples;
  j["ci_level_pct"] = r.settings.ci_level;
  j["judge"] = r.settings.judge;
  j["allow_missing"] = r.settings.allow_missing;
  j["missing_verdicts"] = r.missing_total;
  j["coerced_verdicts"] = r.coerced_verdicts;  // criteria_met read from text or a number (public layout)
  if (r.coerced_verdicts > 0) j["coerced_example"] = r.coerced_example;
  j["cases_source"] = r.cases_source;
  j["cases"] = r.cases ? r.cases->cases.size() : 0;
  j["models"] = Json::array();
  for (const auto& m : r.models) j["models"].push_back(m.model);
  add_manifest_files(j, r.inputs, outputs);
  return j.dump(2) + "\n";
}

}  // namespace cc::scoring
