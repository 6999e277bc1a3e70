#pragma once
// Response files: the candidate answers judge reads — JSONL rows {"case_id", "model"?,
// "response"}, `model` defaulting to the file's stem (as generate writes them, or as any
// other tool does). Everything wrong is listed at once with file and line, and nothing is
// judged until the input is clean: a judge run is too expensive to spend on a typo.
#include <string>
#include <vector>

#include "core/result.h"
#include "judge/case_material.h"

namespace cc::judge {

struct ResponseRow {
  std::string model;
  std::string case_id;
  std::string response;
  std::string file;  // as given on the command line
  int line = 0;
};

// Reads every file (a folder stands for its *.jsonl files, sorted). Error (kind Input),
// one line per problem: a line that is not a JSON object, a missing or non-text field, an
// empty response, a case id the benchmark does not have, a (model, case_id) given twice
// (both lines named). Rows come back sorted by model, then case id.
// Every message is in `lang`.
Result<std::vector<ResponseRow>> read_responses(const std::vector<std::string>& paths, const CaseMaterials& cases,
                                                Lang lang);

}  // namespace cc::judge
