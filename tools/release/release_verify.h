#pragma once
// Release verify: proves that a release is what it claims — the tag's message, the
// MANIFEST in the tag's tree, every released file, an export re-derived from the tagged
// cases and rubrics, and (when given) a downloaded export file all agree.
#include <string>
#include <vector>

#include "checks/validator.h"

namespace cc {

// One check of a verification and its outcome.
struct VerifyCheck {
  std::string what;
  bool ok = false;
  std::string detail;  // on failure: what differs
};

struct VerifyResult {
  int exit_code = 0;  // 0 all agree; 1 a check failed; 2 the release could not be read
  std::string error;  // when exit_code is 2
  std::vector<VerifyCheck> checks;
};

// Verifies release `version`; `export_file` (a path, may be empty) is a downloaded export
// to compare with the released one.
VerifyResult verify_release(const Project& project, const std::string& version, const std::string& export_file);

}  // namespace cc
