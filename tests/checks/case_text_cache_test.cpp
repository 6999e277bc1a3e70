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
  for (const char* text :
       {"", "{", "[]", R"({"version": "case-text/0", "entries": {"x": ["CC-0001", "draft", "1", 1, 1]}})",
        R"({"entries": {"x": ["CC-0001", "draft", "1", 1, 1]}})"}) {
    dir.write("c.json", text);
    CaseTextCache cache = CaseTextCache::load(dir.path() + "/c.json");
    CHECK(cache.find("x") == nullptr);
  }
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

TEST_CASE("case_text_cache: an entry found or put counts as used when saving", "[checks][case_text_cache]") {
  // Entries this run did not use are kept unless they outnumber the used ones 3 to 1.
  cc::test::TempDir dir;
  const std::string path = dir.path() + "/c.json";
  CaseTextCache cache;
  for (int i = 0; i < 8; ++i) cache.put("blob:" + std::to_string(i), facts("CC-000" + std::to_string(i), 5 + i));
  REQUIRE(cache.save(path));
  CaseTextCache few = CaseTextCache::load(path);
  REQUIRE(few.find("blob:0"));
  few.put("blob:9", facts("CC-0009", 99));  // used: 2 of 9, so the 7 others go
  REQUIRE(few.save(path));
  CaseTextCache pruned = CaseTextCache::load(path);
  CHECK(pruned.find("blob:0"));
  CHECK(pruned.find("blob:9"));
  CHECK(pruned.find("blob:1") == nullptr);
  // Found twice still counts once: 2 used of 2 keeps both.
  REQUIRE(pruned.find("blob:0"));
  REQUIRE(pruned.find("blob:0"));
}
