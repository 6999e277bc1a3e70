#pragma once
// Judge policy: how two judges' verdicts on one criterion become the run's final verdict
// (judge.policy in clinconsensus.yaml). The final verdicts are written beside the
// judges' own under the judge name "final", so `score --judge final` scores them.
//   primary     : the first judge's verdict;
//   agreed-only : the verdict both judges gave; where they differ, none (missing);
//   escalate    : the verdict both gave; where they differ, the arbiter's (--arbiter),
//                 or none until a physician reviews it (review export / import).
// A criterion the second judge was not asked about (--second-judge-sample) keeps the
// first judge's verdict under every policy. A physician's label (review import into
// DIR/physician_labels.jsonl) settles its criterion under every policy. Whatever cannot be
// decided is missing, never false.
#include <optional>
#include <string>

#include "core/config.h"
#include "core/result.h"

namespace cc::judge {

enum class JudgePolicy { Primary, AgreedOnly, Escalate };

// The name of the final verdicts' judge in the verdict files.
inline constexpr const char* kFinalJudge = "final";

// judge.policy of the config; primary when absent. Error (kind Usage, in `lang`) for another value.
Result<JudgePolicy> judge_policy(const Config& config, Lang lang);

// "primary", "agreed-only" or "escalate".
const char* policy_name(JudgePolicy policy);

// What is known about one criterion of one response.
struct PairVerdicts {
  std::optional<bool> first;      // the first judge's verdict, if it gave one
  bool second_asked = false;      // the second judge was to judge it (sampled)
  std::optional<bool> second;     // its verdict, if it gave one
  std::optional<bool> arbiter;    // the arbiter's, if it was asked and answered
  std::optional<bool> physician;  // a physician's label, if there is one
};

// The final verdict, or why there is none.
struct FinalVerdict {
  std::optional<bool> met;
  std::string source;  // "first", "both", "arbiter", "physician" when met is set
  std::string reason;  // message id (judge_messages) when met is unset
};

// True when `v` goes to the arbiter under `policy`: escalate, and both judges gave
// verdicts that differ.
bool needs_arbiter(JudgePolicy policy, const PairVerdicts& v);

FinalVerdict final_verdict(JudgePolicy policy, const PairVerdicts& v);

}  // namespace cc::judge
