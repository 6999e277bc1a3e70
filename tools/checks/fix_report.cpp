#include "checks/fix_report.h"

#include <array>

#include "core/messages/check.h"

namespace cc {
namespace {

using Entry = MessageEntry;

constexpr std::array kCatalog = {
    Entry{"fix/changed",
          "changed {files, plural, one {# file} other {# files}}, {changes, plural, one {# fix} other {# fixes}}",
          "已修改 {files} 个文件，共 {changes} 处"},
    Entry{"fix/would-change",
          "would change {files, plural, one {# file} other {# files}}, "
          "{changes, plural, one {# fix} other {# fixes}}",
          "将修改 {files} 个文件，共 {changes} 处"},
};
static_assert(messages::well_formed(kCatalog), "an entry breaks the rules of core/messages/check.h");

}  // namespace

void render_fix_report(const FixRun& run, Lang lang, std::ostream& out) {
  if (run.check_only)
    for (const auto& fix : run.fixes)
      for (const auto& c : fix.changes)
        out << fix.path << ':' << c.line << ':' << c.column << ": " << c.rule << ": '" << c.before << "' → '" << c.after
            << "'\n";
  out << message_from(kCatalog, lang, run.check_only ? "fix/would-change" : "fix/changed",
                      {{"files", std::to_string(run.changed_files)}, {"changes", std::to_string(run.changes)}})
      << (run.per_rule.empty() ? "" : ":") << '\n';
  for (const auto& [rule, n] : run.per_rule) out << "  " << rule << "  " << n << '\n';
}

}  // namespace cc
