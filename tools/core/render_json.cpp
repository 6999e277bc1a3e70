// JSON renderer: the object CLI.md fixes for `validate --format json`.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/renderer.h"

namespace cc {

void render_json(const RenderInput& in, std::ostream& out) {
  nlohmann::ordered_json doc;
  doc["files_checked"] = in.files_checked;
  auto& list = doc["diagnostics"] = nlohmann::ordered_json::array();
  for (const auto& d : in.diagnostics) {
    nlohmann::ordered_json j;
    j["rule"] = d.rule;
    j["severity"] = severity_name(d.severity);
    j["file"] = d.file;
    // CLI.md: 1-based. A finding about a whole file (no position) points at its start.
    j["line"] = std::max(d.line, 1);
    j["column"] = std::max(d.column, 1);
    j["message"] = d.message;
    if (!d.fix.empty()) j["fix"] = d.fix;
    list.push_back(std::move(j));
  }
  DiagnosticCounts c = count_diagnostics(in.diagnostics);
  doc["summary"] = {{"errors", c.errors}, {"warnings", c.warnings}};
  if (in.summary) {
    const BenchmarkSummary& s = *in.summary;
    auto counts = [](const BenchmarkSummary::Counts& c) {
      nlohmann::ordered_json o = nlohmann::ordered_json::object();
      for (const auto& [k, n] : c)
        if (n > 0) o[k] = n;
      return o;
    };
    doc["benchmark"] = {{"cases", s.cases},
                        {"rubrics", s.rubrics},
                        {"criteria", s.criteria},
                        {"critical_criteria", s.critical_criteria},
                        {"status", counts(s.status)},
                        {"difficulty", counts(s.difficulty)},
                        {"care_stage", counts(s.care_stage)},
                        {"audience", counts(s.audience)},
                        {"subject", counts(s.subject)},
                        {"task", counts(s.task)},
                        {"axis", counts(s.axis)}};
  }
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace cc
