#pragma once
// Tree diff: the semantic diff between two git trees, read from git objects with no
// checkout. A case whose case and rubric blobs are identical on both sides cannot have
// changed, so only its (small) case file is parsed, once; only what differs is read in
// full. This keeps `release diff` on two 2,500-case releases well under a second.
#include <string>
#include <vector>

#include "core/config.h"
#include "core/diagnostic.h"
#include "release/git.h"
#include "release/semantic_diff.h"

namespace cc::git {

// What a tree diff found, and the files it could not read (left out of the diff).
struct TreeDiff {
  ReleaseDiff diff;
  std::vector<Diagnostic> problems;
};

Result<TreeDiff> diff_trees(git_repository* repo, const git_tree* before, const git_tree* after,
                            const std::string& prefix, const Config& config, Lang lang);

}  // namespace cc::git
