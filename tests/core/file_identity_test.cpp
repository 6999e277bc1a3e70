// File identities: the stat signature follows the file, the batch form agrees with it,
// and the blob identity is git's blob id.
#include <unistd.h>

#include <catch2/catch.hpp>

#include "core/file_identity.h"
#include "test_support.h"

TEST_CASE("file_identity: the stat identity changes when the file does", "[core][file_identity]") {
  cc::test::TempDir dir;
  dir.write("a.yaml", "case_id: CC-0001\n");
  std::string first = cc::stat_identity(dir.path() + "/a.yaml");
  CHECK(first.rfind("stat:", 0) == 0);
  dir.write("a.yaml", "case_id: CC-0001\nstatus: draft\n");
  CHECK(cc::stat_identity(dir.path() + "/a.yaml") != first);
  CHECK(cc::stat_identity(dir.path() + "/missing.yaml").empty());
}

TEST_CASE("file_identity: the blob identity is git's blob id", "[core][file_identity]") {
  // `printf 'hello\n' | git hash-object --stdin`
  CHECK(cc::blob_identity("hello\n") == "blob:ce013625030ba8dba906f756967f9e9ca394464a");
  CHECK(cc::blob_identity("") == "blob:e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
}

TEST_CASE("file_identity: stat_identities agree with stat_identity, folder by folder", "[core][file_identity]") {
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
