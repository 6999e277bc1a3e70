#pragma once
// Verdict parsing: the judge's message text into verdicts. The text may hold a fenced or
// bare JSON object with prose around it, and thinking output before it
// (`<think>…</think>`). `criteria_met` must be a JSON boolean: "true", 1 or "是" are parse
// failures, because a verdict guessed from an ambiguous answer is worse than none.
#include <string>
#include <string_view>
#include <vector>

#include "core/messages.h"
#include "core/result.h"

namespace cc::judge {

// One criterion's verdict as the judge gave it.
struct CriterionVerdict {
  std::string criterion_id;  // per-case mode: the id the judge echoed; per-criterion: ""
  bool criteria_met = false;
  std::string explanation;  // "" when the judge gave none
};

// Removes thinking output: everything up to and including the last `</think>` (the
// opening tag may be missing when the server strips it), and everything from a `<think>`
// that is never closed (thinking cut off by max_tokens holds no verdict).
std::string_view strip_thinking(std::string_view text);

// Per-criterion mode: one object {"explanation": ..., "criteria_met": true|false}.
// When the text holds several objects, the last one that has `criteria_met` wins
// (models often restate an example first). Error names what was wrong, briefly; a key
// given twice in the verdict object is an Error too, as the verdict is then ambiguous.
// The Error is worded in `lang` (the run's --lang).
Result<CriterionVerdict> parse_criterion_verdict(std::string_view text, Lang lang = Lang::En);

// Per-case mode: a JSON array (fenced or bare, or an object holding it under
// "verdicts"/"results") of {"criterion_id", "explanation", "criteria_met"}, one per id
// in `expected_ids`, in any order; objects written one after another without a list are
// taken together. The verdicts come back in the order of `expected_ids`. Error when an id
// is missing, repeated or unknown, or any criteria_met is not a boolean; worded in `lang`.
Result<std::vector<CriterionVerdict>> parse_case_verdicts(std::string_view text,
                                                          const std::vector<std::string>& expected_ids,
                                                          Lang lang = Lang::En);

}  // namespace cc::judge
