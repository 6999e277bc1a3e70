// Repository listing: the string-built listing and stems (hardening issue, item 20: a
// one-case validate lists and stems all 5,000 files) say what std::filesystem says.
#include <unistd.h>

#include <filesystem>

#include <catch2/catch.hpp>

#include "core/repository.h"
#include "test_support.h"

TEST_CASE("repository: file_stem is std::filesystem's stem", "[core][repository]") {
  for (const char* p : {"cases/cardiology/CC-0001.yaml", "CC-0001.yaml", "a/b.c.yaml", "a/.hidden", "a/..yaml",
                        "a/noext", "a/.", "a/..", "x.", "", "dir/"}) {
    INFO(p);
    CHECK(cc::file_stem(p) == std::filesystem::path(p).stem().string());
  }
}

TEST_CASE("repository: scan_yaml_files lists the YAML files below a folder, sorted", "[core][repository]") {
  cc::test::TempDir dir;
  dir.write("cases/b/CC-0002.yaml", "x\n");
  dir.write("cases/a/CC-0001.yaml", "x\n");
  dir.write("cases/a/deep/CC-0003.yml", "x\n");
  dir.write("cases/a/notes.txt", "x\n");
  dir.write("cases/a/.yaml", "x\n");  // a name with no stem: no extension, not a case
  dir.write("top.yaml", "x\n");
  REQUIRE(::symlink("gone.yaml", (dir.path() + "/cases/b/CC-0004.yaml").c_str()) == 0);
  const std::vector<std::string> want = {"cases/a/CC-0001.yaml", "cases/a/deep/CC-0003.yml", "cases/b/CC-0002.yaml"};
  for (const char* spelled : {"cases", "./cases/", "cases/", "cases/./"}) {
    INFO(spelled);
    cc::YamlListing l = cc::scan_yaml_files(dir.path(), spelled);
    CHECK(l.files == want);
    REQUIRE(l.unreadable.size() == 1);
    CHECK(l.unreadable[0].path == "cases/b/CC-0004.yaml");
    CHECK(l.unreadable[0].reason.id == "io/link-dangling");
  }
  CHECK(cc::scan_yaml_files(dir.path(), "cases/b").files == std::vector<std::string>{"cases/b/CC-0002.yaml"});
  CHECK(cc::scan_yaml_files(dir.path(), "missing").files.empty());
  // The whole repository ("" or "."): paths carry no "./".
  for (const char* root : {"", "."}) {
    auto all = cc::scan_yaml_files(dir.path(), root).files;
    CHECK(all == std::vector<std::string>{"cases/a/CC-0001.yaml", "cases/a/deep/CC-0003.yml", "cases/b/CC-0002.yaml",
                                          "top.yaml"});
  }
}
