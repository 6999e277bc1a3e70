#pragma once
// CaseTextCache: what integrity/duplicate-case-text needs of each case (id, status, text
// key, where the text is written), keyed by the run's FileReader's identity of the file's
// bytes (core/file_identity.h): its stat signature in the work tree, its blob id in the
// git index. With it a partial run (`validate PATH`, a pre-commit hook) compares the
// checked cases with every other case without parsing them again. Stored in
// .clinconsensus/cache/case-text.json; a missing, corrupt or older cache is empty, and
// losing it only costs time.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "checks/file_facts.h"
#include "core/result.h"

namespace cc {

class CaseTextCache {
 public:
  static CaseTextCache load(const std::string& path);

  // The facts (kind Case) stored under `identity`, or nullptr. Marks the entry as used.
  const FileFacts* find(const std::string& identity);
  // Stores the facts under `identity` (and marks it used); the cache becomes dirty only
  // when that changes what it holds.
  void put(const std::string& identity, const FileFacts& facts);
  bool dirty() const { return dirty_; }
  // Writes atomically, keeping the entries this run used and, unless they outnumber them
  // three to one, the others (so runs on the work tree and on the index do not evict
  // each other's entries).
  Result<void> save(const std::string& path) const;

 private:
  struct Entry {
    FileFacts facts;
    bool used = false;  // by this run: found or put (a flag, not a set of keys: cheaper to keep)
  };
  std::unordered_map<std::string, Entry> entries_;
  size_t used_count_ = 0;
  bool dirty_ = false;
};

}  // namespace cc
