#pragma once
// Pre-commit hook: the script `hook install` writes into the repository's hooks folder,
// running `clinconsensus validate --staged` on every commit. It never replaces a hook it
// did not write unless forced.
#include <string>

#include "core/messages.h"
#include "core/run_outcome.h"

namespace cc {

// The line that marks a hook as ours (so a re-install may replace it).
inline constexpr const char* kHookMarker = "# clinconsensus pre-commit hook";

// The hook script. `binary` is the clinconsensus that installs it (tried after
// $CLINCONSENSUS and before PATH); `benchmark_dir` is the benchmark root relative to the
// git work tree ("" at the top).
std::string hook_script(const std::string& binary, const std::string& benchmark_dir);

struct HookInstallResult {
  RunOutcome outcome = RunOutcome::Done;  // Done installed; Findings refused (a foreign hook is there); Unusable error
  std::string message;
  std::string path;  // the hook file
};

// Installs the hook for the benchmark at `root` (honouring core.hooksPath).
HookInstallResult install_hook(const std::string& root, const std::string& binary, bool force, Lang lang);

}  // namespace cc
