#pragma once
// Staged content: what `validate --staged` checks — the case and rubric files that the
// index changes against HEAD, with the bytes the index holds (so a partially staged file
// is checked as it will be committed), the partners of deleted files (a rubric whose
// case is deleted becomes an orphan), and the index's file list for the cross-file
// checks. Nothing is read from the work tree.
#include <memory>
#include <string>
#include <vector>

#include "checks/validator.h"
#include "release/git.h"

namespace cc::git {

// The index a commit will record: the one GIT_INDEX_FILE names (git commit -a, git commit
// PATH), else the repository's.
Result<IndexPtr> commit_index(git_repository* repo, Lang lang);

// The files that make the rules: clinconsensus.yaml, the taxonomy and the schemas validate
// loads, relative to the benchmark root. A commit that changes one of them has every case
// and rubric checked.
std::vector<std::string> project_files(const Config& config);

// What `validate --staged` checks: the files to check and the index's listing, and the
// reader of the index's blobs they are read through (ValidateOptions::content, ::reader).
struct StagedContent {
  ValidateOptions::Content content;
  std::shared_ptr<const FileReader> reader;
};

// The staged content of the repository holding `config.root`, as the file comment says.
// An Error, in `lang`, when git cannot be read.
Result<StagedContent> staged_content(const Config& config, Lang lang);

}  // namespace cc::git
