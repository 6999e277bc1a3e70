#include "checks/file_facts.h"

namespace cc {

nlohmann::json file_result_to_json(const FileResult& r) {
  nlohmann::json diags = nlohmann::json::array();
  for (const auto& d : r.diagnostics)
    diags.push_back({{"r", d.rule}, {"s", severity_name(d.severity)}, {"f", d.file}, {"l", d.line},
                     {"c", d.column}, {"m", d.message}, {"x", d.fix}});
  return {{"kind", static_cast<int>(r.facts.kind)},
          {"id", r.facts.case_id},
          {"il", r.facts.id_line},
          {"ic", r.facts.id_column},
          {"sf", r.facts.subject_folder},
          {"d", std::move(diags)}};
}

std::optional<FileResult> file_result_from_json(const nlohmann::json& j) {
  try {
    FileResult r;
    int kind = j.at("kind").get<int>();
    if (kind < 0 || kind > 2) return std::nullopt;
    r.facts.kind = static_cast<FileKind>(kind);
    r.facts.case_id = j.at("id").get<std::string>();
    r.facts.id_line = j.at("il").get<int>();
    r.facts.id_column = j.at("ic").get<int>();
    r.facts.subject_folder = j.at("sf").get<std::string>();
    for (const auto& d : j.at("d")) {
      Diagnostic x;
      x.rule = d.at("r").get<std::string>();
      auto sev = parse_severity(d.at("s").get<std::string>());
      if (!sev) return std::nullopt;
      x.severity = *sev;
      x.file = d.at("f").get<std::string>();
      x.line = d.at("l").get<int>();
      x.column = d.at("c").get<int>();
      x.message = d.at("m").get<std::string>();
      x.fix = d.at("x").get<std::string>();
      r.diagnostics.push_back(std::move(x));
    }
    return r;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

}  // namespace cc
