#include "checks/file_facts.h"

#include <array>

namespace cc {

nlohmann::json file_result_to_json(const FileResult& r) {
  nlohmann::json diags = nlohmann::json::array();
  for (const auto& d : r.diagnostics)
    diags.push_back({{"r", d.rule},
                     {"s", severity_name(d.severity)},
                     {"f", d.file},
                     {"l", d.line},
                     {"c", d.column},
                     {"m", d.message},
                     {"x", d.fix}});
  return {
      {"kind", static_cast<int>(r.facts.kind)},
      {"id", r.facts.case_id},
      {"il", r.facts.id_line},
      {"ic", r.facts.id_column},
      {"sf", r.facts.subject_folder},
      {"lb", {r.facts.status, r.facts.difficulty, r.facts.care_stage, r.facts.audience, r.facts.subject, r.facts.task}},
      {"n", r.facts.criteria},
      {"cr", r.facts.critical},
      {"ax", r.facts.axes},
      {"tk", r.facts.text_key},
      {"tl", r.facts.text_line},
      {"tc", r.facts.text_column},
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
    const auto& labels = j.at("lb");
    if (!labels.is_array() || labels.size() != 6) return std::nullopt;
    for (size_t i = 0; i < 6; ++i)
      *std::array{&r.facts.status,   &r.facts.difficulty, &r.facts.care_stage,
                  &r.facts.audience, &r.facts.subject,    &r.facts.task}[i] = labels[i].get<std::string>();
    r.facts.criteria = j.at("n").get<int>();
    r.facts.critical = j.at("cr").get<int>();
    r.facts.axes = j.at("ax").get<std::map<std::string, int>>();
    r.facts.text_key = j.at("tk").get<uint64_t>();
    r.facts.text_line = j.at("tl").get<int>();
    r.facts.text_column = j.at("tc").get<int>();
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
