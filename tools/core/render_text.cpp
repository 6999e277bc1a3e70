// Text renderer: "file:line:column: severity: message [rule]" lines a terminal or an
// editor's problem matcher understands, then a one-line summary.
#include "core/renderer.h"

namespace cc {
namespace {

const char* colour_of(Severity s) {
  switch (s) {
    case Severity::Error: return "\x1b[1;31m";
    case Severity::Warning: return "\x1b[1;33m";
    case Severity::Note: return "\x1b[1;36m";
  }
  return "";
}

std::string_view severity_word(Severity s, Lang lang) {
  if (lang == Lang::En) return severity_name(s);
  switch (s) {
    case Severity::Error: return "错误";
    case Severity::Warning: return "警告";
    case Severity::Note: return "提示";
  }
  return "";
}

}  // namespace

void render_text(const RenderInput& in, std::ostream& out) {
  const char* bold = in.color ? "\x1b[1m" : "";
  const char* dim = in.color ? "\x1b[2m" : "";
  const char* reset = in.color ? "\x1b[0m" : "";
  for (const auto& d : in.diagnostics) {
    out << bold << d.file;
    if (d.line > 0) out << ':' << d.line << ':' << d.column;
    out << ':' << reset << ' ' << (in.color ? colour_of(d.severity) : "") << severity_word(d.severity, in.lang)
        << reset << ": " << d.message << ' ' << dim << '[' << d.rule << ']' << reset << '\n';
    if (!d.fix.empty()) out << "    " << (in.lang == Lang::Zh ? "修复：" : "fix: ") << d.fix << '\n';
  }
  DiagnosticCounts c = count_diagnostics(in.diagnostics);
  if (in.lang == Lang::Zh)
    out << "已检查 " << in.files_checked << " 个文件：" << c.errors << " 个错误，" << c.warnings << " 个警告";
  else
    out << in.files_checked << (in.files_checked == 1 ? " file" : " files") << " checked: " << c.errors
        << (c.errors == 1 ? " error, " : " errors, ") << c.warnings << (c.warnings == 1 ? " warning" : " warnings");
  if (c.notes > 0) out << (in.lang == Lang::Zh ? "，" : ", ") << c.notes << (in.lang == Lang::Zh ? " 个提示" : " notes");
  out << '\n';
}

}  // namespace cc
