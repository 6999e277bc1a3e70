#include "irt/item_bank.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "irt/csv_table.h"
#include "irt/irt_messages.h"
#include "scoring/output/text_format.h"

namespace cc::irt {
namespace {

using scoring::append_csv_field;
using scoring::append_csv_integer;
using scoring::append_csv_number;

// A JSON number, or null for NaN and infinity.
nlohmann::ordered_json number(double v) {
  return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json();
}

}  // namespace

void group_items_by_case(ItemBank& bank) {
  std::unordered_map<std::string, uint32_t> index;
  bank.cases.clear();
  bank.case_items.clear();
  for (uint32_t i = 0; i < bank.case_ids.size(); ++i) {
    auto [it, fresh] = index.emplace(bank.case_ids[i], static_cast<uint32_t>(bank.cases.size()));
    if (fresh) {
      bank.cases.push_back(bank.case_ids[i]);
      bank.case_items.emplace_back();
    }
    bank.case_items[it->second].push_back(i);
  }
}

ItemBank bank_from_fit(const FitResult& fit, const ResponseMatrix& data) {
  ItemBank bank;
  bank.guessing = fit.model == ItemModel::ThreePL;
  bank.ids = data.items;
  bank.case_ids = data.item_case;
  bank.trials = data.max_trials;
  bool all_cases = true;
  for (size_t i = 0; i < fit.items.size(); ++i) {
    bank.params.push_back(fit.items[i].params);
    all_cases &= bank.ids[i] == bank.case_ids[i];
  }
  bank.unit = all_cases ? ItemUnit::Case : ItemUnit::Criterion;
  if (!fit.abilities.empty()) {
    bank.ability_min = bank.ability_max = fit.abilities[0].theta;
    for (const auto& a : fit.abilities) {
      bank.ability_min = std::min(bank.ability_min, a.theta);
      bank.ability_max = std::max(bank.ability_max, a.theta);
    }
    bank.ability_range_known = bank.ability_min < bank.ability_max;
  }
  group_items_by_case(bank);
  return bank;
}

std::string items_csv(const FitResult& fit, const ResponseMatrix& data) {
  const bool g = fit.model == ItemModel::ThreePL;
  std::string out = g ? "item,discrimination,difficulty,guessing,intercept,se_discrimination,se_difficulty,se_guessing,"
                      : "item,discrimination,difficulty,intercept,se_discrimination,se_difficulty,";
  out += "se_intercept,fit_q1,fit_df,fit_p,respondents,mean_score,case_id,trials\n";
  for (size_t i = 0; i < fit.items.size(); ++i) {
    const ItemEstimate& e = fit.items[i];
    append_csv_field(out, data.items[i], ',');
    append_csv_number(out, e.params.a, ',');
    append_csv_number(out, e.params.difficulty(), ',');
    if (g) append_csv_number(out, e.params.g, ',');
    append_csv_number(out, e.params.d, ',');
    append_csv_number(out, e.se_a, ',');
    append_csv_number(out, e.se_b, ',');
    if (g) append_csv_number(out, e.se_g, ',');
    append_csv_number(out, e.se_d, ',');
    append_csv_number(out, e.fit_q1, ',');
    append_csv_integer(out, e.fit_df, ',');
    append_csv_number(out, e.fit_p, ',');
    append_csv_integer(out, e.respondents, ',');
    append_csv_number(out, e.mean_score, ',');
    append_csv_field(out, data.item_case[i], ',');
    append_csv_integer(out, data.max_trials[i], '\n');
  }
  return out;
}

std::string respondents_csv(const FitResult& fit, const ResponseMatrix& data) {
  std::string out = "model,judge,repeat,ability,se,trials\n";
  for (size_t j = 0; j < fit.abilities.size(); ++j) {
    const Respondent& r = data.respondents[j];
    append_csv_field(out, r.model, ',');
    append_csv_field(out, r.judge, ',');
    append_csv_integer(out, r.repeat, ',');
    append_csv_number(out, fit.abilities[j].theta, ',');
    append_csv_number(out, fit.abilities[j].se, ',');
    append_csv_integer(out, fit.abilities[j].trials, '\n');
  }
  return out;
}

std::string fit_json(const FitResult& fit, const ResponseMatrix& data, const FitOptions& o,
                     const std::vector<std::string>& warnings) {
  using Json = nlohmann::ordered_json;
  const bool case_unit = !data.max_trials.empty() &&
                         std::any_of(data.max_trials.begin(), data.max_trials.end(), [](uint8_t t) { return t != 1; });
  double lo = 0, hi = 0;
  if (!fit.abilities.empty()) {
    auto [mn, mx] =
        std::minmax_element(fit.abilities.begin(), fit.abilities.end(),
                            [](const AbilityEstimate& x, const AbilityEstimate& y) { return x.theta < y.theta; });
    lo = mn->theta;
    hi = mx->theta;
  }
  Json j;
  j["model"] = std::string(model_name(fit.model));
  j["unit"] = case_unit ? "case" : "criterion";
  j["respondents"] = data.respondent_count();
  j["items"] = data.item_count();
  j["method"] = "marginal maximum likelihood (Bock-Aitkin EM, PX-EM latent rescaling), MAP with priors";
  j["quadrature"] = {{"rule", "gauss-hermite"}, {"points", o.quadrature_points}};
  j["priors"] = {{"log_slope", {{"mean", o.priors.log_a_mean}, {"sd", o.priors.log_a_sd}}},
                 {"intercept", {{"mean", 0}, {"sd", o.priors.d_sd}}}};
  if (fit.model == ItemModel::ThreePL)
    j["priors"]["guessing"] = {{"alpha", o.priors.g_alpha}, {"beta", o.priors.g_beta}};
  j["log_likelihood"] = number(fit.log_likelihood);
  j["log_posterior"] = number(fit.log_posterior);
  j["iterations"] = fit.iterations;
  j["converged"] = fit.converged;
  j["tolerance"] = o.tolerance;
  j["last_change"] = number(fit.last_change);
  j["ability"] = {{"method", "MAP, N(0, 1) prior"}, {"min", number(lo)}, {"max", number(hi)}};
  j["standard_errors"] = "per item: observed information by Louis' formula (cross-item terms left out)";
  j["item_fit"] = "Yen's Q1 over ability groups";
  j["warnings"] = warnings;
  Json curve = Json::array();
  for (const auto& [theta, info] : fit.information)
    curve.push_back(
        {{"theta", theta}, {"information", number(info)}, {"se", number(info > 0 ? 1 / std::sqrt(info) : NAN)}});
  j["test_information"] = std::move(curve);
  return j.dump(2) + "\n";
}

Result<ItemBank> read_item_bank(const std::string& open_path, const std::string& display_path, Lang lang) {
  CC_TRY_ASSIGN(CsvTable t, read_csv_file(open_path, display_path, lang));
  auto col = [&](std::string_view name) { return t.column(name); };
  const auto item = col("item"), a = col("discrimination"), b = col("difficulty"), d = col("intercept"),
             g = col("guessing"), cid = col("case_id"), tr = col("trials");
  if (!item || !a || (!b && !d))
    return Error(display_path + ":1: " + irt_message(lang, "items/columns"), Error::Kind::Input);
  ItemBank bank;
  bank.guessing = g.has_value();
  bool all_cases = true;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    const std::string where = display_path + ":" + std::to_string(t.lines[r]) + ": ";
    auto num = [&](std::optional<size_t> c, const char* name) -> Result<double> {
      auto v = parse_double(row[*c]);
      if (!v)
        return Error(where + irt_message(lang, "items/number", {{"column", name}, {"value", row[*c]}}),
                     Error::Kind::Input);
      return *v;
    };
    ItemParams p;
    CC_TRY_ASSIGN(p.a, num(a, "discrimination"));
    if (!(p.a > 0)) return Error(where + irt_message(lang, "items/slope"), Error::Kind::Input);
    if (d) {
      CC_TRY_ASSIGN(p.d, num(d, "intercept"));
    } else {
      CC_TRY_ASSIGN(double diff, num(b, "difficulty"));
      p.d = -p.a * diff;
    }
    if (g) {
      CC_TRY_ASSIGN(p.g, num(g, "guessing"));
      if (p.g < 0 || p.g >= 1) return Error(where + irt_message(lang, "items/guessing"), Error::Kind::Input);
    }
    int trials = 1;
    if (tr) {
      CC_TRY_ASSIGN(double v, num(tr, "trials"));
      if (v < 1 || v > 255 || v != std::floor(v))
        return Error(where + irt_message(lang, "items/trials"), Error::Kind::Input);
      trials = static_cast<int>(v);
    }
    bank.ids.push_back(row[*item]);
    bank.case_ids.push_back(cid ? row[*cid] : row[*item]);
    bank.params.push_back(p);
    bank.trials.push_back(static_cast<uint8_t>(trials));
    all_cases &= bank.case_ids.back() == bank.ids.back();
  }
  if (bank.ids.empty()) return Error(display_path + ": " + irt_message(lang, "items/none"), Error::Kind::Input);
  bank.unit = all_cases ? ItemUnit::Case : ItemUnit::Criterion;
  group_items_by_case(bank);
  // The abilities the calibration spanned, from respondents.csv beside the items.
  const std::string resp = (std::filesystem::path(open_path).parent_path() / "respondents.csv").string();
  std::error_code ec;
  if (std::filesystem::exists(resp, ec)) {
    CC_TRY_ASSIGN(CsvTable rt, read_csv_file(resp, resp, lang));
    if (auto ab = rt.column("ability")) {
      double lo = std::numeric_limits<double>::infinity(), hi = -lo;
      for (const auto& row : rt.rows)
        if (auto v = parse_double(row[*ab])) lo = std::min(lo, *v), hi = std::max(hi, *v);
      if (lo < hi) {
        bank.ability_min = lo;
        bank.ability_max = hi;
        bank.ability_range_known = true;
      }
    }
  }
  return bank;
}

}  // namespace cc::irt
