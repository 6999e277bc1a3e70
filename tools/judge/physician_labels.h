#pragma once
// Physician labels: the JSONL that `review import` writes and `agree --gold`,
// `judge export-sft --gold` and the final verdicts read — one row per reviewed criterion,
// in the verdict schema: {"model", "case_id", "criterion_id", "judge": "physician",
// "criteria_met", "reviewer", "note"}.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "judge/judge_outputs.h"

namespace cc::judge {

struct PhysicianLabel {
  CriterionKey key;
  bool met = false;
  std::string reviewer;
  std::string note;
};

// A label as a physician writes it: 是/否, true/false (any case), 1/0, blanks around it
// ignored. nullopt for anything else.
std::optional<bool> physician_label_value(std::string_view text);

// The labels in `path`, in file order. Error (kind Input) with file and line for a row
// that is not a label, in `lang`.
Result<std::vector<PhysicianLabel>> read_physician_labels(const std::string& path, Lang lang);

// Writes `labels` to `path` atomically, sorted by key.
Result<void> write_physician_labels(const std::string& path, std::vector<PhysicianLabel> labels, Lang lang);

}  // namespace cc::judge
