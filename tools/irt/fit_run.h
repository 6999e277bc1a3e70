#pragma once
// `irt fit`: verdicts in, calibrated items out — DIR/items.csv, DIR/respondents.csv and
// DIR/fit.json, written together (all or none).
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/messages.h"
#include "core/result.h"
#include "irt/em_fit.h"
#include "irt/response_matrix.h"

namespace cc::irt {

struct FitRunOptions {
  std::string start_dir;
  std::string cases;                  // --cases: JSONL export or repository folder; "" = the repository here
  std::vector<std::string> verdicts;  // --verdicts
  ItemUnit unit = ItemUnit::Criterion;
  FitOptions fit;
  std::string out_dir;
  Lang lang = Lang::En;
};

struct FitRunReport {
  std::vector<Diagnostic> warnings;  // from reading the inputs
  std::vector<std::string> notes;    // warnings of the fit itself, in the run's language
  std::string summary;               // one line for the terminal
  std::vector<std::string> written;  // the files written
};

Result<FitRunReport> run_irt_fit(const FitRunOptions& options);

}  // namespace cc::irt
