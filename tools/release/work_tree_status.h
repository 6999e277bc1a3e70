#pragma once
// Work-tree status: whether the repository has anything not committed — staged or
// unstaged changes, or untracked files git does not ignore. The tool's own result cache
// (.clinconsensus/) never counts: it is a cache, not content.
#include <string>
#include <vector>

#include "release/git.h"

namespace cc::git {

// The paths (git-relative) that make the work tree dirty; empty when it is clean.
Result<std::vector<std::string>> dirty_paths(git_repository* repo, const std::string& prefix, Lang lang);

}  // namespace cc::git
