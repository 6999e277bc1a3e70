// CaseTextCache: entries survive a save and load, and a corrupt or foreign cache is empty.
#include <catch2/catch.hpp>

#include "checks/case_text_cache.h"
#include "test_support.h"

using cc::CaseTextCache;
using cc::FileFacts;

namespace {

FileFacts facts(const std::string& id, uint64_t key) {
  FileFacts f;
  f.kind = cc::FileKind::Case;
  f.case_id = id;
  f.status = "review";
  f.text_key = key;
  f.text_line = 16;
  f.text_column = 3;
  return f;
}

}  // namespace

TEST_CASE("case_text_cache: what is saved loads back", "[checks][case_text_cache]") {
  cc::test::TempDir dir;
  const std::string path = dir.path() + "/cache/case-text.json";
  CaseTextCache cache = CaseTextCache::load(path);
  CHECK(cache.find("blob:abc") == nullptr);
  cache.put("blob:abc", facts("CC-0001", 0xfedcba9876543210ULL));
  cache.put("stat:1:2:3.4", facts("CC-0002", 7));
  CHECK(cache.dirty());
  REQUIRE(cache.save(path));

  CaseTextCache again = CaseTextCache::load(path);
  CHECK_FALSE(again.dirty());
  const FileFacts* a = again.find("blob:abc");
  REQUIRE(a);
  CHECK(a->kind == cc::FileKind::Case);
  CHECK(a->case_id == "CC-0001");
  CHECK(a->status == "review");
  CHECK(a->text_key == 0xfedcba9876543210ULL);
  CHECK(a->text_line == 16);
  CHECK(a->text_column == 3);
  REQUIRE(again.find("stat:1:2:3.4"));
  CHECK(again.find("stat:1:2:3.5") == nullptr);
}

TEST_CASE("case_text_cache: a corrupt or foreign file is an empty cache", "[checks][case_text_cache]") {
  cc::test::TempDir dir;
  for (const char* text : {"", "{", "[]", R"({"version": "case-text/0", "entries": {"x": ["CC-0001", "draft", "1", 1, 1]}})",
                           R"({"entries": {"x": ["CC-0001", "draft", "1", 1, 1]}})"}) {
    dir.write("c.json", text);
    CaseTextCache cache = CaseTextCache::load(dir.path() + "/c.json");
    CHECK(cache.find("x") == nullptr);
  }
}

TEST_CASE("case_text_cache: the stat identity changes when the file does", "[checks][case_text_cache]") {
  cc::test::TempDir dir;
  dir.write("a.yaml", "case_id: CC-0001\n");
  std::string first = cc::stat_identity(dir.path() + "/a.yaml");
  CHECK(first.rfind("stat:", 0) == 0);
  dir.write("a.yaml", "case_id: CC-0001\nstatus: draft\n");
  CHECK(cc::stat_identity(dir.path() + "/a.yaml") != first);
  CHECK(cc::stat_identity(dir.path() + "/missing.yaml").empty());
}

TEST_CASE("case_text_cache: the blob identity is git's blob id", "[checks][case_text_cache]") {
  // `printf 'hello\n' | git hash-object --stdin`
  CHECK(cc::blob_identity("hello\n") == "blob:ce013625030ba8dba906f756967f9e9ca394464a");
  CHECK(cc::blob_identity("") == "blob:e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
}

TEST_CASE("case_text_cache: storing what it already holds leaves it clean", "[checks][case_text_cache]") {
  cc::test::TempDir dir;
  const std::string path = dir.path() + "/c.json";
  CaseTextCache cache;
  cache.put("blob:a", facts("CC-0001", 5));
  REQUIRE(cache.save(path));
  CaseTextCache again = CaseTextCache::load(path);
  again.put("blob:a", facts("CC-0001", 5));
  CHECK_FALSE(again.dirty());
  again.put("blob:a", facts("CC-0001", 6));
  CHECK(again.dirty());
}
