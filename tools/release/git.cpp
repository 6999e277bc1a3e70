#include "release/git.h"

#include <mutex>

#include "release/release_messages.h"

namespace cc::git {
namespace {

// Holds libgit2 initialised for the life of the process.
struct Library {
  Library() { git_libgit2_init(); }
  ~Library() { git_libgit2_shutdown(); }
};

}  // namespace

void ensure_init() { static Library library; }

Error last_error(std::string_view what) {
  std::string text(what);
  const git_error* e = git_error_last();
  if (e && e->message && *e->message) text += std::string(": ") + e->message;
  return Error{text};
}

Result<RepoPtr> open_repository(const std::string& path, Lang lang) {
  ensure_init();
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, path.c_str(), 0, nullptr) != 0)
    return last_error(release_message(lang, "git/no-repository", {{"path", path}}));
  return RepoPtr(raw);
}

Result<RepoPtr> init_repository(const std::string& path) {
  ensure_init();
  git_repository* raw = nullptr;
  if (git_repository_init(&raw, path.c_str(), 0) != 0) return last_error("cannot create a git repository at " + path);
  return RepoPtr(raw);
}

std::string workdir(git_repository* repo) {
  const char* w = git_repository_workdir(repo);
  if (!w) return {};
  std::string s(w);
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

std::string oid_hex(const git_oid& oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &oid);
  return buf;
}

Result<std::string> read_blob(git_repository* repo, const git_oid& oid, Lang lang) {
  git_blob* raw = nullptr;
  if (git_blob_lookup(&raw, repo, &oid) != 0) return last_error(release_message(lang, "git/read-object", {{"oid", oid_hex(oid)}}));
  BlobPtr blob(raw);
  const char* data = static_cast<const char*>(git_blob_rawcontent(blob.get()));
  return std::string(data, static_cast<size_t>(git_blob_rawsize(blob.get())));
}

Result<TreePtr> tree_of(git_repository* repo, const std::string& revision, Lang lang) {
  git_object* raw = nullptr;
  if (git_revparse_single(&raw, repo, revision.c_str()) != 0) return last_error(release_message(lang, "git/unknown-revision", {{"revision", revision}}));
  ObjectPtr obj(raw);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, obj.get(), GIT_OBJECT_TREE) != 0)
    return last_error(release_message(lang, "git/revision-no-tree", {{"revision", revision}}));
  return TreePtr(reinterpret_cast<git_tree*>(peeled));
}

Result<CommitPtr> head_commit(git_repository* repo, Lang lang) {
  git_reference* raw = nullptr;
  int rc = git_repository_head(&raw, repo);
  if (rc == GIT_EUNBORNBRANCH || rc == GIT_ENOTFOUND) return CommitPtr();
  if (rc != 0) return last_error(release_message(lang, "git/read-head"));
  ReferencePtr head(raw);
  git_object* peeled = nullptr;
  if (git_reference_peel(&peeled, head.get(), GIT_OBJECT_COMMIT) != 0) return last_error(release_message(lang, "git/head-no-commit"));
  return CommitPtr(reinterpret_cast<git_commit*>(peeled));
}

Result<SignaturePtr> default_signature(git_repository* repo, Lang lang) {
  git_signature* raw = nullptr;
  if (git_signature_default(&raw, repo) != 0)
    return last_error(release_message(lang, "git/no-identity"));
  return SignaturePtr(raw);
}

}  // namespace cc::git
