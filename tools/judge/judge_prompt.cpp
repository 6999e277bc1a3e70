#include "judge/judge_prompt.h"

#include <map>

namespace cc::judge {

JudgeSettings judge_settings(const Config& config) {
  JudgeSettings s;
  const auto& j = config.judge;
  s.per_case = j.contains("mode") && j["mode"].is_string() && j["mode"].get<std::string>() == "per-case";
  const char* key = s.per_case ? "case_prompt" : "prompt";
  s.prompt_path = s.per_case ? "prompts/judge-case.md" : "prompts/judge-criterion.md";
  if (j.contains(key) && j[key].is_string()) s.prompt_path = j[key].get<std::string>();
  return s;
}

Result<PromptTemplate> load_judge_prompt(const Config& config, const JudgeSettings& settings) {
  std::vector<std::string> required = settings.per_case ? std::vector<std::string>{"query", "response", "criteria"}
                                                        : std::vector<std::string>{"query", "response", "criterion"};
  return load_prompt_template(config.abs(settings.prompt_path), settings.prompt_path, required);
}

std::string numbered_criteria(const CaseMaterial& c) {
  std::string s;
  for (size_t i = 0; i < c.criteria.size(); ++i)
    s += std::to_string(i + 1) + ". " + c.criteria[i].first + ": " + c.criteria[i].second + "\n";
  return s;
}

std::string judge_prompt_for(const PromptTemplate& prompt, const JudgeSettings& settings, const CaseMaterial& c,
                             const std::string& response, size_t k) {
  std::map<std::string, std::string> values{{"query", c.query}, {"response", response}};
  if (settings.per_case)
    values["criteria"] = numbered_criteria(c);
  else
    values["criterion"] = c.criteria[k].second;
  return render_prompt(prompt, values);
}

}  // namespace cc::judge
