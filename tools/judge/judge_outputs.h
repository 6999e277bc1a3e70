#pragma once
// Judge outputs: a finished judge run's folder read back — its manifest, the verdicts of
// every judge by (model, case, criterion), the criteria without a final verdict, and the
// responses that were judged — for physician review and distillation data.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config.h"
#include "core/result.h"
#include "judge/case_material.h"
#include "judge/responses_file.h"

namespace cc::judge {

// (model, case_id, criterion_id)
using CriterionKey = std::tuple<std::string, std::string, std::string>;

struct JudgeVerdict {
  bool met = false;
  std::string explanation;
};

struct JudgeOutputs {
  nlohmann::json manifest;          // DIR/judge_manifest.json
  std::vector<std::string> judges;  // judges with verdicts: the manifest's endpoints first, then by name;
                                    // "final" and repeats ("A#2") left out
  std::map<CriterionKey, std::map<std::string, JudgeVerdict>> verdicts;  // by key, then judge
  std::set<CriterionKey> final_missing;                                  // DIR/final_missing.jsonl
  std::map<std::pair<std::string, std::string>, size_t> response_of;     // (model, case_id) → index in responses
  std::vector<ResponseRow> responses;
};

// Reads the run in `dir`. The responses are `responses` when given, else the manifest's
// inputs (relative paths taken from the repository root). Error (kind Input) naming the
// file and line of a row that cannot be read, or saying to pass --responses when the
// manifest's inputs cannot be found; messages in `lang`.
Result<JudgeOutputs> read_judge_outputs(const Config& config, const std::string& dir,
                                        const std::vector<std::string>& responses, const CaseMaterials& cases,
                                        Lang lang);

}  // namespace cc::judge
