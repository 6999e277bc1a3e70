#pragma once
// The judge prompt: which template judge.mode chooses in clinconsensus.yaml, and the one
// user message a judge is sent about a response — what `judge` sends and what
// `judge export-sft` writes as the instruction, built by the same function so the two
// cannot drift.
#include <string>

#include "core/config.h"
#include "core/result.h"
#include "judge/case_material.h"
#include "judge/prompt_template.h"

namespace cc::judge {

// judge: in clinconsensus.yaml.
struct JudgeSettings {
  bool per_case = false;    // mode per-case: all criteria of a case in one call
  std::string prompt_path;  // root-relative
};

JudgeSettings judge_settings(const Config& config);

// The template of `settings`, with the placeholders its mode needs. Errors as
// load_prompt_template.
Result<PromptTemplate> load_judge_prompt(const Config& config, const JudgeSettings& settings);

// "1. <id>: <criterion>\n" for each criterion of `c`: the per-case prompt's list.
std::string numbered_criteria(const CaseMaterial& c);

// The message about `response` to case `c`: criterion `k` (per-criterion), or every
// criterion (per-case, `k` unused).
std::string judge_prompt_for(const PromptTemplate& prompt, const JudgeSettings& settings, const CaseMaterial& c,
                             const std::string& response, size_t k);

}  // namespace cc::judge
