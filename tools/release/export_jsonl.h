#pragma once
// Export: the benchmark as JSONL in the public ClinConsensus format — one row per
// released case, keys in the public order, canonical JSON, sorted by case_id — so the
// same benchmark always gives the same bytes and a release can be proven by its hash.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model.h"

namespace cc {

// The difficulty tier that forms the public release (TAXONOMY.md: "The public release is
// the low tier").
inline constexpr const char* kPublicTier = "low";
// The only status that is ever exported.
inline constexpr const char* kReleasedStatus = "approved";

struct ExportOptions {
  bool public_only = false;  // only the public tier (kPublicTier)
};

// What an export produced, and which approved cases it left out and why.
struct ExportResult {
  std::string jsonl;  // one row per line, each ending in '\n'
  int rows = 0;
  std::vector<std::string> without_rubric;  // approved cases with no rubric: not exported
};

// Whether `c` is part of a release: approved, with a rubric.
bool is_released(const Case& c, const Benchmark& b);

// The public row of one case: case_id, difficulty, task, task_labels, subject,
// subject_labels, user_role, clinical_context, user_request, rubrics [{criterion_id,
// criterion}] in that order. Internal fields (status, authors, provenance, review, axis,
// critical, ...) have no place in it.
nlohmann::ordered_json export_row(const Case& c, const Rubric& r);

// Canonical JSON text of a value: no whitespace, UTF-8 left unescaped, only '"', '\\'
// and control characters escaped (nlohmann's dump with ensure_ascii off). Throws
// nlohmann::json::type_error on invalid UTF-8, which the loader never lets through.
std::string canonical_json(const nlohmann::ordered_json& j);

ExportResult export_jsonl(const Benchmark& b, const ExportOptions& options);

}  // namespace cc
