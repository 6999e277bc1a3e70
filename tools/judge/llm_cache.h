#pragma once
// LlmCache: every answer an endpoint gave, in SQLite (WAL mode) at
// .clinconsensus/cache/llm.sqlite, keyed by the SHA-256 of the canonical request. Each
// answer is committed as it arrives, so a killed run loses only what was in flight, and
// rerunning the same command asks nothing twice. It never holds an API key: the key is
// not part of a request body and is never given to the cache.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/messages.h"
#include "core/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace cc::judge {

// One stored answer.
struct CachedAnswer {
  std::string body;    // the raw response body
  std::string parsed;  // the parsed result as compact JSON (a verdict, verdicts, or a response)
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
  double latency_ms = 0;
  std::string endpoint;      // endpoint name, for people reading the cache
  std::string model;         // model id sent
  int64_t created_unix = 0;  // when the answer arrived
};

// One object serves one thread at a time (its prepared statements are reused); several
// objects or processes on the same file are fine.
class LlmCache {
 public:
  // Opens (creating folders and the database when missing) the cache at `path`, in WAL
  // mode with a busy timeout, so two runs may share it. Error (kind Input) with the path
  // and SQLite's text when it cannot be opened or is not a cache of ours; this and every
  // later error of the object are worded in `lang`.
  static Result<std::unique_ptr<LlmCache>> open(const std::string& path, Lang lang);
  ~LlmCache();
  LlmCache(const LlmCache&) = delete;
  LlmCache& operator=(const LlmCache&) = delete;

  // The answer stored under `key` (64 hex digits, either case), if any. Error when the
  // key is malformed or SQLite fails (a damaged file reads as an Error, never a crash).
  Result<std::optional<CachedAnswer>> get(const std::string& key);
  // Stores `answer` under `key`, replacing any older one; committed before it returns.
  // Error when the key is malformed, or SQLite fails (disk full, damaged file, another
  // run holding the write lock for over 10 s).
  Result<void> put(const std::string& key, const CachedAnswer& answer);
  // Number of stored answers (for tests and `--dry-run`).
  Result<int64_t> size();

 private:
  LlmCache() = default;
  // The Error for a failed read or write (`id`, cache/read or cache/write), with SQLite's reason.
  Error failure(std::string_view id) const;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* get_ = nullptr;
  sqlite3_stmt* put_ = nullptr;
  std::string path_;
  Lang lang_ = Lang::En;  // the language of its errors
};

}  // namespace cc::judge
