#pragma once
// Unfinished cuts: what a `release cut` killed part-way leaves in the work tree, and
// clearing it. A cut writes reports/<tag>/ (CHANGES.md, coverage.md, coverage.html, the export, and
// MANIFEST.sha256 last) and then reports/CHANGELOG.md, and only then makes its commit
// and tag; killed in between, it leaves complete but uncommitted files and no tag, and
// every later cut would refuse the dirty tree. The leftovers are recognised here, and
// cleared when they are provably a cut's own: the files are exactly the ones a cut
// writes, the manifest (when written) matches them, and the changelog is the committed
// one with exactly that release's entry put first.
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/messages.h"
#include "release/git.h"
#include "release/release_tags.h"

namespace cc {

struct UnfinishedCut {
  std::string tag;                 // "v1.2.0": the release the killed cut was making
  std::vector<std::string> paths;  // benchmark-relative files it left, sorted
  bool ours = false;               // provably a cut's own, so clear_unfinished_cut may remove it
  std::string why_not;             // when !ours: what did not match, in the reader's language
};

// The leftovers of a killed cut, when the work tree's only changes (`dirty`, git-relative
// as git::dirty_paths gives them) are one untagged, uncommitted reports/<tag>/ folder and
// possibly reports/CHANGELOG.md. nullopt when anything else is dirty (the usual
// "uncommitted changes" refusal applies) or no such folder is there.
Result<std::optional<UnfinishedCut>> find_unfinished_cut(git_repository* repo, const git_tree* head_tree,
                                                         const std::string& prefix, const Config& cfg,
                                                         const std::vector<std::string>& dirty,
                                                         const std::vector<git::ReleaseTag>& tags, Lang lang);

// Removes what `cut` left (it must be ours): the folder's files and the folder, and
// reports/CHANGELOG.md put back to its committed bytes (or removed when HEAD has none).
// Errors, here and in the two functions beside it, are worded in `lang`.
Result<void> clear_unfinished_cut(const UnfinishedCut& cut, git_repository* repo, const git_tree* head_tree,
                                  const std::string& prefix, const Config& cfg, Lang lang);

// A cut killed after it moved the branch but before it made the tag leaves HEAD on its
// release commit ("Release <tag>", with the manifest's hash), no tag, and the index of
// the commit before. When HEAD is such a commit, its tag is missing, and the manifest it
// commits has the hash its message names, the cut is completed: the annotated tag is
// made as the cut would have made it and the index is set to HEAD's tree. Returns the
// tag completed, or nullopt when HEAD is not an untagged release commit.
Result<std::optional<std::string>> complete_untagged_release(git_repository* repo, const git_commit* head,
                                                             const git_tree* head_tree, const std::string& prefix,
                                                             const Config& cfg,
                                                             const std::vector<git::ReleaseTag>& tags, Lang lang);

}  // namespace cc
