// End-to-end: the result cache of `validate`. A repeated run gives the same output; any
// change to a file, to clinconsensus.yaml, the taxonomy or the language shows up in the
// next run; --no-cache neither reads nor writes the cache. The cache only pays off on
// many files, so these tests run on a copy of the whole shipped benchmark.
#include "cli/cli_helpers.h"

using namespace cc::test;
using namespace cc::test::cli;

namespace {

const std::string kCase = "cases/cardiology/CC-0001.yaml";
const std::string kRubric = "rubrics/cardiology/CC-0001.yaml";
// Where validate keeps its cache (an implementation detail, used by the tests that
// tamper with the cache to prove it is, or is not, read).
const std::string kCacheFile = ".clinconsensus/cache/validate.json";

struct Benchmark : TempRepo {
  Benchmark() { copy_shipped_benchmark(*this); }
  int rubric_count() const { return count_yaml_files(path() + "/rubrics"); }
};

// Counts "axis: <name>" lines in every rubric of the repository.
int count_axis_lines(const TempRepo& repo, const std::string& axis) {
  int n = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(repo.path() + "/rubrics")) {
    if (!e.is_regular_file()) continue;
    std::string text = repo.read(std::filesystem::relative(e.path(), repo.path()).string());
    for (size_t at = 0; (at = text.find("    axis: " + axis + "\n", at)) != std::string::npos; ++at) ++n;
  }
  return n;
}

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

TEST_CASE("cli: cache: editing a file changes the next result, undoing it restores it", "[cli][cache]") {
  Benchmark repo;
  auto clean = validate_json(repo.path());
  CHECK(clean.keys().empty());
  // Same length, same second: only the content tells the change.
  edit_file(repo, kCase, "status: draft", "status: dfart");
  auto broken = validate_json(repo.path());
  CHECK(broken.keys() == keys_of({{kCase, 4, 9, "schema/enum"}}));
  CHECK(broken.run.exit_code == 1);
  edit_file(repo, kCase, "status: dfart", "status: draft");
  auto again = validate_json(repo.path());
  CHECK(again.run.out == clean.run.out);
  CHECK(again.run.exit_code == 0);
}

TEST_CASE("cli: cache: deleting or adding a file is seen by the cross-file checks", "[cli][cache]") {
  Benchmark repo;
  CHECK(validate_json(repo.path()).keys().empty());
  std::string rubric = repo.read(kRubric);
  std::filesystem::remove(repo.path() + "/" + kRubric);
  auto missing = validate_json(repo.path());
  CHECK(missing.keys() == keys_of({{kCase, 3, 10, "integrity/missing-rubric"}}));
  repo.write(kRubric, rubric);
  repo.write("rubrics/pulmonology/CC-0001.yaml", rubric);
  auto twice = validate_json(repo.path());
  // The copy is a second rubric for CC-0001. It is also in the wrong folder, but moving
  // it beside its case would overwrite the rubric there: the duplicate is the finding.
  CHECK(twice.keys() == keys_of({{kRubric, 3, 10, "integrity/duplicate-case-id"},
                                 {"rubrics/pulmonology/CC-0001.yaml", 3, 10, "integrity/duplicate-case-id"}}));
}

TEST_CASE("cli: cache: a change to clinconsensus.yaml invalidates cached results", "[cli][cache]") {
  Benchmark repo;
  CHECK(validate_json(repo.path()).keys().empty());
  edit_file(repo, "clinconsensus.yaml", "criteria_per_case: 30", "criteria_per_case: 29");
  REQUIRE(run_cli({"schema", "sync"}, repo.path()).exit_code == 0);  // the schemas follow, as they must
  auto r = validate_json(repo.path());
  int rubrics = repo.rubric_count();
  CHECK(r.doc["diagnostics"].size() == static_cast<size_t>(rubrics));
  CHECK(r.find(kRubric, 4, 1, "integrity/criteria-count") != nullptr);
  CHECK(r.doc["summary"]["errors"] == rubrics);
  CHECK(r.run.exit_code == 1);
  edit_file(repo, "clinconsensus.yaml", "criteria_per_case: 29", "criteria_per_case: 30");
  REQUIRE(run_cli({"schema", "sync"}, repo.path()).exit_code == 0);  // the schemas follow, as they must
  CHECK(validate_json(repo.path()).keys().empty());
}

TEST_CASE("cli: cache: a rule severity changed in clinconsensus.yaml applies to cached files", "[cli][cache]") {
  Benchmark repo;
  edit_file(repo, kCase, "audience: lay", "audience: professional");
  auto warning = validate_json(repo.path());
  CHECK(warning.keys() == keys_of({{kCase, 15, 11, "integrity/audience-role", "warning"}}));
  CHECK(warning.run.exit_code == 0);
  set_rule_level(repo, "integrity/audience-role", "error");
  auto error = validate_json(repo.path());
  CHECK(error.keys() == keys_of({{kCase, 15, 11, "integrity/audience-role", "error"}}));
  CHECK(error.run.exit_code == 1);
  set_rule_level(repo, "integrity/audience-role", "off");
  auto off = validate_json(repo.path());
  CHECK(off.keys().empty());
  CHECK(off.run.exit_code == 0);
}

TEST_CASE("cli: cache: a change to the taxonomy invalidates cached results", "[cli][cache]") {
  Benchmark repo;
  CHECK(validate_json(repo.path()).keys().empty());
  int uses = count_axis_lines(repo, "沟通");
  REQUIRE(uses > 0);
  edit_file(repo, "schema/taxonomy.yaml", "zh: 沟通,", "zh: 医患沟通,");
  REQUIRE(run_cli({"schema", "sync"}, repo.path()).exit_code == 0);  // the schemas follow, as they must
  auto r = validate_json(repo.path());
  CHECK(r.doc["diagnostics"].size() == static_cast<size_t>(uses));
  for (const auto& d : r.diagnostics()) CHECK(d["rule"] == "integrity/unknown-label");
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

TEST_CASE("cli: cache: a corrupt cache file is ignored and replaced", "[cli][cache]") {
  Benchmark repo;
  edit_file(repo, kCase, "status: draft", "status: done");
  const std::vector<std::string> expected = keys_of({{kCase, 4, 9, "schema/enum"}});
  SECTION("bytes that are not JSON") {
    repo.write(kCacheFile, std::string("\x00\xff garbage {", 11));
    auto r = validate_json(repo.path());
    INFO(r.run.out << r.run.err);
    CHECK(r.keys() == expected);
    CHECK(r.run.exit_code == 1);
    CHECK(json::parse(repo.read(kCacheFile), nullptr, false).is_object());
  }
  SECTION("an entry whose hash is not a number") {
    REQUIRE(validate_json(repo.path()).keys() == expected);
    json cache = json::parse(repo.read(kCacheFile), nullptr, false);
    REQUIRE(cache.is_object());
    REQUIRE(cache["files"].contains(kRubric));
    cache["files"][kRubric]["hash"] = "not-a-hash";
    repo.write(kCacheFile, cache.dump());
    auto r = validate_json(repo.path());
    INFO(r.run.out << r.run.err);
    CHECK(r.keys() == expected);
    CHECK(r.run.exit_code == 1);
  }
}
