#include "release/export_run.h"

#include "core/benchmark_loader.h"
#include "release/release_gate.h"

namespace cc {

ExportRun run_export(Project& project, const ExportOptions& options) {
  ExportRun run;
  GateResult gate = run_release_gate(project);
  if (!gate.passed) {
    run.outcome = gate.report.input_error ? RunOutcome::Unusable : RunOutcome::Findings;
    run.findings = std::move(gate.report.diagnostics);
    return run;
  }
  BenchmarkLoad load = load_benchmark(project.config, project.lang);
  if (!load.diagnostics.empty()) {
    run.outcome = RunOutcome::Unusable;
    run.findings = std::move(load.diagnostics);
    return run;
  }
  run.result = export_jsonl(load.benchmark, options);
  return run;
}

}  // namespace cc
