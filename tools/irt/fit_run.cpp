#include "irt/fit_run.h"

#include "core/atomic_write.h"
#include "irt/irt_messages.h"
#include "irt/item_bank.h"
#include "irt/verdict_data.h"
#include "scoring/run_setup.h"
#include "scoring/output/text_format.h"

namespace cc::irt {

Result<FitRunReport> run_irt_fit(const FitRunOptions& o) {
  if (o.out_dir.empty()) return Error(irt_message(o.lang, "usage/out-dir"), Error::Kind::Usage);
  CC_TRY_ASSIGN(VerdictData data, load_verdict_data(o.start_dir, o.cases, o.verdicts, o.lang, o.fit.threads));
  CC_TRY_ASSIGN(ResponseMatrix matrix, build_response_matrix(data.cases(), data.tables(), o.unit, o.lang));
  FitOptions fo = o.fit;
  fo.lang = o.lang;
  CC_TRY_ASSIGN(FitResult fit, fit_items(matrix, fo));
  FitRunReport report;
  report.warnings = std::move(data.warnings);
  std::vector<std::string> warning_ids;
  const std::string n = std::to_string(matrix.respondent_count());
  if (matrix.respondent_count() < 30) {
    warning_ids.push_back(irt_message(Lang::En, "fit/few-respondents", {{"count", n}}));
    report.notes.push_back(irt_message(o.lang, "fit/few-respondents", {{"count", n}}));
  }
  if (!fit.converged) {
    const std::string it = std::to_string(fit.iterations), ch = scoring::format_number(fit.last_change);
    warning_ids.push_back(irt_message(Lang::En, "fit/not-converged", {{"iterations", it}, {"change", ch}}));
    report.notes.push_back(irt_message(o.lang, "fit/not-converged", {{"iterations", it}, {"change", ch}}));
  }
  const std::string dir = scoring::resolve_path(o.start_dir, o.out_dir);
  std::vector<std::pair<std::string, std::string>> files = {
      {dir + "/items.csv", items_csv(fit, matrix)},
      {dir + "/respondents.csv", respondents_csv(fit, matrix)},
      {dir + "/fit.json", fit_json(fit, matrix, o.fit, warning_ids)}};
  if (auto written = write_files_atomic(files); !written) return Error(written.error().message, Error::Kind::Input);
  for (const char* f : {"items.csv", "respondents.csv", "fit.json"}) report.written.push_back(o.out_dir + "/" + f);
  report.summary = irt_message(o.lang, "fit/summary",
                               {{"model", std::string(model_name(fit.model))},
                                {"items", std::to_string(matrix.item_count())},
                                {"respondents", n},
                                {"iterations", std::to_string(fit.iterations)},
                                {"ll", format_fixed(fit.log_likelihood, 2)}});
  return report;
}

}  // namespace cc::irt
