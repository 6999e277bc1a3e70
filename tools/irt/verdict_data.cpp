#include "irt/verdict_data.h"

#include <sstream>

#include "core/renderer.h"
#include "irt/irt_messages.h"

namespace cc::irt {
std::string error_lines(const std::vector<Diagnostic>& diags, Lang lang) {
  std::vector<Diagnostic> errors;
  for (const auto& d : diags)
    if (d.severity == Severity::Error) errors.push_back(d);
  std::stable_sort(errors.begin(), errors.end(), diagnostic_less);
  std::ostringstream out;
  RenderInput in{errors, 0, lang, false};
  render_text(in, out);
  return out.str();
}

std::vector<const scoring::VerdictTable*> VerdictData::tables() const {
  std::vector<const scoring::VerdictTable*> out;
  for (const auto& t : verdicts.tables) out.push_back(&t);
  return out;
}

Result<VerdictData> load_verdict_data(const std::string& start_dir, const std::string& cases_arg,
                                      const std::vector<std::string>& verdict_args, Lang lang, unsigned threads) {
  VerdictData data;
  data.setup = scoring::prepare_run(start_dir, cases_arg, lang, threads);
  if (!data.setup.usage_error.empty()) return Error(data.setup.usage_error, Error::Kind::Usage);
  const auto& cl = data.setup.cases;
  if (cl.unreadable || !cl.cases || count_diagnostics(cl.diagnostics).errors > 0)
    return Error(error_lines(cl.diagnostics, lang) + irt_message(lang, "verdicts/refused"), Error::Kind::Failed);
  std::vector<scoring::VerdictInput> inputs = scoring::verdict_inputs(verdict_args, start_dir, scoring::unnamed_judge);
  scoring::ReadVerdictsOptions ro;
  ro.lang = lang;
  ro.threads = threads;
  data.verdicts = scoring::read_verdicts(inputs, *cl.cases, ro);
  std::vector<Diagnostic> all = cl.diagnostics;
  all.insert(all.end(), data.verdicts.diagnostics.begin(), data.verdicts.diagnostics.end());
  if (data.verdicts.unreadable || count_diagnostics(all).errors > 0)
    return Error(error_lines(all, lang) + irt_message(lang, "verdicts/refused"), Error::Kind::Failed);
  if (data.verdicts.tables.empty()) return Error(irt_message(lang, "verdicts/none"), Error::Kind::Input);
  for (auto& d : all)
    if (d.severity != Severity::Error) data.warnings.push_back(std::move(d));
  return data;
}

}  // namespace cc::irt
