#pragma once
// Git: the small layer over libgit2 every release operation goes through — owning
// handles that free themselves, and errors as values carrying libgit2's own text, so no
// libgit2 call leaks a handle or turns a failure into a crash.
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "core/messages.h"
#include "core/result.h"

#include <git2.h>

namespace cc::git {

// Errors are the house's one result type (core/result.h); libgit2's own text follows
// what failed. An operation that yields nothing returns Result<void>.
using cc::Error;
using cc::Result;

// `what`, then the text of libgit2's last error on this thread (when there is one).
Error last_error(std::string_view what);

// Owning handles: each frees its libgit2 object when it goes away.
template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const {
    if (p) Free(p);
  }
};
using RepoPtr = std::unique_ptr<git_repository, Deleter<git_repository, git_repository_free>>;
using IndexPtr = std::unique_ptr<git_index, Deleter<git_index, git_index_free>>;
using TreePtr = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using CommitPtr = std::unique_ptr<git_commit, Deleter<git_commit, git_commit_free>>;
using BlobPtr = std::unique_ptr<git_blob, Deleter<git_blob, git_blob_free>>;
using ObjectPtr = std::unique_ptr<git_object, Deleter<git_object, git_object_free>>;
using ReferencePtr = std::unique_ptr<git_reference, Deleter<git_reference, git_reference_free>>;
using SignaturePtr = std::unique_ptr<git_signature, Deleter<git_signature, git_signature_free>>;
using TagPtr = std::unique_ptr<git_tag, Deleter<git_tag, git_tag_free>>;
using ConfigPtr = std::unique_ptr<git_config, Deleter<git_config, git_config_free>>;
using StatusListPtr = std::unique_ptr<git_status_list, Deleter<git_status_list, git_status_list_free>>;
using TreeEntryPtr = std::unique_ptr<git_tree_entry, Deleter<git_tree_entry, git_tree_entry_free>>;

// Initialises libgit2 once per process (and shuts it down at exit). Every entry point
// below calls it; callers of raw libgit2 functions call it first.
void ensure_init();

// The repository containing `path` (searching upward, as git does); an Error in `lang`.
Result<RepoPtr> open_repository(const std::string& path, Lang lang);
// A new, empty repository at `path` (non-bare), for tests and tools.
Result<RepoPtr> init_repository(const std::string& path);

// The repository's work tree, absolute, without a trailing '/'; empty for a bare one.
std::string workdir(git_repository* repo);

// 40 lowercase hex digits.
std::string oid_hex(const git_oid& oid);

// The bytes of blob `oid`.
Result<std::string> read_blob(git_repository* repo, const git_oid& oid, Lang lang);

// The tree a revision names (a tag, branch, commit id or any rev-parse expression),
// peeling annotated tags and commits.
Result<TreePtr> tree_of(git_repository* repo, const std::string& revision, Lang lang);

// HEAD's commit; an unborn branch (no commit yet) yields a null pointer, not an error.
Result<CommitPtr> head_commit(git_repository* repo, Lang lang);

// The author and committer: the repository's user.name and user.email.
Result<SignaturePtr> default_signature(git_repository* repo, Lang lang);

}  // namespace cc::git
