#include "scoring/output/agree_writers.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "scoring/output/score_writers.h"
#include "scoring/output/text_format.h"

namespace cc::scoring {
namespace {

using Json = nlohmann::ordered_json;

const char* verdict_text(Verdict v) { return v == Verdict::Met ? "met" : v == Verdict::NotMet ? "not met" : ""; }

}  // namespace

std::string agreement_csv(const AgreeReport& r) {
  std::string out =
      "rater_a,rater_b,slice,n,both_met,a_only,b_only,neither,unpaired,agreement_pct,kappa,precision_met,recall_met,"
      "f1_met,precision_not_met,recall_not_met,f1_not_met,macro_f1\n";
  for (const auto& row : r.agreement.rows) {
    const auto& f = row.figures;
    const auto& t = row.table;
    append_csv_row(out, {row.rater_a, row.rater_b, row.slice, std::to_string(t.n()), std::to_string(t.both_met),
                         std::to_string(t.a_only), std::to_string(t.b_only), std::to_string(t.neither),
                         std::to_string(row.unpaired), format_number(f.agreement_pct), format_number(f.kappa),
                         format_number(f.met.precision), format_number(f.met.recall), format_number(f.met.f1),
                         format_number(f.not_met.precision), format_number(f.not_met.recall),
                         format_number(f.not_met.f1), format_number(f.macro_f1)});
  }
  return out;
}

std::string disagreements_csv(const AgreeReport& r) {
  std::string out = "case_id,criterion_id,model,axis,critical,judge_a,verdict_a,judge_b,verdict_b,gold,criterion\n";
  for (const auto& d : r.agreement.disagreements) {
    const ScoredCase& c = r.cases->cases[r.cases->case_of_cell(d.cell)];
    const ScoredCriterion& k = r.cases->criterion_of_cell(d.cell);
    append_csv_row(out, {c.case_id, k.criterion_id, d.model, k.axis, k.critical ? "true" : "false", r.agreement.rater_a,
                         verdict_text(d.a), r.agreement.rater_b, verdict_text(d.b), verdict_text(d.gold), k.criterion});
  }
  return out;
}

std::string agreement_json(const AgreeReport& r) {
  Json j;
  j["tool"] = "clinconsensus";
  j["version"] = r.tool_version;
  j["rater_a"] = r.agreement.rater_a;
  j["rater_b"] = r.agreement.rater_b;
  j["gold"] = r.agreement.has_gold;
  j["cases_source"] = r.cases_source;
  j["models"] = r.agreement.models;
  j["disagreements"] = r.agreement.disagreements.size();
  Json rows = Json::array();
  for (const auto& row : r.agreement.rows) {
    const auto& f = row.figures;
    const auto& t = row.table;
    rows.push_back({{"rater_a", row.rater_a},
                    {"rater_b", row.rater_b},
                    {"slice", row.slice},
                    {"n", t.n()},
                    {"both_met", t.both_met},
                    {"a_only", t.a_only},
                    {"b_only", t.b_only},
                    {"neither", t.neither},
                    {"unpaired", row.unpaired},
                    {"agreement_pct", json_number(f.agreement_pct)},
                    {"kappa", json_number(f.kappa)},
                    {"met",
                     {{"precision", json_number(f.met.precision)},
                      {"recall", json_number(f.met.recall)},
                      {"f1", json_number(f.met.f1)}}},
                    {"not_met",
                     {{"precision", json_number(f.not_met.precision)},
                      {"recall", json_number(f.not_met.recall)},
                      {"f1", json_number(f.not_met.f1)}}},
                    {"macro_f1", json_number(f.macro_f1)}});
  }
  j["rows"] = std::move(rows);
  return j.dump(2) + "\n";
}

std::string agree_manifest_json(const AgreeReport& r, const std::string& command,
                                const std::vector<std::pair<std::string, std::string>>& outputs) {
  Json j;
  j["tool"] = "clinconsensus";
  j["version"] = r.tool_version;
  j["command"] = command;
  j["rater_a"] = r.agreement.rater_a;
  j["rater_b"] = r.agreement.rater_b;
  j["gold"] = r.agreement.has_gold;
  j["cases_source"] = r.cases_source;
  add_manifest_files(j, r.inputs, outputs);
  return j.dump(2) + "\n";
}

std::string agreement_text(const AgreeReport& r) {
  const AgreementReport& a = r.agreement;
  std::vector<std::vector<std::string>> table{
      {"raters", "slice", "n", "agree %", "kappa", "F1 met", "F1 not met", "macro-F1", "unpaired"}};
  for (const auto& row : a.rows) {
    bool overview = row.slice == "overall";
    bool main_pair = row.rater_a == a.rater_a && row.rater_b == a.rater_b;
    if (!overview && !main_pair) continue;
    const auto& f = row.figures;
    table.push_back({row.rater_a + " vs " + row.rater_b, row.slice, std::to_string(f.n),
                     format_fixed(f.agreement_pct, 1), format_fixed(f.kappa, 3), format_fixed(f.met.f1, 3),
                     format_fixed(f.not_met.f1, 3), format_fixed(f.macro_f1, 3), std::to_string(row.unpaired)});
  }
  std::string out = aligned_table(table, 2);
  out += std::to_string(a.disagreements.size()) + " criterion verdicts differ between " + a.rater_a + " and " +
         a.rater_b + " (" + std::to_string(a.models.size()) + " models)\n";
  return out;
}

}  // namespace cc::scoring
