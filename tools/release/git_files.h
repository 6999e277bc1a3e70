#pragma once
// Git files: the benchmark's case and rubric files as git holds them — in a commit's
// tree or in the index — listed without touching the work tree.
#include <string>
#include <vector>

#include "release/git.h"

namespace cc::git {

// One file as git stores it: its path relative to the benchmark root and its blob id.
struct GitFile {
  std::string path;
  git_oid oid;
};

// Where the benchmark root (the folder holding clinconsensus.yaml) lies inside the git
// work tree: "" at the top, else "sub/dir/". Paths in git objects are this plus the
// benchmark-relative path. An Error (bare repository, root outside it) in `lang`.
Result<std::string> root_prefix(git_repository* repo, const std::string& benchmark_root, Lang lang);

// Every *.yaml / *.yml blob below `dir` (benchmark-relative) in `tree`, sorted by path.
// A missing folder is an empty list; an Error in `lang`.
Result<std::vector<GitFile>> tree_yaml_files(git_repository* repo, const git_tree* tree, const std::string& prefix,
                                             const std::string& dir, Lang lang);

// The same for the entries of the index (stage 0 only: a conflicted file is skipped).
std::vector<GitFile> index_yaml_files(git_index* index, const std::string& prefix, const std::string& dir);

// The blob of one benchmark-relative path in `tree`, if it is there; an Error in `lang`.
Result<std::string> tree_file(git_repository* repo, const git_tree* tree, const std::string& prefix,
                              const std::string& path, Lang lang);

// Whether a path names a YAML file (".yaml" or ".yml").
bool is_yaml_path(const std::string& path);

}  // namespace cc::git
