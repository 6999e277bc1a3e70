#pragma once
// Git benchmark: a Benchmark read straight from git objects (a tagged release, any
// commit), with no checkout — what `release diff` and `release verify` compare.
#include <string>
#include <vector>

#include "core/benchmark_loader.h"
#include "release/git.h"
#include "release/git_files.h"

namespace cc::git {

// Reads the given case and rubric blobs (one thread: libgit2 handles are not shared
// across threads) and parses them on all cores. Files that cannot be read or parsed are
// reported in `diagnostics` and left out.
BenchmarkLoad load_benchmark_from_blobs(git_repository* repo, const std::vector<GitFile>& cases,
                                        const std::vector<GitFile>& rubrics, const Config& config, Lang lang);

// The whole benchmark of `tree`.
Result<BenchmarkLoad> load_benchmark_from_tree(git_repository* repo, const git_tree* tree, const std::string& prefix,
                                               const Config& config, Lang lang);

}  // namespace cc::git
