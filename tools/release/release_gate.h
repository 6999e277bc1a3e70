#pragma once
// Release gate: the validation that must pass before anything leaves the repository
// (`export`, `release cut`). It is `validate` on the whole benchmark, except that the
// privacy rules cannot be lowered: a public file must never carry personal data, so
// `pii/` levels in clinconsensus.yaml are ignored here (a reviewed `pii_exceptions`
// entry in the file itself is the only way to let a match through).
#include "checks/validator.h"

namespace cc {

struct GateResult {
  ValidateReport report;
  bool passed = false;  // nothing at error severity, no input error
};

// Runs the gate. `project` is restored before returning; the result cache is bypassed
// when a privacy rule had been lowered (cached results carry the configured levels).
GateResult run_release_gate(Project& project);

}  // namespace cc
