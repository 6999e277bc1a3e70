#include "irt/select_run.h"

#include <unordered_set>

#include "core/output_file.h"
#include "coverage/coverage_messages.h"
#include "irt/irt_messages.h"
#include "irt/item_bank.h"
#include "irt/verdict_data.h"
#include "scoring/run_setup.h"
#include "scoring/output/text_format.h"

namespace cc::irt {

Result<SelectRunReport> run_irt_select(const SelectRunOptions& o) {
  if (o.count <= 0) return Error(irt_message(o.lang, "usage/count"), Error::Kind::Usage);
  CC_TRY_ASSIGN(ItemBank bank, read_item_bank(scoring::resolve_path(o.start_dir, o.items), o.items, o.lang));
  scoring::RunSetup setup = scoring::prepare_run(o.start_dir, o.cases, o.lang, o.threads);
  if (!setup.usage_error.empty()) return Error(setup.usage_error, Error::Kind::Usage);
  if (!setup.cases.cases || setup.cases.unreadable || count_diagnostics(setup.cases.diagnostics).errors > 0) {
    return Error(error_lines(setup.cases.diagnostics, o.lang) + irt_message(o.lang, "verdicts/refused"),
                 Error::Kind::Failed);
  }
  // The pool: the cases that have calibrated items.
  std::unordered_set<std::string_view> calibrated(bank.cases.begin(), bank.cases.end());
  std::vector<coverage::CaseFacts> pool;
  for (auto& f : facts_of_cases(*setup.cases.cases))
    if (calibrated.count(f.case_id)) pool.push_back(std::move(f));
  if (static_cast<size_t>(o.count) > pool.size())
    return Error(irt_message(o.lang, "select/too-few",
                             {{"count", std::to_string(o.count)}, {"pool", std::to_string(pool.size())}}),
                 Error::Kind::Usage);
  Taxonomy none;
  const Taxonomy& taxonomy = setup.taxonomy ? *setup.taxonomy : none;
  coverage::CoverageTargets targets;
  if (setup.config)
    targets = coverage::targets_from_json(setup.config->targets, setup.config->min_axes_per_case,
                                          setup.config->min_safety_criteria_per_case);
  targets = targets.scaled_to(o.count);
  SelectRunReport report;
  if (!bank.ability_range_known) report.notes.push_back(irt_message(o.lang, "select/no-range"));
  report.selection = select_informative(bank, pool, taxonomy, targets, o.count, o.seed);
  for (const auto& id : report.selection.case_ids) report.ids += id + '\n';
  // Bounds of clinconsensus.yaml the subset does not meet, as `select` reports them.
  for (const auto& u : report.selection.spread.unmet) {
    const std::string what = coverage::coverage_message(o.lang, u.dimension == "cell" ? "word/cells" : "dim/subject") +
                             " " + u.label + (u.label2.empty() ? "" : " × " + u.label2);
    report.notes.push_back(coverage::coverage_message(o.lang, "select/unmet",
                                                      {{"part", "1"},
                                                       {"what", what},
                                                       {"actual", std::to_string(u.actual)},
                                                       {"op", u.is_min ? "≥" : "≤"},
                                                       {"target", std::to_string(u.target)}}));
  }
  const InfoSelection& s = report.selection;
  report.summary =
      irt_message(o.lang, "select/summary",
                  {{"count", std::to_string(s.case_ids.size())},
                   {"pool", std::to_string(pool.size())},
                   {"info", format_fixed(s.information, 1)},
                   {"lo", format_fixed(s.ability_min, 2)},
                   {"hi", format_fixed(s.ability_max, 2)},
                   {"share", format_fixed(s.pool_information > 0 ? 100 * s.information / s.pool_information : 0, 1)}});
  if (!o.out.empty()) {
    auto w = write_output_file(scoring::resolve_path(o.start_dir, o.out), report.ids);
    if (!w) return Error(w.error().message, Error::Kind::Input);
    report.written.push_back(o.out);
  }
  return report;
}

}  // namespace cc::irt
