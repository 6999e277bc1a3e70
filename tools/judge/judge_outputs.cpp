#include "judge/judge_outputs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace cc::judge {
namespace {

namespace fs = std::filesystem;

// Calls `row(json, line)` for every non-blank line of the JSONL file at `path`.
template <typename F>
Result<void> each_jsonl_row(const std::string& path, F row) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error("cannot read " + path, Error::Kind::Input);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) return Error(path + ":" + std::to_string(n) + ": not a JSON object", Error::Kind::Input);
    CC_TRY(row(j, n));
  }
  return {};
}

std::string text_field(const nlohmann::json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

}  // namespace

Result<JudgeOutputs> read_judge_outputs(const Config& config, const std::string& dir,
                                        const std::vector<std::string>& responses, const CaseMaterials& cases) {
  JudgeOutputs out;
  const std::string manifest_path = dir + "/judge_manifest.json";
  {
    std::ifstream in(manifest_path, std::ios::binary);
    if (!in)
      return Error(
          "no judge run in " + dir + " (" + manifest_path + " is missing); name the folder of a judge run with --from",
          Error::Kind::Input);
    out.manifest = nlohmann::json::parse(in, nullptr, false);
    if (!out.manifest.is_object()) return Error(manifest_path + ": not a JSON object", Error::Kind::Input);
  }
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir + "/verdicts", ec))
    if (e.path().extension() == ".jsonl") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  std::set<std::string> seen_judges;
  for (const std::string& f : files) {
    CC_TRY(each_jsonl_row(f, [&](const nlohmann::json& j, int line) -> Result<void> {
      std::string judge = text_field(j, "judge");
      if (judge == "final" || judge.find('#') != std::string::npos) return {};
      if (!j.contains("criteria_met") || !j["criteria_met"].is_boolean() || text_field(j, "case_id").empty())
        return Error(f + ":" + std::to_string(line) + ": not a verdict row (case_id, criterion_id, criteria_met)",
                     Error::Kind::Input);
      CriterionKey key{text_field(j, "model"), text_field(j, "case_id"), text_field(j, "criterion_id")};
      out.verdicts[key][judge] = {j["criteria_met"].get<bool>(), text_field(j, "explanation")};
      seen_judges.insert(judge);
      return {};
    }));
  }
  if (fs::exists(dir + "/final_missing.jsonl")) {
    CC_TRY(each_jsonl_row(dir + "/final_missing.jsonl", [&](const nlohmann::json& j, int) -> Result<void> {
      out.final_missing.insert({text_field(j, "model"), text_field(j, "case_id"), text_field(j, "criterion_id")});
      return {};
    }));
  }
  if (out.manifest.contains("endpoints") && out.manifest["endpoints"].is_array())
    for (const auto& e : out.manifest["endpoints"]) {
      std::string name = text_field(e, "name");
      if (seen_judges.erase(name)) out.judges.push_back(name);
    }
  out.judges.insert(out.judges.end(), seen_judges.begin(), seen_judges.end());

  std::vector<std::string> paths = responses;
  if (paths.empty() && out.manifest.contains("inputs") && out.manifest["inputs"].is_array())
    for (const auto& i : out.manifest["inputs"]) {
      fs::path p(text_field(i, "path"));
      if (p.is_relative()) p = fs::path(config.root) / p;
      if (!fs::exists(p))
        return Error(
            "the responses " + p.string() + " named in " + manifest_path + " are not there; pass them with --responses",
            Error::Kind::Input);
      paths.push_back(p.string());
    }
  if (!paths.empty()) {
    CC_TRY_ASSIGN(out.responses, read_responses(paths, cases));
  }
  for (size_t i = 0; i < out.responses.size(); ++i)
    out.response_of[{out.responses[i].model, out.responses[i].case_id}] = i;
  return out;
}

}  // namespace cc::judge
