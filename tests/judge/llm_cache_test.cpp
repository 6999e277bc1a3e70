#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "judge/llm_cache.h"
#include "test_support.h"

using namespace cc::judge;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

// A distinct 64-hex-digit key for each number.
std::string key(unsigned n) {
  char buf[65];
  std::snprintf(buf, sizeof buf, "%056x%08x", 0xabcdefu, n);
  return buf;
}

CachedAnswer answer(const std::string& text) {
  CachedAnswer a;
  a.body = R"({"choices":[{"message":{"content":")" + text + R"("}}]})";
  a.parsed = R"({"met":true,"reason":")" + text + R"("})";
  a.prompt_tokens = 1234;
  a.completion_tokens = 56;
  a.latency_ms = 789.25;
  a.endpoint = "qwen-max";
  a.model = "qwen-max-2025-01-25";
  a.created_unix = 1750000000;
  return a;
}

void check_same(const CachedAnswer& got, const CachedAnswer& want) {
  CHECK(got.body == want.body);
  CHECK(got.parsed == want.parsed);
  CHECK(got.prompt_tokens == want.prompt_tokens);
  CHECK(got.completion_tokens == want.completion_tokens);
  CHECK(got.latency_ms == want.latency_ms);
  CHECK(got.endpoint == want.endpoint);
  CHECK(got.model == want.model);
  CHECK(got.created_unix == want.created_unix);
}

std::unique_ptr<LlmCache> open_ok(const std::string& path) {
  auto r = LlmCache::open(path, cc::Lang::En);
  INFO((r.ok() ? std::string() : r.error().message));
  REQUIRE(r.ok());
  return std::move(r).value();
}

// Runs `sql` on the file directly, as another program would; SQLite's result code.
int raw_exec_rc(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
  return rc;
}

void raw_exec(const std::string& path, const std::string& sql) { REQUIRE(raw_exec_rc(path, sql) == SQLITE_OK); }

}  // namespace

TEST_CASE("llm cache: an answer comes back as it was stored", "[judge][llm_cache]") {
  cc::test::TempDir dir;
  auto cache = open_ok(dir.path() + "/llm.sqlite");
  CachedAnswer a = answer("患者应在48小时内复查血钾");
  a.body += std::string("\0tail", 5);  // bodies are bytes: an embedded NUL survives
  REQUIRE(cache->put(key(1), a).ok());

  auto got = cache->get(key(1));
  REQUIRE(got.ok());
  REQUIRE(got->has_value());
  check_same(**got, a);
  CHECK(got->value().body.size() == a.body.size());

  auto missing = cache->get(key(2));
  REQUIRE(missing.ok());
  CHECK_FALSE(missing->has_value());
  CHECK(cache->size().value() == 1);
}

TEST_CASE("llm cache: a second put under a key replaces the first", "[judge][llm_cache]") {
  cc::test::TempDir dir;
  auto cache = open_ok(dir.path() + "/llm.sqlite");
  REQUIRE(cache->put(key(1), answer("first")).ok());
  CachedAnswer second = answer("second");
  second.completion_tokens = 9;
  REQUIRE(cache->put(key(1), second).ok());
  check_same(cache->get(key(1)).value().value(), second);
  CHECK(cache->size().value() == 1);
}

TEST_CASE("llm cache: answers persist across reopening, in new folders", "[judge][llm_cache]") {
  cc::test::TempDir dir;
  std::string path = dir.path() + "/.clinconsensus/cache/llm.sqlite";
  {
    auto cache = open_ok(path);
    for (unsigned i = 0; i < 100; ++i) REQUIRE(cache->put(key(i), answer("n" + std::to_string(i))).ok());
  }
  CHECK(fs::is_regular_file(path));
  auto cache = open_ok(path);
  CHECK(cache->size().value() == 100);
  check_same(cache->get(key(42)).value().value(), answer("n42"));
}

TEST_CASE("llm cache: the file gets the mode the umask allows", "[judge][llm_cache]") {
  cc::test::TempDir dir;
  std::string path = dir.path() + "/llm.sqlite";
  mode_t mask = ::umask(0);
  ::umask(mask);
  open_ok(path);
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == (0666 & ~mask));
}

TEST_CASE("llm cache: two caches on one file see each other's answers", "[judge][llm_cache]") {
  cc::test::TempDir dir;
  std::string path = dir.path() + "/llm.sqlite";
  auto a = open_ok(path);
  auto b = open_ok(path);
  REQUIRE(a->put(key(1), answer("from a")).ok());
  REQUIRE(b->put(key(2), answer("from b")).ok());
  check_same(b->get(key(1)).value().value(), answer("from a"));
  check_same(a->get(key(2)).value().value(), answer("from b"));
  // Interleaved writes and reads, as two runs sharing a cache would do.
  for (unsigned i = 10; i < 60; ++i) {
    LlmCache& writer = i % 2 ? *a : *b;
    LlmCache& reader = i % 2 ? *b : *a;
    REQUIRE(writer.put(key(i), answer(std::to_string(i))).ok());
    REQUIRE(reader.get(key(i)).value().has_value());
  }
  CHECK(a->size().value() == 52);
  CHECK(b->size().value() == 52);
}

TEST_CASE("llm cache: a file that is not a database is refused, untouched", "[judge][llm_cache]") {
  cc::test::TempDir dir;
  std::string content = "case_id,response\nCC-0001,这不是数据库\n";
  dir.write("llm.sqlite", content);
  std::string path = dir.path() + "/llm.sqlite";
  auto r = LlmCache::open(path, cc::Lang::En);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().kind == cc::Error::Kind::Input);
  CHECK_THAT(r.error().message, Contains(path));
  CHECK_THAT(r.error().message, Contains("delete"));
  CHECK(dir.read("llm.sqlite") == content);
}

namespace {

// A cache at `path` with one answer, marked as written by a newer version (schema 2).
void write_newer_cache(const std::string& path) {
  {
    auto cache = open_ok(path);
    REQUIRE(cache->put(key(1), answer("kept")).ok());
  }
  raw_exec(path, "UPDATE meta SET value = 2 WHERE name = 'schema_version'");
}

}  // namespace

TEST_CASE("llm cache: a cache from a newer version is refused", "[judge][llm_cache]") {
  cc::test::TempDir dir;
  std::string path = dir.path() + "/llm.sqlite";
  write_newer_cache(path);
  auto r = LlmCache::open(path, cc::Lang::En);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().kind == cc::Error::Kind::Input);
  CHECK_THAT(r.error().message, Contains(path));
  CHECK_THAT(r.error().message, Contains("newer"));
  CHECK_THAT(r.error().message, Contains("delete"));
}

TEST_CASE("llm cache: another program's database is refused", "[judge][llm_cache]") {
  cc::test::TempDir dir;
  std::string path = dir.path() + "/other.sqlite";
  raw_exec(path, "CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes VALUES(1, 'mine')");
  auto r = LlmCache::open(path, cc::Lang::En);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().kind == cc::Error::Kind::Input);
  CHECK_THAT(r.error().message, Contains(path));
  // Nothing of ours was added to it.
  raw_exec(path, "SELECT text FROM notes");
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &st, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK(sqlite3_column_int(st, 0) == 1);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST_CASE("llm cache: a key is stored as its 32 bytes", "[judge][llm_cache]") {
  cc::test::TempDir dir;
  std::string path = dir.path() + "/llm.sqlite";
  {
    auto cache = open_ok(path);
    for (unsigned i = 0; i < 20; ++i) REQUIRE(cache->put(key(i), answer("x")).ok());

    // The digits' case does not matter: both spellings are the same 32 bytes.
    std::string upper = key(7);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    REQUIRE(upper != key(7));
    CHECK(cache->get(upper).value().has_value());

    for (std::string bad : {std::string(), key(1).substr(1), key(1) + "0", key(1).substr(0, 63) + "g",
                            std::string(64, ' '), "0x" + key(1).substr(2)}) {
      INFO('"' << bad << '"');
      CHECK_FALSE(cache->put(bad, answer("bad")).ok());
      CHECK_FALSE(cache->get(bad).ok());
    }
    CHECK(cache->size().value() == 20);
  }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT typeof(key), length(key), lower(hex(key)) FROM answers ORDER BY key", -1, &st,
                             nullptr) == SQLITE_OK);
  int rows = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    ++rows;
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "blob");
    CHECK(sqlite3_column_int(st, 1) == 32);
    CHECK(reinterpret_cast<const char*>(sqlite3_column_text(st, 2)) == key(rows - 1));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  CHECK(rows == 20);

  // The table itself refuses any other key, whoever writes to it.
  const std::string row = ", 'b', 'p', 0, 0, 0, 'e', 'm', 0)";
  CHECK(raw_exec_rc(path, "INSERT INTO answers VALUES('" + key(99) + "'" + row) != SQLITE_OK);
  CHECK(raw_exec_rc(path, "INSERT INTO answers VALUES(x'00ff'" + row) != SQLITE_OK);
  CHECK(raw_exec_rc(path, "INSERT INTO answers VALUES(NULL" + row) != SQLITE_OK);
  CHECK(raw_exec_rc(path, "INSERT INTO answers VALUES(x'" + key(99) + "'" + row) == SQLITE_OK);
}

TEST_CASE("llm cache: a damaged file gives errors, not a crash", "[judge][llm_cache]") {
  cc::test::TempDir dir;
  std::string path = dir.path() + "/llm.sqlite";
  {
    auto cache = open_ok(path);
    for (unsigned i = 0; i < 2000; ++i)
      REQUIRE(cache->put(key(i), answer(std::string(300, static_cast<char>('a' + i % 26)))).ok());
  }
  // Overwrite everything after the first two pages with a repeating pattern.
  auto bytes = fs::file_size(path);
  REQUIRE(bytes > 3 * 4096);
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(2 * 4096);
    for (auto i = 2 * 4096u; i < bytes; ++i) f.put(static_cast<char>(0x5a ^ (i * 131)));
  }
  int errors = 0;
  auto opened = LlmCache::open(path, cc::Lang::En);
  if (!opened.ok()) {
    ++errors;
    CHECK_THAT(opened.error().message, Contains(path));
  } else {
    auto& cache = opened.value();
    for (unsigned i = 0; i < 2000; ++i) {
      auto got = cache->get(key(i));
      if (!got.ok()) {
        ++errors;
        CHECK_THAT(got.error().message, Contains(path));
      }
      if (!cache->put(key(i + 5000), answer("new")).ok()) ++errors;
    }
    if (!cache->size().ok()) ++errors;
  }
  CHECK(errors > 0);
}

// Regression: under --lang zh the cache's refusals were English sentences.
TEST_CASE("llm cache: its refusals are Chinese under zh", "[judge][llm_cache]") {
  cc::test::TempDir dir;
  dir.write("plain-file", "x\n");
  std::string below_file = dir.path() + "/plain-file/llm.sqlite";
  auto folder = LlmCache::open(below_file, cc::Lang::Zh);
  REQUIRE_FALSE(folder.ok());
  CHECK_THAT(folder.error().message, Catch::StartsWith("无法创建 LLM 缓存 " + below_file + " 所在的文件夹："));
  CHECK_THAT(folder.error().message, !Contains("cannot"));

  std::string path = dir.path() + "/llm.sqlite";
  write_newer_cache(path);
  auto newer = LlmCache::open(path, cc::Lang::Zh);
  REQUIRE_FALSE(newer.ok());
  CHECK(newer.error().message == "无法使用 LLM 缓存 " + path +
                                     "：它由更新版本的 clinconsensus 写入（缓存结构版本 2，本版本读取 1）；请升级 "
                                     "clinconsensus，或删除 " +
                                     path + " 即可重新开始（其中只有缓存的回答，之后会重新请求）");

  std::string other = dir.path() + "/other.sqlite";
  raw_exec(other, "CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT)");
  auto foreign = LlmCache::open(other, cc::Lang::Zh);
  REQUIRE_FALSE(foreign.ok());
  CHECK_THAT(foreign.error().message, Catch::StartsWith("无法将 " + other + " 用作 LLM 缓存"));
}
