#include "judge/physician_labels.h"

#include "judge/judge_messages.h"

#include <algorithm>

#include "core/json_text.h"
#include "core/jsonl.h"
#include "judge/run_files.h"

namespace cc::judge {

std::optional<bool> physician_label_value(std::string_view text) {
  std::string t = trim_blank(text);
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (t == "是" || t == "true" || t == "1") return true;
  if (t == "否" || t == "false" || t == "0") return false;
  return std::nullopt;
}

Result<std::vector<PhysicianLabel>> read_physician_labels(const std::string& path, Lang lang) {
  std::vector<PhysicianLabel> out;
  JsonlMessages messages;
  messages.unreadable = [&](const std::string& why) {
    return judge_message(lang, "labels/unreadable", {{"path", path}, {"why", why}});
  };
  messages.not_object = judge_message(lang, "labels/not-label");
  CC_TRY(for_each_jsonl_object(path, messages, [&](const nlohmann::json& j, int n) -> Result<void> {
    if (!j.contains("criteria_met") || !j["criteria_met"].is_boolean() || json_text(j, "case_id").empty() ||
        json_text(j, "criterion_id").empty())
      return Error(path + ":" + std::to_string(n) + ": " + messages.not_object, Error::Kind::Input);
    out.push_back({{json_text(j, "model"), json_text(j, "case_id"), json_text(j, "criterion_id")},
                   j["criteria_met"].get<bool>(),
                   json_text(j, "reviewer"),
                   json_text(j, "note")});
    return {};
  }));
  return out;
}

Result<void> write_physician_labels(const std::string& path, std::vector<PhysicianLabel> labels, Lang lang) {
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
  return write_jsonl(path, rows, lang);
}

}  // namespace cc::judge
