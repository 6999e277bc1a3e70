#pragma once
// Release queries: `release list` and `release diff A B`, each opening the repository of
// a benchmark and answering from git objects alone.
#include <string>
#include <vector>

#include "core/config.h"
#include "release/release_tags.h"
#include "release/tree_diff.h"

namespace cc::git {

// Every release of the repository holding the benchmark at `config.root`, oldest first;
// errors in `lang`.
Result<std::vector<ReleaseTag>> list_releases(const Config& config, Lang lang);

// The semantic diff between two versions ("1.1.0", "v1.1.0") or any revisions (a
// branch, a commit, HEAD). A version is looked up as its tag first.
Result<TreeDiff> diff_revisions(const Config& config, const std::string& from, const std::string& to, Lang lang);

// The name a diff header shows for a revision argument: its tag for a version.
std::string revision_label(const std::string& arg);

}  // namespace cc::git
