#pragma once
// Release verify: proves that a release is what it claims — the tag's message, the
// MANIFEST in the tag's tree, every released file, an export re-derived from the tagged
// cases and rubrics, and (when given) a downloaded export file all agree.
#include <string>
#include <vector>

#include "checks/validator.h"
#include "core/run_outcome.h"

namespace cc {

// One check of a verification and its outcome.
struct VerifyCheck {
  std::string what;
  bool ok = false;
  std::string detail;  // on failure: what differs
};

struct VerifyResult {
  RunOutcome outcome =
      RunOutcome::Done;  // Done all agree; Findings a check failed; Unusable the release could not be read
  std::string error;     // when outcome is Unusable
  std::vector<VerifyCheck> checks;
};

// Verifies release `version`; `export_file` (a path, may be empty) is a downloaded export
// to compare with the released one.
VerifyResult verify_release(const Project& project, const std::string& version, const std::string& export_file);

}  // namespace cc
