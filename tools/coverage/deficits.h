#pragma once
// Deficits: `coverage --suggest N` — the N cases most worth writing next, each a concrete
// request a physician can be asked for: specialty, task, tier, care stage and audience.
#include <string>
#include <vector>

#include "coverage/coverage_report.h"

namespace cc::coverage {

// One case to ask for, and why.
struct CaseRequest {
  const Label* specialty = nullptr;
  const Label* task = nullptr;
  std::string difficulty, care_stage, audience;  // as case files write them
  int cell_count = 0;                            // cases the cell had before this request (incl. earlier requests)
  int cell_target = 0;                           // the configured per-cell minimum
  int specialty_count = 0;                       // cases of the specialty before this request
  int specialty_target = 0;
};

// Greedy, one case at a time: the cell furthest below its minimum (ties: the thinner
// specialty, then the thinner cell by all labels, then matrix order); once every cell
// meets its minimum, the thinnest cell of a specialty still under its maximum. Tier,
// stage and audience each take the label furthest below its target share after the
// earlier requests are counted, so N requests together move every marginal towards
// target instead of all asking for the same thing.
std::vector<CaseRequest> suggest_cases(const CoverageReport& report, int n);

}  // namespace cc::coverage
