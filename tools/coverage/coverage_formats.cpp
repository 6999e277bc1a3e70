// Machine-readable renderings of a coverage report: JSON (one object) and CSV (one long
// table, a `kind` column saying what each row is), for CI and spreadsheets.
#include <nlohmann/json.hpp>

#include "coverage/coverage_render.h"

namespace cc::coverage {
namespace {

std::string csv_field(const std::string& v) {
  if (v.find_first_of(",\"\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

double round_to(double v, int decimals) {
  double f = 1;
  for (int i = 0; i < decimals; ++i) f *= 10;
  return static_cast<double>(static_cast<long long>(v * f + (v < 0 ? -0.5 : 0.5))) / f;
}

}  // namespace

void render_coverage_json(const CoverageRenderInput& in, std::ostream& out) {
  using json = nlohmann::ordered_json;
  const auto& r = in.report;
  json specialties = json::array(), tasks = json::array();
  for (const Label* l : r.specialties) specialties.push_back({{"code", l->code}, {"zh", l->zh}, {"en", l->en}});
  for (const Label* l : r.tasks) tasks.push_back({{"code", l->code}, {"zh", l->zh}, {"en", l->en}});
  json marginals = json::object();
  for (const auto& m : r.marginals) {
    json rows = json::array();
    for (const auto& row : m.rows) {
      json j{{"label", row.label}, {"code", row.code}, {"count", row.count}, {"share_pct", round_to(row.share_pct, 2)}};
      if (row.target_pct) j["target_pct"] = *row.target_pct, j["out_of_tolerance"] = row.out_of_tolerance;
      rows.push_back(std::move(j));
    }
    json jm{{"total", m.total}, {"rows", std::move(rows)}};
    if (m.chi_square) jm["chi_square"] = round_to(*m.chi_square, 6);
    marginals[m.dimension] = std::move(jm);
  }
  json misses = json::array();
  for (const auto& m : r.misses)
    misses.push_back({{"kind", miss_kind_name(m.kind)},
                      {"dimension", m.dimension},
                      {"label", m.label},
                      {"label2", m.label2},
                      {"actual", round_to(m.actual, 2)},
                      {"target", m.target},
                      {"message", describe_miss(m, r.targets, in.lang)}});
  const auto& b = r.balance;
  json doc{{"cases", r.cases},
           {"criteria", r.criteria},
           {"targets",
            {{"total_cases", r.targets.total_cases},
             {"specialty_min", r.targets.specialty_min},
             {"specialty_max", r.targets.specialty_max},
             {"cell_min", r.targets.cell_min},
             {"tolerance_pct", r.targets.tolerance_pct}}},
           {"specialties", std::move(specialties)},
           {"tasks", std::move(tasks)},
           {"matrix_primary", r.primary},
           {"matrix_all_labels", r.all_labels},
           {"specialty_totals", r.specialty_totals},
           {"task_totals", r.task_totals},
           {"marginals", std::move(marginals)},
           {"per_case",
            {{"below_min_axes", r.cases_below_min_axes},
             {"below_min_safety", r.cases_below_min_safety},
             {"without_rubric", r.cases_without_rubric},
             {"off_taxonomy", r.cases_off_taxonomy}}},
           {"balance",
            {{"specialty_entropy", round_to(b.specialty_entropy, 6)},
             {"specialty_gini", round_to(b.specialty_gini, 6)},
             {"specialty_chi_square", round_to(b.specialty_chi_square, 6)},
             {"cell_entropy", round_to(b.cell_entropy, 6)},
             {"cell_gini", round_to(b.cell_gini, 6)},
             {"cell_chi_square", round_to(b.cell_chi_square, 6)}}},
           {"misses", std::move(misses)}};
  if (in.suggestions) {
    json s = json::array();
    for (const auto& q : *in.suggestions)
      s.push_back({{"subject", q.specialty->zh},
                   {"task", q.task->zh},
                   {"difficulty", q.difficulty},
                   {"care_stage", q.care_stage},
                   {"audience", q.audience},
                   {"cell_count", q.cell_count},
                   {"cell_target", q.cell_target},
                   {"specialty_count", q.specialty_count},
                   {"specialty_target", q.specialty_target}});
    doc["suggestions"] = std::move(s);
  }
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void render_coverage_csv(const CoverageRenderInput& in, std::ostream& out) {
  const auto& r = in.report;
  out << "kind,dimension,label,label2,count,share_pct,target,status\n";
  auto row = [&](std::string_view kind, const std::string& dim, const std::string& a, const std::string& b,
                 const std::string& count, const std::string& share, const std::string& target,
                 const std::string& status) {
    out << kind << ',' << csv_field(dim) << ',' << csv_field(a) << ',' << csv_field(b) << ',' << count << ',' << share
        << ',' << target << ',' << status << '\n';
  };
  for (size_t s = 0; s < r.specialties.size(); ++s)
    for (size_t t = 0; t < r.tasks.size(); ++t)
      row("cell", "primary", r.specialties[s]->zh, r.tasks[t]->zh, std::to_string(r.primary[s][t]), "",
          std::to_string(r.targets.cell_min), r.primary[s][t] < r.targets.cell_min ? "below" : "ok");
  for (size_t s = 0; s < r.specialties.size(); ++s)
    for (size_t t = 0; t < r.tasks.size(); ++t)
      row("cell", "all_labels", r.specialties[s]->zh, r.tasks[t]->zh, std::to_string(r.all_labels[s][t]), "", "", "");
  for (const auto& m : r.marginals)
    for (const auto& x : m.rows) {
      std::string target, status;
      if (x.target_pct) target = format_fixed(*x.target_pct, 1), status = x.out_of_tolerance ? "out" : "ok";
      if (m.dimension == "subject") {
        target = std::to_string(r.targets.specialty_min) + "-" + std::to_string(r.targets.specialty_max);
        bool out_of_range =
            x.count < r.targets.specialty_min || (r.targets.specialty_max > 0 && x.count > r.targets.specialty_max);
        status = out_of_range ? "out" : "ok";
      }
      row("marginal", m.dimension, x.label, x.code, std::to_string(x.count), format_fixed(x.share_pct, 2), target,
          status);
    }
  const auto& b = r.balance;
  row("balance", "subject", "entropy", "", "", format_fixed(b.specialty_entropy, 6), "", "");
  row("balance", "subject", "gini", "", "", format_fixed(b.specialty_gini, 6), "", "");
  row("balance", "subject", "chi_square", "", "", format_fixed(b.specialty_chi_square, 6), "", "");
  row("balance", "cell", "entropy", "", "", format_fixed(b.cell_entropy, 6), "", "");
  row("balance", "cell", "gini", "", "", format_fixed(b.cell_gini, 6), "", "");
  row("balance", "cell", "chi_square", "", "", format_fixed(b.cell_chi_square, 6), "", "");
  for (const auto& m : r.misses)
    row("miss", m.dimension, m.label, m.label2, format_fixed(m.actual, m.kind == TargetMiss::Kind::Share ? 2 : 0), "",
        format_fixed(m.target, 0), std::string(miss_kind_name(m.kind)));
  if (in.suggestions)
    for (const auto& q : *in.suggestions)
      row("suggest", q.difficulty + "/" + q.care_stage + "/" + q.audience, q.specialty->zh, q.task->zh,
          std::to_string(q.cell_count), "", std::to_string(q.cell_target), "");
}

}  // namespace cc::coverage
