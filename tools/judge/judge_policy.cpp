#include "judge/judge_policy.h"

#include "judge/judge_messages.h"

namespace cc::judge {

Result<JudgePolicy> judge_policy(const Config& config, Lang lang) {
  const auto& j = config.judge;
  if (!j.contains("policy")) return JudgePolicy::Primary;
  const auto& p = j["policy"];
  if (p.is_string()) {
    const std::string s = p.get<std::string>();
    if (s == "primary") return JudgePolicy::Primary;
    if (s == "agreed-only") return JudgePolicy::AgreedOnly;
    if (s == "escalate") return JudgePolicy::Escalate;
  }
  return Error(judge_message(lang, "policy/bad", {{"value", p.dump()}}), Error::Kind::Usage);
}

const char* policy_name(JudgePolicy policy) {
  switch (policy) {
    case JudgePolicy::Primary: return "primary";
    case JudgePolicy::AgreedOnly: return "agreed-only";
    case JudgePolicy::Escalate: return "escalate";
  }
  return "primary";
}

bool needs_arbiter(JudgePolicy policy, const PairVerdicts& v) {
  return policy == JudgePolicy::Escalate && !v.physician && v.second_asked && v.first && v.second &&
         *v.first != *v.second;
}

FinalVerdict final_verdict(JudgePolicy policy, const PairVerdicts& v) {
  FinalVerdict f;
  if (v.physician) {
    f.met = v.physician;
    f.source = "physician";
    return f;
  }
  if (!v.first) {
    f.reason = "final/no-first";
    return f;
  }
  if (policy == JudgePolicy::Primary || !v.second_asked) {
    f.met = v.first;
    f.source = "first";
    return f;
  }
  if (!v.second) {
    f.reason = "final/no-second";
    return f;
  }
  if (*v.first == *v.second) {
    f.met = v.first;
    f.source = "both";
    return f;
  }
  if (policy == JudgePolicy::AgreedOnly) {
    f.reason = "final/differ";
    return f;
  }
  if (v.arbiter) {
    f.met = v.arbiter;
    f.source = "arbiter";
    return f;
  }
  f.reason = "final/review";
  return f;
}

}  // namespace cc::judge
