// CaseTextCache: entries survive a save and load, and a corrupt or foreign cache is empty.
#include <unistd.h>

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

TEST_CASE("case_text_cache: stat_identities agree with stat_identity, folder by folder", "[checks][case_text_cache]") {
  // The batch form (one folder handle per folder, as a one-case validate takes every
  // other case's identity) must give the very strings the full run stored.
  cc::test::TempDir dir;
  dir.write("cases/a/CC-0001.yaml", "x\n");
  dir.write("cases/a/CC-0002.yaml", "xy\n");
  dir.write("cases/b/CC-0003.yaml", "xyz\n");
  dir.write("top.yaml", "t\n");
  REQUIRE(::symlink("../a/CC-0001.yaml", (dir.path() + "/cases/b/CC-0004.yaml").c_str()) == 0);
  const std::vector<std::string> rel = {
      "cases/a/CC-0001.yaml", "cases/a/CC-0002.yaml", "cases/a/gone.yaml", "cases/b/CC-0003.yaml",
      "cases/b/CC-0004.yaml", "cases/c/CC-0005.yaml", "top.yaml"};
  auto ids = cc::stat_identities(dir.path(), rel);
  REQUIRE(ids.size() == rel.size());
  for (size_t i = 0; i < rel.size(); ++i) {
    INFO(rel[i]);
    CHECK(ids[i] == cc::stat_identity(dir.path() + "/" + rel[i]));
  }
  CHECK(ids[2].empty());    // a missing file
  CHECK(ids[5].empty());    // a missing folder
  CHECK(ids[4] == ids[0]);  // a link: the identity of what it names
  CHECK(ids[0] != ids[1]);
  // An edit changes it, as it must for the cache to be dropped.
  dir.write("cases/a/CC-0001.yaml", "x changed\n");
  CHECK(cc::stat_identities(dir.path(), {rel[0]})[0] != ids[0]);
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
