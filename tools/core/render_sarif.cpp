// SARIF 2.1.0 renderer, for code-scanning dashboards. Columns are code points, which the
// run declares with columnKind so viewers place the caret right on Chinese text. Artifact
// URIs are percent-encoded paths (core/uri.h), valid uri-references whatever the file name.
#include <map>

#include <nlohmann/json.hpp>

#include "core/renderer.h"
#include "core/uri.h"
#include "core/version.h"

namespace cc {

void render_sarif(const RenderInput& in, std::ostream& out) {
  using json = nlohmann::ordered_json;
  std::map<std::string, int> rule_index;
  json rules = json::array();
  json results = json::array();
  for (const auto& d : in.diagnostics) {
    auto [it, inserted] = rule_index.emplace(d.rule, static_cast<int>(rule_index.size()));
    if (inserted) rules.push_back(json{{"id", d.rule}});
    json result;
    result["ruleId"] = d.rule;
    result["ruleIndex"] = it->second;
    result["level"] = severity_name(d.severity);
    result["message"] = {{"text", d.fix.empty() ? d.message : d.message + " (" + d.fix + ")"}};
    json physical;
    physical["artifactLocation"] = {{"uri", percent_encode_path(d.file)}, {"uriBaseId", "SRCROOT"}};
    if (d.line > 0) physical["region"] = {{"startLine", d.line}, {"startColumn", std::max(1, d.column)}};
    result["locations"] = json::array({json{{"physicalLocation", physical}}});
    results.push_back(std::move(result));
  }
  json run;
  run["tool"] = {{"driver", {{"name", "clinconsensus"}, {"version", kToolVersion}, {"rules", rules}}}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = results;
  json doc;
  doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  doc["version"] = "2.1.0";
  doc["runs"] = json::array({run});
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace cc
