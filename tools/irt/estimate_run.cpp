#include "irt/estimate_run.h"

#include <cmath>
#include <unordered_map>

#include "core/output_file.h"
#include "irt/irt_messages.h"
#include "irt/normal_quantile.h"
#include "irt/item_bank.h"
#include "irt/verdict_data.h"
#include "scoring/run_setup.h"
#include "scoring/output/text_format.h"

namespace cc::irt {
Result<EstimateRunReport> run_irt_estimate(const EstimateRunOptions& o) {
  if (o.ci_level <= 0 || o.ci_level >= 100)
    return Error(irt_message(o.lang, "usage/ci"), Error::Kind::Usage);
  const std::string items_path = scoring::resolve_path(o.start_dir, o.items);
  CC_TRY_ASSIGN(ItemBank bank, read_item_bank(items_path, o.items, o.lang));
  CC_TRY_ASSIGN(VerdictData data, load_verdict_data(o.start_dir, o.cases, o.verdicts, o.lang, o.threads));
  EstimateRunReport report;
  report.warnings = std::move(data.warnings);
  report.k = o.k > 0 ? o.k : data.setup.config ? data.setup.config->k : 10;
  const scoring::CaseSet& cases = data.cases();

  // Where each verdict cell lands in the bank.
  std::unordered_map<std::string_view, uint32_t> index;
  for (uint32_t i = 0; i < bank.ids.size(); ++i) index.emplace(bank.ids[i], i);
  std::vector<int64_t> target(cases.cell_count(), -1);
  size_t unknown = 0;
  std::string first_unknown;
  for (uint32_t cell = 0; cell < cases.cell_count(); ++cell) {
    std::string_view key = bank.unit == ItemUnit::Case ? std::string_view(cases.cases[cases.case_of_cell(cell)].case_id)
                                                       : std::string_view(cases.criterion_of_cell(cell).criterion_id);
    auto it = index.find(key);
    if (it != index.end()) target[cell] = it->second;
  }
  const double z = normal_quantile_two_sided(o.ci_level);
  for (const scoring::VerdictTable* t : data.tables()) {
    std::vector<uint8_t> met(bank.ids.size(), 0), trials(bank.ids.size(), 0);
    for (uint32_t cell = 0; cell < cases.cell_count(); ++cell) {
      const scoring::Verdict v = t->cells[cell];
      if (v != scoring::Verdict::Met && v != scoring::Verdict::NotMet) continue;
      if (target[cell] < 0) {
        if (!unknown++) first_unknown = cases.criterion_of_cell(cell).criterion_id;
        continue;
      }
      const size_t i = static_cast<size_t>(target[cell]);
      if (trials[i] >= bank.trials[i]) continue;
      ++trials[i];
      met[i] += v == scoring::Verdict::Met;
    }
    report.respondents.push_back(respondent_of(t->model, t->judge));
    report.estimates.push_back(estimate_full(bank, met, trials, report.k, z));
  }
  if (unknown)
    report.notes.push_back(
        irt_message(o.lang, "estimate/unknown-items", {{"count", std::to_string(unknown)}, {"first", first_unknown}}));

  // The table and the CSV.
  using scoring::format_number;
  const std::string k = std::to_string(report.k);
  report.csv =
      "model,judge,repeat,ability,ability_se,observed_items,rubric_accuracy_pct,rubric_accuracy_low,"
      "rubric_accuracy_high,cacs_at_k_pct,cacs_at_k_low,cacs_at_k_high,subset_rubric_accuracy_pct,k\n";
  report.table = "model  ability  items  Rubric Acc. [" + format_number(o.ci_level) + "%]  CACS@" + k + " [" +
                 format_number(o.ci_level) + "%]  subset mean\n";
  for (size_t m = 0; m < report.estimates.size(); ++m) {
    const FullEstimate& e = report.estimates[m];
    const Respondent& r = report.respondents[m];
    scoring::append_csv_row(
        report.csv, {scoring::csv_field(r.model), scoring::csv_field(r.judge), std::to_string(r.repeat),
                     format_number(e.ability.theta), format_number(e.ability.se), std::to_string(e.observed_items),
                     format_number(e.rubric_accuracy), format_number(e.rubric_accuracy_low),
                     format_number(e.rubric_accuracy_high), format_number(e.cacs), format_number(e.cacs_low),
                     format_number(e.cacs_high), format_number(e.subset_rubric_accuracy), k});
    report.table +=
        r.model + (r.judge.empty() ? "" : " (" + r.judge + (r.repeat > 1 ? "#" + std::to_string(r.repeat) : "") + ")") +
        "  " + format_fixed(e.ability.theta, 2) + " ± " + format_fixed(e.ability.se, 2) + "  " +
        std::to_string(e.observed_items) + "  " + format_fixed(e.rubric_accuracy, 1) + " [" +
        format_fixed(e.rubric_accuracy_low, 1) + ", " + format_fixed(e.rubric_accuracy_high, 1) + "]  " +
        format_fixed(e.cacs, 1) + " [" + format_fixed(e.cacs_low, 1) + ", " + format_fixed(e.cacs_high, 1) + "]  " +
        format_fixed(e.subset_rubric_accuracy, 1) + "\n";
  }
  if (!o.out.empty()) {
    const std::string path = scoring::resolve_path(o.start_dir, o.out);
    auto w = write_output_file(path, report.csv);
    if (!w) return Error(w.error().message, Error::Kind::Input);
    report.written.push_back(o.out);
  }
  return report;
}

}  // namespace cc::irt
