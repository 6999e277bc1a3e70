#pragma once
// The writers of `agree`'s output files, one function per file; each returns the bytes.
#include <string>
#include <utility>
#include <vector>

#include "scoring/stats/agreement.h"
#include "scoring/stats/repeatability.h"
#include "scoring/input/case_set.h"
#include "scoring/input/source_file.h"

namespace cc::scoring {

// Everything an agree run produced, for the writers.
struct AgreeReport {
  const CaseSet* cases = nullptr;
  AgreementReport agreement;
  std::string cases_source;
  std::vector<InputRecord> inputs;
  std::string tool_version;
};

// agreement.csv: one row per comparison and slice.
std::string agreement_csv(const AgreeReport& r);
// disagreements.csv: one row per cell the two judges differ on, by case and criterion.
std::string disagreements_csv(const AgreeReport& r);
// agreement.json: the same figures as agreement.csv, with the settings.
std::string agreement_json(const AgreeReport& r);
// run_manifest.json of an agree run.
std::string agree_manifest_json(const AgreeReport& r, const std::string& command,
                                const std::vector<std::pair<std::string, std::string>>& outputs);
// The terminal summary: overall figures per comparison, then A vs B per slice.
std::string agreement_text(const AgreeReport& r);

// agree --repeats: kappa between every two repeats, and each model's CACS@k per repeat
// with its SD — for the terminal, and as repeatability.json.
std::string repeatability_text(const Repeatability& r);
std::string repeatability_json(const Repeatability& r);

}  // namespace cc::scoring
