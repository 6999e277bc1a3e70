#include "judge/llm_cache.h"

#include <sqlite3.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fcntl.h>
#include <unistd.h>

#include "judge/judge_messages.h"

namespace cc::judge {

namespace {

// The layout this code reads and writes. Raise it when the tables change, so an older
// build refuses a newer file instead of misreading it.
constexpr int64_t kSchemaVersion = 1;

constexpr int kBusyTimeoutMs = 10000;

// What a user can do about an unusable cache: it holds nothing but answers that can be
// asked for again, so deleting it is always safe.
std::string delete_hint(const std::string& path, Lang lang) {
  return judge_message(lang, "cache/delete-hint", {{"path", path}});
}

// SQLite's words for its last failure on `db`, with the way out when the file itself is
// damaged. Other failures (permissions, a full disk, a lock held too long) are not cured
// by deleting the cache, so they get no such advice.
std::string sqlite_why(sqlite3* db, const std::string& path, Lang lang) {
  if (!db) return sqlite3_errstr(SQLITE_NOMEM);
  std::string why = sqlite3_errmsg(db);
  int code = sqlite3_errcode(db) & 0xff;  // the primary code, whatever extended one was set
  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) why += "; " + delete_hint(path, lang);
  return why;
}

Error open_error(const std::string& path, sqlite3* db, Lang lang) {
  return Error(judge_message(lang, "cache/unusable", {{"path", path}, {"why", sqlite_why(db, path, lang)}}),
               Error::Kind::Input);
}

// Runs statements that return no rows we need.
bool exec(sqlite3* db, const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }

// Reads the first column of the first row of `sql` as text; nullopt for no row or NULL.
// Sets *ok to false when SQLite fails.
std::optional<std::string> query_text(sqlite3* db, const char* sql, bool* ok) {
  *ok = false;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) return std::nullopt;
  std::optional<std::string> out;
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    if (const unsigned char* t = sqlite3_column_text(st, 0))
      out = std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(st, 0)));
    *ok = true;
  } else if (rc == SQLITE_DONE) {
    *ok = true;
  }
  sqlite3_finalize(st);
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The 32 bytes a 64-hex-digit key stands for. Storing bytes rather than text halves the
// key column and makes one key one row whatever the case of its digits.
bool key_bytes(const std::string& key, unsigned char out[32]) {
  if (key.size() != 64) return false;
  for (size_t i = 0; i < 32; ++i) {
    int hi = hex_value(key[2 * i]), lo = hex_value(key[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  return true;
}

Error bad_key(const std::string& key) {
  return Error("LLM cache key is not 64 hex digits: \"" + key.substr(0, 80) + "\"");
}

std::string column_string(sqlite3_stmt* st, int col) {
  const unsigned char* t = sqlite3_column_text(st, col);
  if (!t) return {};
  return std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(st, col)));
}

// Leaves a reused statement ready for its next use whichever way the caller returns, and
// drops bindings that point into the caller's strings.
class StatementReset {
 public:
  explicit StatementReset(sqlite3_stmt* st) : st_(st) {}
  ~StatementReset() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
  StatementReset(const StatementReset&) = delete;
  StatementReset& operator=(const StatementReset&) = delete;

 private:
  sqlite3_stmt* st_;
};

// Creates the file ourselves when it is missing, with mode 0666 less the umask like any
// other file a user's tools create. SQLite alone would start from 0644, ignoring a umask
// that allows group writing; it gives its -wal and -shm files the mode of the database,
// so this settles all three. A process that loses the race to create it sees EEXIST and
// an empty file, which SQLite treats as an empty database.
Result<void> create_file_if_missing(const std::string& path, Lang lang) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd >= 0) {
    ::close(fd);
    return {};
  }
  if (errno == EEXIST) return {};
  return Error(judge_message(lang, "cache/create", {{"path", path}, {"why", std::strerror(errno)}}),
               Error::Kind::Input);
}

// Makes the database one of ours: creates the tables in an empty database, accepts one
// at our schema version, refuses anything else. Runs in one write transaction so two
// processes opening a new cache at once cannot both create it.
Result<void> prepare_schema(sqlite3* db, const std::string& path, Lang lang) {
  auto sqlite_error = [&] { return open_error(path, db, lang); };
  if (!exec(db, "BEGIN IMMEDIATE")) return sqlite_error();
  auto fail = [&](Error e) {
    exec(db, "ROLLBACK");
    return e;
  };
  bool ok = false;
  std::optional<std::string> tables = query_text(db, "SELECT count(*) FROM sqlite_master WHERE type='table'", &ok);
  if (!ok) return fail(sqlite_error());
  if (tables == "0") {
    // answers is an ordinary rowid table: its rows (a response body of a few KB) are too
    // big for WITHOUT ROWID, whose b-tree spills each one onto overflow pages; measured,
    // that made the file twice the size and put and get several times slower. The CHECK
    // keeps any writer from storing a key as anything but its 32 bytes.
    const std::string create =
        "CREATE TABLE meta(name TEXT PRIMARY KEY, value) WITHOUT ROWID;"
        "CREATE TABLE answers(key BLOB PRIMARY KEY CHECK(typeof(key) = 'blob' AND length(key) = 32),"
        " body TEXT NOT NULL, parsed TEXT NOT NULL,"
        " prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL, latency_ms REAL NOT NULL,"
        " endpoint TEXT NOT NULL, model TEXT NOT NULL, created INTEGER NOT NULL);"
        "INSERT INTO meta(name, value) VALUES('schema_version', " +
        std::to_string(kSchemaVersion) + ");";
    if (!exec(db, create.c_str())) return fail(sqlite_error());
  } else {
    std::optional<std::string> has_meta =
        query_text(db, "SELECT name FROM sqlite_master WHERE type='table' AND name='meta'", &ok);
    if (!ok) return fail(sqlite_error());
    std::optional<std::string> version;
    if (has_meta) {
      version = query_text(db, "SELECT CAST(value AS INTEGER) FROM meta WHERE name='schema_version'", &ok);
      if (!ok) return fail(sqlite_error());
    }
    if (!version) return fail(Error(judge_message(lang, "cache/foreign", {{"path", path}}), Error::Kind::Input));
    int64_t v = std::strtoll(version->c_str(), nullptr, 10);
    if (v > kSchemaVersion)
      return fail(Error(judge_message(lang, "cache/newer",
                                      {{"path", path},
                                       {"found", std::to_string(v)},
                                       {"known", std::to_string(kSchemaVersion)},
                                       {"hint", delete_hint(path, lang)}}),
                        Error::Kind::Input));
    if (v != kSchemaVersion)
      return fail(Error(judge_message(lang, "cache/unknown-version",
                                      {{"path", path}, {"found", *version}, {"hint", delete_hint(path, lang)}}),
                        Error::Kind::Input));
  }
  if (!exec(db, "COMMIT")) return fail(sqlite_error());
  return {};
}

}  // namespace

Result<std::unique_ptr<LlmCache>> LlmCache::open(const std::string& path, Lang lang) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p(path);
  if (p.has_parent_path()) {
    fs::create_directories(p.parent_path(), ec);
    if (ec)
      return Error(judge_message(lang, "cache/create-folder", {{"path", path}, {"why", ec.message()}}),
                   Error::Kind::Input);
  }
  CC_TRY(create_file_if_missing(path, lang));

  // Built first, so its destructor closes the connection on every early return below.
  std::unique_ptr<LlmCache> cache(new LlmCache());
  cache->path_ = path;
  cache->lang_ = lang;
  if (sqlite3_open_v2(path.c_str(), &cache->db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
    return open_error(path, cache->db_, lang);
  sqlite3* db = cache->db_;
  // Another run may be writing: wait for its transaction rather than fail at once.
  sqlite3_busy_timeout(db, kBusyTimeoutMs);

  // This is the first read of the file, so a file that is not a database fails here.
  // WAL lets readers and the one writer of several runs proceed together. The mode it
  // reports is not checked: a filesystem that cannot hold WAL's shared memory keeps the
  // rollback journal, slower when shared but with every guarantee this class gives.
  bool ok = false;
  query_text(db, "PRAGMA journal_mode=WAL", &ok);
  if (!ok) return open_error(path, db, lang);
  // In WAL mode, NORMAL syncs only at checkpoints, not at each commit. A committed
  // transaction is in the WAL file (the OS's page cache) when sqlite3_step returns, so
  // killing the process never loses it; only a power cut or an OS crash can lose the
  // last few, and those are answers that will simply be asked for again.
  if (!exec(db, "PRAGMA synchronous=NORMAL")) return open_error(path, db, lang);

  CC_TRY(prepare_schema(db, path, lang));

  const char* get_sql =
      "SELECT body, parsed, prompt_tokens, completion_tokens, latency_ms, endpoint, model, created"
      " FROM answers WHERE key = ?1";
  const char* put_sql =
      "INSERT OR REPLACE INTO answers(key, body, parsed, prompt_tokens, completion_tokens, latency_ms,"
      " endpoint, model, created) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
  if (sqlite3_prepare_v3(db, get_sql, -1, SQLITE_PREPARE_PERSISTENT, &cache->get_, nullptr) != SQLITE_OK ||
      sqlite3_prepare_v3(db, put_sql, -1, SQLITE_PREPARE_PERSISTENT, &cache->put_, nullptr) != SQLITE_OK)
    return open_error(path, db, lang);
  return cache;
}

Error LlmCache::failure(std::string_view id) const {
  return Error(judge_message(lang_, id, {{"path", path_}, {"why", sqlite_why(db_, path_, lang_)}}));
}

LlmCache::~LlmCache() {
  // sqlite3_finalize and sqlite3_close accept null. Closing the last connection
  // checkpoints the WAL into the database and removes it.
  sqlite3_finalize(get_);
  sqlite3_finalize(put_);
  sqlite3_close(db_);
}

Result<std::optional<CachedAnswer>> LlmCache::get(const std::string& key) {
  unsigned char k[32];
  if (!key_bytes(key, k)) return bad_key(key);
  StatementReset reset(get_);
  sqlite3_bind_blob(get_, 1, k, sizeof k, SQLITE_STATIC);
  int rc = sqlite3_step(get_);
  if (rc == SQLITE_DONE) return std::optional<CachedAnswer>();
  if (rc != SQLITE_ROW) return failure("cache/read");
  CachedAnswer a;
  a.body = column_string(get_, 0);
  a.parsed = column_string(get_, 1);
  a.prompt_tokens = sqlite3_column_int64(get_, 2);
  a.completion_tokens = sqlite3_column_int64(get_, 3);
  a.latency_ms = sqlite3_column_double(get_, 4);
  a.endpoint = column_string(get_, 5);
  a.model = column_string(get_, 6);
  a.created_unix = sqlite3_column_int64(get_, 7);
  return std::optional<CachedAnswer>(std::move(a));
}

Result<void> LlmCache::put(const std::string& key, const CachedAnswer& answer) {
  unsigned char k[32];
  if (!key_bytes(key, k)) return bad_key(key);
  // The bound pointers stay valid until StatementReset clears them, so nothing is copied.
  StatementReset reset(put_);
  int rc = SQLITE_OK;
  // Keeps the first failure: a string too long for SQLite must not be stored as NULL.
  auto check = [&](int r) {
    if (rc == SQLITE_OK) rc = r;
  };
  auto text = [&](int i, const std::string& s) {
    if (s.size() > static_cast<size_t>(INT32_MAX)) return check(SQLITE_TOOBIG);
    check(sqlite3_bind_text(put_, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC));
  };
  check(sqlite3_bind_blob(put_, 1, k, sizeof k, SQLITE_STATIC));
  text(2, answer.body);
  text(3, answer.parsed);
  check(sqlite3_bind_int64(put_, 4, answer.prompt_tokens));
  check(sqlite3_bind_int64(put_, 5, answer.completion_tokens));
  check(sqlite3_bind_double(put_, 6, answer.latency_ms));
  text(7, answer.endpoint);
  text(8, answer.model);
  check(sqlite3_bind_int64(put_, 9, answer.created_unix));
  if (rc != SQLITE_OK)
    return Error(judge_message(lang_, "cache/write-key", {{"path", path_}, {"why", sqlite3_errstr(rc)}, {"key", key}}));
  // No transaction is open on this connection, so the statement commits on its own.
  if (sqlite3_step(put_) != SQLITE_DONE) return failure("cache/write");
  return {};
}

Result<int64_t> LlmCache::size() {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT count(*) FROM answers", -1, &st, nullptr) != SQLITE_OK)
    return failure("cache/read");
  int rc = sqlite3_step(st);
  int64_t n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  Error why = rc == SQLITE_ROW ? Error() : failure("cache/read");
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW) return why;
  return n;
}

}  // namespace cc::judge
