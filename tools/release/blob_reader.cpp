#include "release/blob_reader.h"

#include <cerrno>
#include <cstring>

namespace cc::git {

BlobReader::BlobReader(RepoPtr repo, std::map<std::string, git_oid> blobs, Lang lang)
    : repo_(std::move(repo)), blobs_(std::move(blobs)), lang_(lang) {}

Result<std::string> BlobReader::read(const std::string& path) const {
  auto it = blobs_.find(path);
  // Reads only ask for listed paths; any other is as missing as a file on disk would be.
  if (it == blobs_.end()) return Error(std::strerror(ENOENT));
  std::lock_guard<std::mutex> guard(lock_);
  return read_blob(repo_.get(), it->second, lang_);
}

std::string BlobReader::identity(const std::string& path) const {
  auto it = blobs_.find(path);
  return it == blobs_.end() ? std::string() : "blob:" + oid_hex(it->second);
}

}  // namespace cc::git
