#pragma once
// `irt estimate`: each model's full-benchmark Rubric Accuracy and CACS@k from its
// verdicts on a subset, by p-IRT over calibrated items, with intervals.
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/messages.h"
#include "core/result.h"
#include "irt/estimate.h"
#include "irt/response_matrix.h"

namespace cc::irt {

struct EstimateRunOptions {
  std::string start_dir;
  std::string items;                  // --items: items.csv of irt fit
  std::string cases;                  // --cases, as score
  std::vector<std::string> verdicts;  // --verdicts: the subset's verdicts
  int k = 0;                          // 0: clinconsensus.yaml's k, else 10
  double ci_level = 95;
  std::string out;  // --out FILE.csv, optional
  Lang lang = Lang::En;
  unsigned threads = 0;
};

struct EstimateRunReport {
  std::vector<Respondent> respondents;
  std::vector<FullEstimate> estimates;
  int k = 10;
  std::vector<Diagnostic> warnings;
  std::vector<std::string> notes;
  std::string table;  // for the terminal
  std::string csv;    // what --out holds
  std::vector<std::string> written;
};

Result<EstimateRunReport> run_irt_estimate(const EstimateRunOptions& options);

}  // namespace cc::irt
