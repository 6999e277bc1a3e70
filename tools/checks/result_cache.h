#pragma once
// ResultCache: per-file validation results keyed by a hash of the file's bytes, as
// linters keep them, so a repeated run re-checks only what changed. The whole cache is
// void when its fingerprint — tool version, language, schemas, taxonomy, config —
// differs from the run's.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "checks/file_facts.h"
#include "core/result.h"

namespace cc {

uint64_t content_hash(std::string_view bytes);

class ResultCache {
 public:
  // Reads the cache at `path`; a missing, corrupt or foreign-fingerprint cache is empty.
  static ResultCache load(const std::string& path, uint64_t fingerprint);

  const FileResult* find(const std::string& rel_path, uint64_t hash) const;
  void put(const std::string& rel_path, uint64_t hash, FileResult result);
  // Drops entries whose file is not in `keep` (after a whole-benchmark run).
  template <typename Pred>
  void prune(Pred keep) {
    for (auto it = entries_.begin(); it != entries_.end();)
      if (keep(it->first)) {
        ++it;
      } else {
        it = entries_.erase(it);
        dirty_ = true;
      }
  }
  bool dirty() const { return dirty_; }
  // Writes the cache atomically; a failure only costs speed next time, so it is reported
  // to the caller but never fails a validation.
  Result<void> save(const std::string& path) const;

 private:
  struct Entry {
    uint64_t hash = 0;
    FileResult result;
  };
  uint64_t fingerprint_ = 0;
  std::unordered_map<std::string, Entry> entries_;
  bool dirty_ = false;
};

}  // namespace cc
