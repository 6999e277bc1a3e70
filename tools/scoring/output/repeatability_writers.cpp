#include <cmath>

#include <nlohmann/json.hpp>

#include "scoring/output/agree_writers.h"
#include "scoring/output/score_writers.h"
#include "scoring/output/text_format.h"

namespace cc::scoring {

using Json = nlohmann::ordered_json;

std::string repeatability_text(const Repeatability& r) {
  std::vector<std::vector<std::string>> pairs{{"repeats", "n", "agree %", "kappa"}};
  for (const auto& p : r.pairs)
    pairs.push_back({p.a + " vs " + p.b, std::to_string(p.figures.n), format_fixed(p.figures.agreement_pct, 1),
                     format_fixed(p.figures.kappa, 3)});
  std::string out = aligned_table(pairs, 1);
  out += "mean kappa between repeats: " + format_fixed(r.mean_kappa, 3) + "\n\n";
  std::vector<std::vector<std::string>> models{{"model"}};
  for (const auto& name : r.repeats) models[0].push_back("CACS@" + std::to_string(r.k) + " " + name);
  models[0].push_back("SD");
  for (const auto& m : r.models) {
    std::vector<std::string> row{m.model};
    for (const auto& c : m.cacs) row.push_back(format_fixed(c, 2));
    row.push_back(format_fixed(m.sd, 2));
    models.push_back(std::move(row));
  }
  out += aligned_table(models, 1);
  out += "(– : that repeat has missing verdicts; SD over the repeats with a figure, n − 1)\n";
  return out;
}

std::string repeatability_json(const Repeatability& r) {
  Json j;
  j["judge"] = r.judge;
  j["k"] = r.k;
  j["repeats"] = r.repeats;
  Json pairs = Json::array();
  for (const auto& p : r.pairs)
    pairs.push_back({{"a", p.a},
                     {"b", p.b},
                     {"n", p.figures.n},
                     {"agreement_pct", json_number(p.figures.agreement_pct)},
                     {"kappa", json_number(p.figures.kappa)}});
  j["pairs"] = std::move(pairs);
  j["mean_kappa"] = json_number(r.mean_kappa);
  Json models = Json::array();
  for (const auto& m : r.models) {
    Json cacs = Json::array();
    for (const auto& c : m.cacs) cacs.push_back(json_number(c));
    models.push_back({{"model", m.model}, {"cacs_at_k_pct", std::move(cacs)}, {"sd", json_number(m.sd)}});
  }
  j["models"] = std::move(models);
  return j.dump(2) + "\n";
}

}  // namespace cc::scoring
