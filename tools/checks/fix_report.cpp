#include "checks/fix_report.h"

// The summary's text is in fix_messages.json beside this file; configure writes it into
// checks/fix_messages_table.h (cmake/MessageTables.cmake), which also checks it.
#include "checks/fix_messages_table.h"

namespace cc {

void render_fix_report(const FixRun& run, Lang lang, std::ostream& out) {
  if (run.check_only)
    for (const auto& fix : run.fixes)
      for (const auto& c : fix.changes)
        out << fix.path << ':' << c.line << ':' << c.column << ": " << c.rule << ": '" << c.before << "' → '" << c.after
            << "'\n";
  out << message_from(kFixMessages, lang, run.check_only ? "fix/would-change" : "fix/changed",
                      {{"files", std::to_string(run.changed_files)}, {"changes", std::to_string(run.changes)}})
      << (run.per_rule.empty() ? "" : ":") << '\n';
  for (const auto& [rule, n] : run.per_rule) out << "  " << rule << "  " << n << '\n';
}

}  // namespace cc
