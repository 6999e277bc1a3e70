#pragma once
// Staged project: the rules a commit will record. When the index's clinconsensus.yaml,
// taxonomy or schemas differ from the work tree's (a change staged, or one left unstaged),
// `validate --staged` must judge the staged cases by the index's versions, not by what
// happens to be on disk.
#include <string>

#include "checks/validator.h"
#include "release/git.h"

namespace cc::git {

// The project of the repository at `root` as the index holds it: the work tree's when the
// index agrees with it on every file of project_files, else loaded from the index's
// versions (with its root still `root`). A file the index lacks is reported by the load,
// as a missing file would be. An Error only when git cannot be read.
Result<ProjectLoad> staged_project(const std::string& root, Lang lang);

}  // namespace cc::git
