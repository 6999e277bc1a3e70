#pragma once
// Scaffold: the text of a new case and its rubric, with the schema modeline so editors
// autocomplete, and comments that explain every field to the physician filling it in.
#include <string>
#include <vector>

#include "core/config.h"
#include "core/result.h"
#include "core/taxonomy.h"

namespace cc {

struct ScaffoldRequest {
  std::string case_id;
  const Label* subject = nullptr;
  const Label* task = nullptr;
  std::string difficulty = "medium";  // code
  std::string care_stage;             // zh name; empty: the first stage
  std::string audience = "lay";       // code
  std::string user_role;              // empty: a default that matches the audience
};

// The next unused id: one more than the highest number among the names of `existing`
// (file stems), formatted with the configured prefix and digits.
std::string next_case_id(const Config& config, const std::vector<std::string>& existing_stems);

// The new files' text, written by the YAML writer; an Error only when a value given on the
// command line (the role) cannot be written as YAML at all (it is not UTF-8).
Result<std::string> scaffold_case(const Config& config, const Taxonomy& taxonomy, const ScaffoldRequest& req);
Result<std::string> scaffold_rubric(const Config& config, const Taxonomy& taxonomy, const ScaffoldRequest& req);

}  // namespace cc
