#include "judge/responses_file.h"

#include "judge/judge_messages.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "core/jsonl.h"
#include "core/yaml_loader.h"

namespace fs = std::filesystem;

namespace cc::judge {
namespace {

std::vector<std::string> expand(const std::vector<std::string>& paths, std::string& problems, Lang lang) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (const auto& e : fs::directory_iterator(p, ec))
        if (e.is_regular_file() && e.path().extension() == ".jsonl") found.push_back(e.path().string());
      std::sort(found.begin(), found.end());
      if (found.empty()) problems += "\n  " + judge_message(lang, "responses/empty-folder", {{"path", p}});
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(p);
    }
  }
  return files;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

Result<std::vector<ResponseRow>> read_responses(const std::vector<std::string>& paths, const CaseMaterials& cases,
                                                Lang lang) {
  std::string problems;
  std::vector<ResponseRow> rows;
  std::map<std::pair<std::string, std::string>, std::string> seen;  // (model, case) → file:line
  for (const std::string& file : expand(paths, problems, lang)) {
    Result<std::string> text = read_file(file);
    if (!text) {
      problems += "\n  " + judge_message(lang, "responses/unreadable", {{"path", file}, {"why", text.error().message}});
      continue;
    }
    std::string stem = fs::path(file).stem().string();
    // Every line's problems are collected (none ends the read), so the user fixes them all at once.
    CC_TRY(for_each_jsonl_line(*text, [&](const JsonlLine& line) -> Result<void> {
      const int n = line.number;
      const nlohmann::json& j = line.value;
      std::string where = file + ":" + std::to_string(n);
      if (!j.is_object()) {
        problems += "\n  " + judge_message(lang, "responses/not-object", {{"where", where}});
        return {};
      }
      ResponseRow row;
      row.file = file;
      row.line = n;
      auto text_of = [&](const char* key, std::string& out) {
        auto it = j.find(key);
        if (it == j.end() || !it->is_string()) return false;
        out = it->get<std::string>();
        return true;
      };
      if (!text_of("case_id", row.case_id)) {
        problems += "\n  " + judge_message(lang, "responses/no-case-id", {{"where", where}});
        return {};
      }
      if (!text_of("model", row.model) || blank(row.model)) row.model = stem;
      if (j.contains("model") && !j["model"].is_string() && !j["model"].is_null()) {
        problems += "\n  " + judge_message(lang, "responses/model-not-text", {{"where", where}});
        return {};
      }
      if (!text_of("response", row.response)) {
        problems += "\n  " + judge_message(lang, "responses/no-response", {{"where", where}});
        return {};
      }
      if (blank(row.response)) {
        problems += "\n  " + judge_message(lang, "responses/empty", {{"where", where}, {"case", row.case_id}});
        return {};
      }
      if (!cases.find(row.case_id)) {
        problems += "\n  " + judge_message(lang, "responses/unknown-case", {{"where", where}, {"case", row.case_id}});
        return {};
      }
      auto [it, fresh] = seen.emplace(std::make_pair(row.model, row.case_id), where);
      if (!fresh) {
        problems += "\n  " + judge_message(lang, "responses/twice",
                                            {{"where", where}, {"case", row.case_id}, {"model", row.model}, {"first", it->second}});
        return {};
      }
      rows.push_back(std::move(row));
      return {};
    }));
  }
  if (!problems.empty())
    return Error(judge_message(lang, "responses/problems", {{"problems", problems}}), Error::Kind::Input);
  std::sort(rows.begin(), rows.end(), [](const ResponseRow& a, const ResponseRow& b) {
    return std::tie(a.model, a.case_id) < std::tie(b.model, b.case_id);
  });
  return rows;
}

}  // namespace cc::judge
