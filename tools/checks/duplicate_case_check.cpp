#include "checks/duplicate_case_check.h"

#include "coverage/duplicate_text.h"

namespace cc {
namespace {

std::string text_at(const nlohmann::json& root, const char* key) {
  auto it = root.find(key);
  return it != root.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

void record_case_text(const Document& doc, FileFacts& facts) {
  if (!doc.root.is_object()) return;
  facts.text_key = coverage::case_text_key(text_at(doc.root, "clinical_context"), text_at(doc.root, "user_request"));
  Position pos = doc.key_position("/clinical_context");
  facts.text_line = pos.line;
  facts.text_column = pos.column;
}

void check_duplicate_case_text(const std::vector<std::pair<std::string, FileFacts>>& checked, Lang lang,
                               std::vector<Diagnostic>& out) {
  std::vector<coverage::CaseTextEntry> entries;
  for (const auto& [path, f] : checked)
    if (f.kind == FileKind::Case && f.text_key != 0)
      entries.push_back({path, f.case_id, f.text_key, f.text_line, f.text_column, f.status == "draft"});
  coverage::check_duplicate_case_text(std::move(entries), lang, out);
}

}  // namespace cc
