#include "judge/responses_file.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "core/jsonl.h"
#include "core/yaml_loader.h"

namespace fs = std::filesystem;

namespace cc::judge {
namespace {

std::vector<std::string> expand(const std::vector<std::string>& paths, std::string& problems) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (const auto& e : fs::directory_iterator(p, ec))
        if (e.is_regular_file() && e.path().extension() == ".jsonl") found.push_back(e.path().string());
      std::sort(found.begin(), found.end());
      if (found.empty()) problems += "\n  " + p + ": no .jsonl file in this folder";
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(p);
    }
  }
  return files;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

Result<std::vector<ResponseRow>> read_responses(const std::vector<std::string>& paths, const CaseMaterials& cases) {
  std::string problems;
  std::vector<ResponseRow> rows;
  std::map<std::pair<std::string, std::string>, std::string> seen;  // (model, case) → file:line
  for (const std::string& file : expand(paths, problems)) {
    Result<std::string> text = read_file(file);
    if (!text) {
      problems += "\n  " + file + ": cannot be read: " + text.error().message;
      continue;
    }
    std::string stem = fs::path(file).stem().string();
    // Every line's problems are collected (none ends the read), so the user fixes them all at once.
    CC_TRY(for_each_jsonl_line(*text, [&](const JsonlLine& line) -> Result<void> {
      const int n = line.number;
      const nlohmann::json& j = line.value;
      std::string where = file + ":" + std::to_string(n);
      if (!j.is_object()) {
        problems += "\n  " + where + ": not a JSON object";
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
        problems += "\n  " + where + ": case_id is missing or not text";
        return {};
      }
      if (!text_of("model", row.model) || blank(row.model)) row.model = stem;
      if (j.contains("model") && !j["model"].is_string() && !j["model"].is_null()) {
        problems += "\n  " + where + ": model must be text";
        return {};
      }
      if (!text_of("response", row.response)) {
        problems += "\n  " + where + ": response is missing or not text";
        return {};
      }
      if (blank(row.response)) {
        problems +=
            "\n  " + where + ": " + row.case_id + ": the response is empty; generate it again or leave the row out";
        return {};
      }
      if (!cases.find(row.case_id)) {
        problems += "\n  " + where + ": no case " + row.case_id + " in the benchmark";
        return {};
      }
      auto [it, fresh] = seen.emplace(std::make_pair(row.model, row.case_id), where);
      if (!fresh) {
        problems +=
            "\n  " + where + ": " + row.case_id + " of model " + row.model + " was already given at " + it->second;
        return {};
      }
      rows.push_back(std::move(row));
      return {};
    }));
  }
  if (!problems.empty())
    return Error("the responses cannot be judged as they are; fix these lines:" + problems, Error::Kind::Input);
  std::sort(rows.begin(), rows.end(), [](const ResponseRow& a, const ResponseRow& b) {
    return std::tie(a.model, a.case_id) < std::tie(b.model, b.case_id);
  });
  return rows;
}

}  // namespace cc::judge
