#include "judge/physician_labels.h"

#include <algorithm>
#include <fstream>

#include "judge/run_files.h"

namespace cc::judge {

std::optional<bool> physician_label_value(std::string_view text) {
  std::string t = trim_blank(text);
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (t == "是" || t == "true" || t == "1") return true;
  if (t == "否" || t == "false" || t == "0") return false;
  return std::nullopt;
}

Result<std::vector<PhysicianLabel>> read_physician_labels(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error("cannot read physician labels " + path, Error::Kind::Input);
  std::vector<PhysicianLabel> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    auto text = [&](const char* k) {
      return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
    };
    if (!j.is_object() || !j.contains("criteria_met") || !j["criteria_met"].is_boolean() || text("case_id").empty() ||
        text("criterion_id").empty())
      return Error(path + ":" + std::to_string(n) +
                       ": not a physician label (model, case_id, criterion_id, criteria_met true or false)",
                   Error::Kind::Input);
    out.push_back({{text("model"), text("case_id"), text("criterion_id")},
                   j["criteria_met"].get<bool>(),
                   text("reviewer"),
                   text("note")});
  }
  return out;
}

Result<void> write_physician_labels(const std::string& path, std::vector<PhysicianLabel> labels) {
  std::stable_sort(labels.begin(), labels.end(),
                   [](const PhysicianLabel& a, const PhysicianLabel& b) { return a.key < b.key; });
  std::vector<nlohmann::ordered_json> rows;
  for (const PhysicianLabel& l : labels) {
    nlohmann::ordered_json r;
    r["model"] = std::get<0>(l.key);
    r["case_id"] = std::get<1>(l.key);
    r["criterion_id"] = std::get<2>(l.key);
    r["judge"] = "physician";
    r["criteria_met"] = l.met;
    r["reviewer"] = l.reviewer;
    if (!l.note.empty()) r["note"] = l.note;
    rows.push_back(std::move(r));
  }
  return write_jsonl(path, rows);
}

}  // namespace cc::judge
