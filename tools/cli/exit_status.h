#pragma once
// Exit statuses: the one place that says which number a process exits with (CLI.md),
// as ninja keeps its statuses in one header. Libraries report a RunOutcome or an Error;
// the command files map them here.
#include "core/run_outcome.h"

namespace cc::cli {

enum ExitCode : int { kExitOk = 0, kExitFindings = 1, kExitUsage = 2 };

// After Ctrl-C, as shells expect for SIGINT.
inline constexpr int kExitInterrupted = 130;

// The exit status for a library's outcome: 0 done, 1 findings, 2 unusable input.
constexpr int exit_status(RunOutcome outcome) {
  switch (outcome) {
    case RunOutcome::Done: return kExitOk;
    case RunOutcome::Findings: return kExitFindings;
    case RunOutcome::Unusable: return kExitUsage;
  }
  return kExitUsage;
}

}  // namespace cc::cli
