// `clinconsensus schema sync` and validate's schema/out-of-date (hardening issue, item
// 18): the schemas an editor reads follow schema/taxonomy.yaml and clinconsensus.yaml.
#include <sys/stat.h>

#include "cli/cli_helpers.h"

using namespace cc::test;
using namespace cc::test::cli;

namespace {

const std::string kCaseSchema = "schema/case.schema.json";
const std::string kRubricSchema = "schema/rubric.schema.json";

// The 1-based line of the first line of `text` holding `needle`, after the first line
// holding `after`.
int line_of(const std::string& text, const std::string& needle, const std::string& after = "") {
  size_t from = after.empty() ? 0 : text.find(after);
  REQUIRE(from != std::string::npos);
  size_t at = text.find(needle, from);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

struct Stamp {
  timespec mtime;
  ino_t inode;
};
Stamp stamp_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return {st.st_mtim, st.st_ino};
}
bool same(const Stamp& a, const Stamp& b) {
  return a.inode == b.inode && a.mtime.tv_sec == b.mtime.tv_sec && a.mtime.tv_nsec == b.mtime.tv_nsec;
}

}  // namespace

TEST_CASE("cli: schema sync --check passes on the shipped schemas and changes nothing", "[cli][schema-sync]") {
  TempRepo repo;
  Stamp before = stamp_of(repo.path() + "/" + kCaseSchema);
  RunResult r = run_cli({"schema", "sync", "--check"}, repo.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains(kCaseSchema + " is up to date"));
  CHECK_THAT(r.out, Catch::Contains(kRubricSchema + " is up to date"));
  CHECK(same(before, stamp_of(repo.path() + "/" + kCaseSchema)));
}

TEST_CASE("cli: a changed criteria_per_case makes the rubric schema out of date until schema sync",
          "[cli][schema-sync]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  edit_file(repo, "clinconsensus.yaml", "criteria_per_case: 30", "criteria_per_case: 29");
  const std::string schema_before = repo.read(kRubricSchema);
  // One finding, at the stale keyword of the schema file, saying what to run; the rubric's
  // 30 criteria are reported once, by integrity/criteria-count.
  int line = line_of(schema_before, "\"minItems\"", "\"criteria\": {");
  auto r = validate_json(repo.path());
  INFO(r.run.out << r.run.err);
  CHECK(r.keys() == keys_of({{kRubricSchema, line, 7, "schema/out-of-date"},
                             {"rubrics/cardiology/CC-0001.yaml", 4, 1, "integrity/criteria-count"}}));
  std::string msg = message_at(r, kRubricSchema, line, 7, "schema/out-of-date");
  CHECK_THAT(msg, Catch::Contains("properties.criteria.minItems"));
  CHECK_THAT(msg, Catch::Contains("run `clinconsensus schema sync`"));
  CHECK(r.run.exit_code == 1);
  // The text format names the schema file too.
  RunResult text = run_cli({"validate"}, repo.path());
  CHECK_THAT(text.out, Catch::Contains(kRubricSchema + ":" + std::to_string(line) + ":7"));

  // --check reports it, exits 1 and writes nothing.
  RunResult check = run_cli({"schema", "sync", "--check"}, repo.path());
  CHECK(check.exit_code == 1);
  CHECK_THAT(check.out, Catch::Contains(kRubricSchema + " is out of date"));
  CHECK_THAT(check.out, Catch::Contains(kCaseSchema + " is up to date"));
  CHECK(repo.read(kRubricSchema) == schema_before);

  // sync writes only the stale file, keeping its layout and mode.
  ::chmod((repo.path() + "/" + kRubricSchema).c_str(), 0640);
  Stamp case_before = stamp_of(repo.path() + "/" + kCaseSchema);
  RunResult sync = run_cli({"schema", "sync"}, repo.path());
  INFO(sync.out << sync.err);
  CHECK(sync.exit_code == 0);
  CHECK_THAT(sync.out, Catch::Contains("updated " + kRubricSchema));
  CHECK(same(case_before, stamp_of(repo.path() + "/" + kCaseSchema)));
  std::string after = repo.read(kRubricSchema);
  CHECK(after == replace_all(schema_before, "Items\": 30", "Items\": 29"));
  struct stat st {};
  REQUIRE(::stat((repo.path() + "/" + kRubricSchema).c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0640);

  // Idempotent: a second sync writes nothing; validate no longer reports the schema.
  Stamp synced = stamp_of(repo.path() + "/" + kRubricSchema);
  RunResult again = run_cli({"schema", "sync"}, repo.path());
  CHECK(again.exit_code == 0);
  CHECK_THAT(again.out, Catch::Contains(kRubricSchema + " is up to date"));
  CHECK(same(synced, stamp_of(repo.path() + "/" + kRubricSchema)));
  CHECK(run_cli({"schema", "sync", "--check"}, repo.path()).exit_code == 0);
  auto clean = validate_json(repo.path());
  CHECK(clean.keys() == keys_of({{"rubrics/cardiology/CC-0001.yaml", 4, 1, "integrity/criteria-count"}}));
}

TEST_CASE("cli: a taxonomy change makes the case schema out of date; sync writes the new labels",
          "[cli][schema-sync]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  edit_file(repo, "schema/taxonomy.yaml", "{code: high, zh: 高, en: High,",
            "{code: extreme, zh: 极高, en: Extreme}\n  - {code: high, zh: 高, en: High,");
  auto r = validate_json(repo.path());
  int line = line_of(repo.read(kCaseSchema), "\"enum\"", "\"difficulty\": {");
  CHECK(r.keys() == keys_of({{kCaseSchema, line, 7, "schema/out-of-date"}}));
  CHECK_THAT(message_at(r, kCaseSchema, line, 7, "schema/out-of-date"), Catch::Contains("properties.difficulty.enum"));
  // In Chinese too.
  auto zh = validate_json(repo.path(), {}, {}, {"--lang", "zh"});
  CHECK_THAT(message_at(zh, kCaseSchema, line, 7, "schema/out-of-date"),
             Catch::Contains("请运行 clinconsensus schema sync"));

  RunResult sync = run_cli({"schema", "sync"}, repo.path());
  CHECK(sync.exit_code == 0);
  auto schema = json::parse(repo.read(kCaseSchema));
  CHECK(schema["properties"]["difficulty"]["enum"] == json({"low", "medium", "extreme", "high"}));
  CHECK(validate_json(repo.path()).keys().empty());
  // The config's severities apply to the rule like any other.
  edit_file(repo, "schema/taxonomy.yaml", "{code: extreme, zh: 极高, en: Extreme}\n  - ", "");
  set_rule_level(repo, "schema/out-of-date", "warning");
  auto warned = validate_json(repo.path());
  CHECK(warned.keys() == keys_of({{kCaseSchema, line, 7, "schema/out-of-date", "warning"}}));
  CHECK(warned.run.exit_code == 0);
}

TEST_CASE("cli: schema sync refuses a schema that is not JSON, naming it", "[cli][schema-sync]") {
  TempRepo repo;
  repo.write(kRubricSchema, "{\"type\": \n");
  RunResult r = run_cli({"schema", "sync"}, repo.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(kRubricSchema));
}
