#pragma once
// FileReader: where a run reads the files it checks — the work tree on disk, the blobs
// of the git index (`validate --staged`), or bytes a test holds in memory — so that one
// pipeline runs on any of them, as ninja's FileReader lets its tests run on a virtual
// file system. Paths are relative to the benchmark root, '/' separated. Readers are
// called from several threads at once.
#include <string>
#include <vector>

#include "core/result.h"

namespace cc {

class FileReader {
 public:
  virtual ~FileReader() = default;

  // The bytes of `path`; when they cannot be read, an Error whose message is the reason
  // alone ("No such file or directory"), as read_file words it: the caller names the file
  // in its own words (a finding's file, an `io/read` message), and message_from puts the
  // reason in the reader's language.
  virtual Result<std::string> read(const std::string& path) const = 0;

  // A cheap identity of `path`'s bytes that changes whenever they do (core/file_identity.h:
  // a stat signature, a blob id), for caches keyed by it; "" when the reader has none.
  // The default has none.
  virtual std::string identity(const std::string& path) const;

  // identity() of each of `paths`, asked for all at once so a reader can share the work
  // between them (one folder handle per folder on disk). The default asks one by one.
  virtual std::vector<std::string> identities(const std::vector<std::string>& paths) const;
};

// The files below `root` on disk, read with read_file; identities are stat signatures.
class DiskFileReader final : public FileReader {
 public:
  explicit DiskFileReader(std::string root) : root_(std::move(root)) {}
  Result<std::string> read(const std::string& path) const override;
  std::string identity(const std::string& path) const override;
  std::vector<std::string> identities(const std::vector<std::string>& paths) const override;

 private:
  std::string root_;
};

}  // namespace cc
