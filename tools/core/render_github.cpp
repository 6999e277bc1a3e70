// GitHub renderer: workflow commands (::error file=…::message) that GitHub Actions turns
// into annotations on the pull request, and nothing else: every line is a command.
#include <string>

#include "core/renderer.h"

namespace cc {
namespace {

// Escaping rules of workflow commands: data escapes %, CR, LF; properties also : and ,.
std::string escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

void render_github(const RenderInput& in, std::ostream& out) {
  for (const auto& d : in.diagnostics) {
    out << "::"
        << (d.severity == Severity::Error     ? "error"
            : d.severity == Severity::Warning ? "warning"
                                              : "notice")
        << " file=" << escape(d.file, true);
    if (d.line > 0) out << ",line=" << d.line << ",col=" << d.column;
    out << ",title=" << escape(d.rule, true) << "::" << escape(d.message, false);
    if (!d.fix.empty()) out << escape("\n", false) << escape(d.fix, false);
    out << '\n';
  }
}

}  // namespace cc
