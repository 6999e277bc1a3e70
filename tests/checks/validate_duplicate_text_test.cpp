// validate in process (validate_in_process.h): integrity/duplicate-case-text on cold and
// warm caches, and the case-text facts a full run keeps for later partial runs. A partial
// run names the cases it checks and compares them with the others, with and without the
// cache.
#include <filesystem>

#include <git2.h>

#include "checks/validate_in_process.h"

using namespace cc::test;

TEST_CASE("validate: integrity/duplicate-case-text on cold and warm caches", "[validate][duplicate-case-text]") {
  TempRepo repo;
  copy_shipped_benchmark(repo);
  const std::string copy_case = "cases/cardiology/CC-0101.yaml";
  write_copy_of_cc0001(repo, repo.read("cases/cardiology/CC-0001.yaml"));
  const std::string expected = key_of(copy_case, 16, 1, "error", "integrity/duplicate-case-text");
  JsonRun cold = validate_in_process(repo.path());
  check_json_shape(cold);
  CHECK(cold.keys() == std::vector<std::string>{expected});
  CHECK(cold.run.exit_code == 1);
  CHECK(message_at(cold, copy_case, 16, 1, "integrity/duplicate-case-text").find("cases/cardiology/CC-0001.yaml") !=
        std::string::npos);
  REQUIRE(exists(repo.path() + "/.clinconsensus/cache/validate.json"));
  JsonRun warm = validate_in_process(repo.path());
  CHECK(warm.keys() == std::vector<std::string>{expected});
  CHECK(warm.run.exit_code == 1);
  // Rewording the copy clears the finding; the cache does not hide the change.
  edit_file(repo, copy_case, "不饮酒", "偶尔饮酒");
  JsonRun fixed_run = validate_in_process(repo.path());
  CHECK(fixed_run.keys().empty());
  CHECK(fixed_run.run.exit_code == 0);
  // Back to the duplicate, then the rule switched to a warning in clinconsensus.yaml.
  edit_file(repo, copy_case, "偶尔饮酒", "不饮酒");
  set_rule_level(repo, "integrity/duplicate-case-text", "warning");
  JsonRun warned = validate_in_process(repo.path());
  CHECK(warned.keys() ==
        std::vector<std::string>{key_of(copy_case, 16, 1, "warning", "integrity/duplicate-case-text")});
  CHECK(warned.run.exit_code == 0);
}

TEST_CASE("validate: a full run keeps every case's text facts for later partial runs",
          "[validate][duplicate-case-text]") {
  TempRepo repo;
  copy_shipped_benchmark(repo);
  const std::string cache = repo.path() + "/.clinconsensus/cache/case-text.json";
  REQUIRE(validate_in_process(repo.path()).run.exit_code == 0);
  REQUIRE(exists(cache));
  auto stored = nlohmann::json::parse(repo.read(".clinconsensus/cache/case-text.json"));
  // Under git's blob id of each case (what the index lists for the pre-commit hook).
  git_libgit2_init();
  git_oid oid;
  const std::string bytes = repo.read("cases/cardiology/CC-0001.yaml");
  REQUIRE(git_odb_hash(&oid, bytes.data(), bytes.size(), GIT_OBJECT_BLOB) == 0);
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &oid);
  REQUIRE(stored["entries"].contains(std::string("blob:") + hex));
  CHECK(stored["entries"][std::string("blob:") + hex][0] == "CC-0001");
  CHECK(stored["entries"].size() == 72);  // 36 cases, by blob id and by stat signature
  // A partial run afterwards finds every other case there: the cache is not rewritten.
  auto before = std::filesystem::last_write_time(cache);
  CHECK(validate_in_process(repo.path(), {"cases/cardiology/CC-0001.yaml"}).run.exit_code == 0);
  CHECK(std::filesystem::last_write_time(cache) == before);
  CHECK(repo.read(".clinconsensus/cache/case-text.json") == stored.dump());
}

TEST_CASE("validate PATH: a checked case that copies one outside the run is reported",
          "[validate][duplicate-case-text]") {
  // Regression: with paths given, the duplicate rule compared only the files named.
  TempRepo repo;
  copy_shipped_benchmark(repo);
  const std::string copy_case = "cases/cardiology/CC-0101.yaml";
  write_copy_of_cc0001(repo, repo.read("cases/cardiology/CC-0001.yaml"));
  const std::string expected = key_of(copy_case, 16, 1, "error", "integrity/duplicate-case-text");
  for (int run = 0; run < 2; ++run) {  // cold, then from .clinconsensus/cache/case-text.json
    JsonRun r = validate_in_process(repo.path(), {copy_case});
    INFO(run << r.run.out << r.run.err);
    CHECK(r.keys() == std::vector<std::string>{expected});
    CHECK(r.run.exit_code == 1);
    CHECK(message_at(r, copy_case, 16, 1, "integrity/duplicate-case-text").find("cases/cardiology/CC-0001.yaml") !=
          std::string::npos);
  }
  REQUIRE(exists(repo.path() + "/.clinconsensus/cache/case-text.json"));
  // The case outside the run changes: the cache does not hide it.
  edit_file(repo, "cases/cardiology/CC-0001.yaml", "不饮酒", "偶尔饮酒");
  CHECK(validate_in_process(repo.path(), {copy_case}).keys().empty());
  // Without the cache (--no-cache) it is found too, and writes no cache.
  edit_file(repo, "cases/cardiology/CC-0001.yaml", "偶尔饮酒", "不饮酒");
  std::filesystem::remove_all(repo.path() + "/.clinconsensus");
  CHECK(validate_in_process(repo.path(), {copy_case}, cc::Lang::En, nullptr, false).keys() ==
        std::vector<std::string>{expected});
  CHECK_FALSE(exists(repo.path() + "/.clinconsensus/cache/case-text.json"));
  // Checking a rubric alone reads no other case.
  CHECK(validate_in_process(repo.path(), {"rubrics/cardiology/CC-0001.yaml"}).keys().empty());
}
