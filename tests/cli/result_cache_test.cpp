// End-to-end: the result cache of `validate` as the binary shows it. A repeated run gives
// the same output, byte for byte; a change of --lang shows up in the next run; --no-cache
// neither reads nor writes the cache. (What a change to a file, the config or the taxonomy
// does to a cached run is tested in process: tests/checks/validate_cache_test.cpp.) The
// cache only pays off on many files, so these tests run on a copy of the whole shipped
// benchmark.
#include "cli/cli_helpers.h"

using namespace cc::test;
using namespace cc::test::cli;

namespace {

// Where validate keeps its cache (an implementation detail, used by the tests that
// tamper with the cache to prove it is, or is not, read).
const std::string kCacheFile = ".clinconsensus/cache/validate.json";

struct Benchmark : TempRepo {
  Benchmark() { copy_shipped_benchmark(*this); }
};

}  // namespace

TEST_CASE("cli: cache: a second run gives identical output", "[cli][cache]") {
  Benchmark repo;
  edit_file(repo, kCase, "status: draft", "status: done");
  edit_file(repo, kCase, "audience: lay", "audience: professional");
  auto first = validate_json(repo.path());
  REQUIRE(first.doc.is_object());
  CHECK(first.keys() == keys_of({{kCase, 4, 9, "schema/enum"}, {kCase, 15, 11, "integrity/audience-role", "warning"}}));
  CHECK(exists(repo.path() + "/" + kCacheFile));
  auto second = validate_json(repo.path());
  CHECK(second.run.out == first.run.out);
  CHECK(second.run.exit_code == first.run.exit_code);
  RunResult text1 = run_cli({"validate"}, repo.path());
  RunResult text2 = run_cli({"validate"}, repo.path());
  CHECK(text1.out == text2.out);
  CHECK(text1.exit_code == 1);
  // And the same as without the cache.
  auto uncached = validate_json(repo.path(), {"--no-cache"});
  CHECK(uncached.run.out == first.run.out);
}

TEST_CASE("cli: cache: switching --lang gives messages in the new language", "[cli][cache]") {
  Benchmark repo;
  edit_file(repo, kCase, "status: draft", "status: done");
  auto en = validate_json(repo.path());
  CHECK_THAT(message_at(en, kCase, 4, 9, "schema/enum"), Catch::Contains("is not allowed"));
  auto zh = validate_json(repo.path(), {}, {}, {"--lang", "zh"});
  CHECK_THAT(message_at(zh, kCase, 4, 9, "schema/enum"), Catch::Contains("不能取值"));
  auto en_again = validate_json(repo.path());
  CHECK(en_again.run.out == en.run.out);
}

TEST_CASE("cli: cache: --no-cache writes no cache", "[cli][cache]") {
  Benchmark repo;
  auto r = validate_json(repo.path(), {"--no-cache"});
  CHECK(r.keys().empty());
  CHECK(r.run.exit_code == 0);
  CHECK(!exists(repo.path() + "/.clinconsensus"));
}

TEST_CASE("cli: cache: a later run reads the cache; --no-cache ignores it and leaves it as it is", "[cli][cache]") {
  Benchmark repo;
  CHECK(validate_json(repo.path()).keys().empty());
  REQUIRE(exists(repo.path() + "/" + kCacheFile));
  // Plant a finding in the cached result of an unchanged file: only a run that reads the
  // cache can report it.
  json cache = json::parse(repo.read(kCacheFile), nullptr, false);
  REQUIRE(cache.is_object());
  REQUIRE(cache.contains("files"));
  REQUIRE(cache["files"].contains(kCase));
  REQUIRE(cache["files"][kCase].contains("d"));
  cache["files"][kCase]["d"].push_back(
      {{"r", "test/planted"}, {"s", "error"}, {"f", kCase}, {"l", 1}, {"c", 1}, {"m", "planted"}, {"x", ""}});
  repo.write(kCacheFile, cache.dump());
  std::string planted = repo.read(kCacheFile);

  auto cached = validate_json(repo.path());
  CHECK(cached.keys() == keys_of({{kCase, 1, 1, "test/planted"}}));
  auto fresh = validate_json(repo.path(), {"--no-cache"});
  CHECK(fresh.keys().empty());
  CHECK(fresh.run.exit_code == 0);
  CHECK(repo.read(kCacheFile) == planted);
}
