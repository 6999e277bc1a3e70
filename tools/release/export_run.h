#pragma once
// Export run: what `clinconsensus export` does — the release gate, then the benchmark
// from the work tree, then the JSONL.
#include <string>
#include <vector>

#include "checks/validator.h"
#include "release/export_jsonl.h"
#include "core/run_outcome.h"

namespace cc {

struct ExportRun {
  RunOutcome outcome = RunOutcome::Done;  // Done exported; Findings validation failed; Unusable unreadable input
  std::vector<Diagnostic> findings;       // when validation failed
  ExportResult result;
};

ExportRun run_export(Project& project, const ExportOptions& options);

}  // namespace cc
