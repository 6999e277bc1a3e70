#include "judge/judge_outputs.h"

#include "judge/judge_messages.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/json_text.h"
#include "core/jsonl.h"

namespace cc::judge {
namespace {

namespace fs = std::filesystem;

}  // namespace

Result<JudgeOutputs> read_judge_outputs(const Config& config, const std::string& dir,
                                        const std::vector<std::string>& responses, const CaseMaterials& cases,
                                        Lang lang) {
  JudgeOutputs out;
  const std::string manifest_path = dir + "/judge_manifest.json";
  {
    std::ifstream in(manifest_path, std::ios::binary);
    if (!in)
      return Error(judge_message(lang, "outputs/no-run", {{"dir", dir}, {"path", manifest_path}}), Error::Kind::Input);
    out.manifest = nlohmann::json::parse(in, nullptr, false);
    if (!out.manifest.is_object()) return Error(judge_message(lang, "outputs/not-object", {{"path", manifest_path}}), Error::Kind::Input);
  }
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir + "/verdicts", ec))
    if (e.path().extension() == ".jsonl") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  std::set<std::string> seen_judges;
  auto messages = [&](const std::string& path) {
    JsonlMessages m;
    m.unreadable = [lang, path](const std::string& why) {
      return judge_message(lang, "outputs/unreadable", {{"path", path}, {"why", why}});
    };
    m.not_object = judge_message(lang, "outputs/line-not-object");
    return m;
  };
  for (const std::string& f : files) {
    CC_TRY(for_each_jsonl_object(f, messages(f), [&](const nlohmann::json& j, int line) -> Result<void> {
      std::string judge = json_text(j, "judge");
      if (judge == "final" || judge.find('#') != std::string::npos) return {};
      if (!j.contains("criteria_met") || !j["criteria_met"].is_boolean() || json_text(j, "case_id").empty())
        return Error(f + ":" + std::to_string(line) + ": " + judge_message(lang, "outputs/not-verdict"),
                     Error::Kind::Input);
      CriterionKey key{json_text(j, "model"), json_text(j, "case_id"), json_text(j, "criterion_id")};
      out.verdicts[key][judge] = {j["criteria_met"].get<bool>(), json_text(j, "explanation")};
      seen_judges.insert(judge);
      return {};
    }));
  }
  if (fs::exists(dir + "/final_missing.jsonl")) {
    CC_TRY(for_each_jsonl_object(dir + "/final_missing.jsonl", messages(dir + "/final_missing.jsonl"), [&](const nlohmann::json& j, int) -> Result<void> {
      out.final_missing.insert({json_text(j, "model"), json_text(j, "case_id"), json_text(j, "criterion_id")});
      return {};
    }));
  }
  if (out.manifest.contains("endpoints") && out.manifest["endpoints"].is_array())
    for (const auto& e : out.manifest["endpoints"]) {
      std::string name = json_text(e, "name");
      if (seen_judges.erase(name)) out.judges.push_back(name);
    }
  out.judges.insert(out.judges.end(), seen_judges.begin(), seen_judges.end());

  std::vector<std::string> paths = responses;
  if (paths.empty() && out.manifest.contains("inputs") && out.manifest["inputs"].is_array())
    for (const auto& i : out.manifest["inputs"]) {
      fs::path p(json_text(i, "path"));
      if (p.is_relative()) p = fs::path(config.root) / p;
      if (!fs::exists(p))
        return Error(judge_message(lang, "outputs/no-responses", {{"path", p.string()}, {"manifest", manifest_path}}),
                     Error::Kind::Input);
      paths.push_back(p.string());
    }
  if (!paths.empty()) {
    CC_TRY_ASSIGN(out.responses, read_responses(paths, cases, lang));
  }
  for (size_t i = 0; i < out.responses.size(); ++i)
    out.response_of[{out.responses[i].model, out.responses[i].case_id}] = i;
  return out;
}

}  // namespace cc::judge
