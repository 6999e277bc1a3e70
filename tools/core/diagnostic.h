#pragma once
// Diagnostic: the one type every finding takes, from the YAML loader to the
// cross-file checks. Checks produce Diagnostics; renderers print them; nothing else
// decides how a finding looks.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

enum class Severity { Error, Warning, Note };

std::string_view severity_name(Severity s);
std::optional<Severity> parse_severity(std::string_view name);

struct Diagnostic {
  std::string rule;  // stable rule id, e.g. "schema/required"
  Severity severity = Severity::Error;
  std::string file;     // path relative to the repository root, '/' separated
  int line = 0;         // 1-based; 0 when the finding is about the whole file
  int column = 0;       // 1-based, in Unicode code points
  std::string message;  // what is wrong and what to do, in the requested language
  std::string fix;      // optional: a concrete replacement or action
};

// A finding about a file as a whole (line and column 0), the usual shape outside the loader.
Diagnostic file_diagnostic(std::string_view rule, Severity severity, std::string file, std::string message);

// Sorting key used by every command: file, then position, then rule.
bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);

struct DiagnosticCounts {
  int errors = 0;
  int warnings = 0;
  int notes = 0;
};
DiagnosticCounts count_diagnostics(const std::vector<Diagnostic>& diags);

}  // namespace cc
