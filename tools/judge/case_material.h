#pragma once
// Case material: what generate and judge send about each case — the user's query
// (clinical_context and user_request, as the paper's judge interface has it) and the
// criteria in rubric order — read from the benchmark repository. Retired cases are left
// out, as score leaves them out.
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/config.h"
#include "core/messages.h"
#include "core/result.h"

namespace cc::judge {

struct CaseMaterial {
  std::string case_id;
  std::string query;                                          // clinical_context, a blank line, user_request
  std::string specialty;                                      // the case's subject (specialty), for stratified samples
  std::vector<std::pair<std::string, std::string>> criteria;  // (criterion_id, criterion)
};

// The cases to evaluate, sorted by id, with an index by id.
struct CaseMaterials {
  std::vector<CaseMaterial> cases;
  std::unordered_map<std::string, size_t> index;
  const CaseMaterial* find(const std::string& case_id) const {
    auto it = index.find(case_id);
    return it == index.end() ? nullptr : &cases[it->second];
  }
};

// Every non-retired case of the repository with its rubric. Error (kind Input) listing
// the files that could not be read, or the cases without a rubric: judging them would
// give verdicts that score could not place.
Result<CaseMaterials> load_case_materials(const Config& config, Lang lang);

// Keeps only the cases whose ids are listed in the file at `ids_path` (one id per line;
// blank lines and lines starting with '#' are skipped). Error (kind Input) naming the
// file and line of an id the benchmark does not have, worded in `lang`.
Result<void> restrict_to_ids(CaseMaterials& materials, const std::string& ids_path, Lang lang);

// The query a case puts to a model: both texts without trailing blanks, joined by a blank line.
std::string case_query(const std::string& clinical_context, const std::string& user_request);

}  // namespace cc::judge
