#pragma once
// Export run: what `clinconsensus export` does — the release gate, then the benchmark
// from the work tree, then the JSONL.
#include <string>
#include <vector>

#include "checks/validator.h"
#include "release/export_jsonl.h"

namespace cc {

struct ExportRun {
  int exit_code = 0;                 // 0 exported; 1 validation failed; 2 unreadable input
  std::vector<Diagnostic> findings;  // when validation failed
  ExportResult result;
};

ExportRun run_export(Project& project, const ExportOptions& options);

}  // namespace cc
