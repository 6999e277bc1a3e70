#pragma once
// BlobReader: a FileReader (core/file_reader.h) over git blobs — each root-relative path
// read from the blob a git index or tree lists for it, not from the work tree — so that
// `validate --staged` checks what the next commit will hold. A path's identity is its blob
// id ("blob:<hex>", as core/file_identity.h's blob_identity gives for the same bytes).
#include <map>
#include <mutex>
#include <string>

#include "core/file_reader.h"
#include "release/git.h"

namespace cc::git {

class BlobReader final : public FileReader {
 public:
  // Reads from `repo` the blob `blobs` names for each path; a blob that cannot be read is
  // an Error in `lang`.
  BlobReader(RepoPtr repo, std::map<std::string, git_oid> blobs, Lang lang);

  // The blob's bytes; the errno text of a missing file when no blob is listed for the
  // path, libgit2's text when the blob cannot be read. One read at a time: a repository handle is not shared
  // between threads.
  Result<std::string> read(const std::string& path) const override;
  // "blob:" and the blob id; "" for a path without a blob.
  std::string identity(const std::string& path) const override;

 private:
  RepoPtr repo_;
  std::map<std::string, git_oid> blobs_;
  Lang lang_;
  mutable std::mutex lock_;
};

}  // namespace cc::git
