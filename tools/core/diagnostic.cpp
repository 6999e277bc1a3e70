#include "core/diagnostic.h"

#include <tuple>

namespace cc {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "error") return Severity::Error;
  if (name == "warning") return Severity::Warning;
  if (name == "note") return Severity::Note;
  return std::nullopt;
}

Diagnostic file_diagnostic(std::string_view rule, Severity severity, std::string file, std::string message) {
  Diagnostic d;
  d.rule = rule;
  d.severity = severity;
  d.file = std::move(file);
  d.message = std::move(message);
  return d;
}

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.file, a.line, a.column, a.rule, a.message) < std::tie(b.file, b.line, b.column, b.rule, b.message);
}

DiagnosticCounts count_diagnostics(const std::vector<Diagnostic>& diags) {
  DiagnosticCounts c;
  for (const auto& d : diags) {
    switch (d.severity) {
      case Severity::Error: ++c.errors; break;
      case Severity::Warning: ++c.warnings; break;
      case Severity::Note: ++c.notes; break;
    }
  }
  return c;
}

}  // namespace cc
