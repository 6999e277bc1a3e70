#pragma once
// Staged content: what `validate --staged` checks — the case and rubric files that the
// index changes against HEAD, with the bytes the index holds (so a partially staged file
// is checked as it will be committed), the partners of deleted files (a rubric whose
// case is deleted becomes an orphan), and the index's file list for the cross-file
// checks. Nothing is read from the work tree.
#include <string>

#include "checks/validator.h"
#include "release/git.h"

namespace cc::git {

Result<ValidateOptions::Content> staged_content(const Config& config);

}  // namespace cc::git
