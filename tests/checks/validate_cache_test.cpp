// validate in process (validate_in_process.h) and its result cache: any change to a file,
// to clinconsensus.yaml or the taxonomy shows up in the next run, and a corrupt cache is
// ignored and replaced. The cache only pays off on many files, so these tests run on a
// copy of the whole shipped benchmark. The options (--no-cache, --lang) and the output
// staying byte for byte the same are tested end to end: tests/cli/result_cache_test.cpp.
#include <filesystem>

#include "checks/validate_in_process.h"

using namespace cc::test;

namespace {

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

TEST_CASE("validate: cache: editing a file changes the next result, undoing it restores it", "[validate][cache]") {
  Benchmark repo;
  auto clean = validate_in_process(repo.path());
  CHECK(clean.keys().empty());
  // Same length, same second: only the content tells the change.
  edit_file(repo, kCase, "status: draft", "status: dfart");
  auto broken = validate_in_process(repo.path());
  CHECK(broken.keys() == keys_of({{kCase, 4, 9, "schema/enum"}}));
  CHECK(broken.run.exit_code == 1);
  edit_file(repo, kCase, "status: dfart", "status: draft");
  auto again = validate_in_process(repo.path());
  CHECK(again.run.out == clean.run.out);
  CHECK(again.run.exit_code == 0);
}

TEST_CASE("validate: cache: deleting or adding a file is seen by the cross-file checks", "[validate][cache]") {
  Benchmark repo;
  CHECK(validate_in_process(repo.path()).keys().empty());
  std::string rubric = repo.read(kRubric);
  std::filesystem::remove(repo.path() + "/" + kRubric);
  auto missing = validate_in_process(repo.path());
  CHECK(missing.keys() == keys_of({{kCase, 3, 10, "integrity/missing-rubric"}}));
  repo.write(kRubric, rubric);
  repo.write("rubrics/pulmonology/CC-0001.yaml", rubric);
  auto twice = validate_in_process(repo.path());
  // The copy is a second rubric for CC-0001. It is also in the wrong folder, but moving
  // it beside its case would overwrite the rubric there: the duplicate is the finding.
  CHECK(twice.keys() == keys_of({{kRubric, 3, 10, "integrity/duplicate-case-id"},
                                 {"rubrics/pulmonology/CC-0001.yaml", 3, 10, "integrity/duplicate-case-id"}}));
}

TEST_CASE("validate: cache: a change to clinconsensus.yaml invalidates cached results", "[validate][cache]") {
  Benchmark repo;
  CHECK(validate_in_process(repo.path()).keys().empty());
  edit_file(repo, "clinconsensus.yaml", "criteria_per_case: 30", "criteria_per_case: 29");
  sync_schemas_in_process(repo.path());  // the schemas follow, as they must
  auto r = validate_in_process(repo.path());
  int rubrics = repo.rubric_count();
  CHECK(r.doc["diagnostics"].size() == static_cast<size_t>(rubrics));
  CHECK(r.find(kRubric, 4, 1, "integrity/criteria-count") != nullptr);
  CHECK(r.doc["summary"]["errors"] == rubrics);
  CHECK(r.run.exit_code == 1);
  edit_file(repo, "clinconsensus.yaml", "criteria_per_case: 29", "criteria_per_case: 30");
  sync_schemas_in_process(repo.path());  // the schemas follow, as they must
  CHECK(validate_in_process(repo.path()).keys().empty());
}

TEST_CASE("validate: cache: a rule severity changed in clinconsensus.yaml applies to cached files",
          "[validate][cache]") {
  Benchmark repo;
  edit_file(repo, kCase, "audience: lay", "audience: professional");
  auto warning = validate_in_process(repo.path());
  CHECK(warning.keys() == keys_of({{kCase, 15, 11, "integrity/audience-role", "warning"}}));
  CHECK(warning.run.exit_code == 0);
  set_rule_level(repo, "integrity/audience-role", "error");
  auto error = validate_in_process(repo.path());
  CHECK(error.keys() == keys_of({{kCase, 15, 11, "integrity/audience-role", "error"}}));
  CHECK(error.run.exit_code == 1);
  set_rule_level(repo, "integrity/audience-role", "off");
  auto off = validate_in_process(repo.path());
  CHECK(off.keys().empty());
  CHECK(off.run.exit_code == 0);
}

TEST_CASE("validate: cache: a change to the taxonomy invalidates cached results", "[validate][cache]") {
  Benchmark repo;
  CHECK(validate_in_process(repo.path()).keys().empty());
  int uses = count_axis_lines(repo, "沟通");
  REQUIRE(uses > 0);
  edit_file(repo, "schema/taxonomy.yaml", "zh: 沟通,", "zh: 医患沟通,");
  sync_schemas_in_process(repo.path());  // the schemas follow, as they must
  auto r = validate_in_process(repo.path());
  CHECK(r.doc["diagnostics"].size() == static_cast<size_t>(uses));
  for (const auto& d : r.diagnostics()) CHECK(d["rule"] == "integrity/unknown-label");
}

TEST_CASE("validate: cache: a corrupt cache file is ignored and replaced", "[validate][cache]") {
  Benchmark repo;
  edit_file(repo, kCase, "status: draft", "status: done");
  const std::vector<std::string> expected = keys_of({{kCase, 4, 9, "schema/enum"}});
  SECTION("bytes that are not JSON") {
    repo.write(kCacheFile, std::string("\x00\xff garbage {", 11));
    auto r = validate_in_process(repo.path());
    INFO(r.run.out << r.run.err);
    CHECK(r.keys() == expected);
    CHECK(r.run.exit_code == 1);
    CHECK(json::parse(repo.read(kCacheFile), nullptr, false).is_object());
  }
  SECTION("an entry whose hash is not a number") {
    REQUIRE(validate_in_process(repo.path()).keys() == expected);
    json cache = json::parse(repo.read(kCacheFile), nullptr, false);
    REQUIRE(cache.is_object());
    REQUIRE(cache["files"].contains(kRubric));
    cache["files"][kRubric]["hash"] = "not-a-hash";
    repo.write(kCacheFile, cache.dump());
    auto r = validate_in_process(repo.path());
    INFO(r.run.out << r.run.err);
    CHECK(r.keys() == expected);
    CHECK(r.run.exit_code == 1);
  }
}
