// The generated parts of the case and rubric schemas (hardening issue, item 18): what
// an editor or ajv sees must reject what validate rejects, and validate itself must not
// report those values twice.
#include <catch2/catch.hpp>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "checks/schema_sync.h"
#include "checks/validator.h"
#include "core/scaffold.h"
#include "core/yaml_loader.h"
#include "shipped_project.h"
#include "test_support.h"

using namespace cc;

namespace {

const Project& project() { return cc::test::shipped_project(); }

// The shipped schema file as an editor reads it: every keyword, none left out.
nlohmann::json shipped_schema(const std::string& name) {
  auto text = read_file(cc::test::source_dir() + "/schema/" + name);
  REQUIRE(text);
  return nlohmann::json::parse(*text);
}

// The error descriptions valijson (the project's draft-7 validator) gives for `yaml`
// against the shipped schema `name`, whole: as ajv or yaml-language-server would check it.
std::vector<std::string> editor_errors(const std::string& name, const std::string& yaml) {
  nlohmann::json schema_json = shipped_schema(name);
  valijson::Schema schema;
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_json);
  parser.populateSchema(schema_adapter, schema);
  auto loaded = load_yaml_text("x.yaml", yaml, LoadLimits{}, Lang::En);
  REQUIRE(loaded.document);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(loaded.document->root);
  validator.validate(schema, target, &results);
  std::vector<std::string> out;
  valijson::ValidationResults::Error err;
  while (results.popError(err)) out.push_back(err.description);
  return out;
}

bool any_starts_with(const std::vector<std::string>& items, const std::string& prefix) {
  for (const auto& s : items)
    if (s.rfind(prefix, 0) == 0) return true;
  return false;
}

std::string skeleton_case(const std::string& difficulty) {
  const Project& p = project();
  ScaffoldRequest req;
  req.case_id = "CC-0001";
  req.subject = p.taxonomy.find_specialty_any("cardiology");
  req.task = p.taxonomy.find_task_any("medication-guidance");
  req.difficulty = difficulty;
  auto text = scaffold_case(p.config, p.taxonomy, req);
  REQUIRE(text);
  return *text;
}

std::string skeleton_rubric(int criteria) {
  Project p = project();
  p.config.criteria_per_case = criteria;
  ScaffoldRequest req;
  req.case_id = "CC-0001";
  auto text = scaffold_rubric(p.config, p.taxonomy, req);
  REQUIRE(text);
  return *text;
}

}  // namespace

TEST_CASE("schema_sync: the shipped schemas carry the taxonomy and the criteria count", "[checks][schema_sync]") {
  auto states = schema_sync_states(project().config, project().taxonomy);
  REQUIRE(states);
  REQUIRE(states->size() == 2);
  for (const auto& s : *states) {
    INFO(s.rel_path << " " << s.first_stale);
    CHECK_FALSE(s.out_of_date);
    // Idempotent, and in the files' own format: syncing a synced file changes no byte.
    CHECK(s.synced_text == *read_file(cc::test::source_dir() + "/" + s.rel_path));
  }
  nlohmann::json c = shipped_schema("case.schema.json");
  CHECK(c["properties"]["difficulty"]["enum"] == nlohmann::json({"low", "medium", "high"}));
  CHECK(c["properties"]["care_stage"]["enum"] == nlohmann::json({"预防", "诊断", "干预", "随访"}));
  CHECK(c["properties"]["audience"]["enum"] == nlohmann::json({"lay", "professional"}));
  CHECK(c["properties"]["subject"]["enum"].size() == 36);
  CHECK(c["properties"]["subject_labels"]["items"]["enum"] == c["properties"]["subject"]["enum"]);
  CHECK(c["properties"]["task"]["enum"].size() == 12);
  CHECK(c["properties"]["task_labels"]["items"]["enum"] == c["properties"]["task"]["enum"]);
  nlohmann::json r = shipped_schema("rubric.schema.json");
  CHECK(r["definitions"]["criterion"]["properties"]["axis"]["enum"].size() == 7);
  CHECK(r["properties"]["criteria"]["minItems"] == 30);
  CHECK(r["properties"]["criteria"]["maxItems"] == 30);
}

TEST_CASE("schema_sync: an editor checking the shipped schemas rejects what validate rejects",
          "[checks][schema_sync]") {
  // A fresh `new` skeleton passes as it is: its labels and its criteria count are real.
  CHECK(editor_errors("case.schema.json", skeleton_case("medium")).empty());
  CHECK(editor_errors("rubric.schema.json", skeleton_rubric(30)).empty());
  // difficulty: extreme and a 29-criterion rubric are refused by the schema alone.
  CHECK(
      any_starts_with(editor_errors("case.schema.json", skeleton_case("extreme")), "Failed to match against any enum"));
  CHECK(any_starts_with(editor_errors("rubric.schema.json", skeleton_rubric(29)),
                        "Array should contain no fewer than 30"));
  CHECK(any_starts_with(editor_errors("rubric.schema.json", skeleton_rubric(31)),
                        "Array should contain no more than 30"));
}

TEST_CASE("schema_sync: validate leaves the generated keywords to the integrity checks", "[checks][schema_sync]") {
  // One finding per wrong value: integrity/unknown-label (with its suggestion) or
  // integrity/criteria-count, never schema/enum or schema/min-items beside it.
  auto rules = [](const FileResult& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics)
      if (d.rule != "text/placeholder") out.push_back(d.rule);
    return out;
  };
  auto c = check_file(project(), "cases/cardiology/CC-0001.yaml", skeleton_case("extreme"));
  CHECK(rules(c) == std::vector<std::string>{"integrity/unknown-label"});
  auto r = check_file(project(), "rubrics/cardiology/CC-0001.yaml", skeleton_rubric(29));
  CHECK(rules(r) == std::vector<std::string>{"integrity/criteria-count"});
  auto empty = check_file(project(), "rubrics/cardiology/CC-0001.yaml", "case_id: CC-0001\ncriteria: []\n");
  CHECK(rules(empty) == std::vector<std::string>{"integrity/criteria-count"});
}

TEST_CASE("schema_sync: synced_schema writes the labels and count the taxonomy and config give",
          "[checks][schema_sync]") {
  Project p = project();
  p.config.criteria_per_case = 12;
  p.taxonomy.difficulty.labels.pop_back();  // no "high"
  nlohmann::ordered_json c =
      nlohmann::ordered_json::parse(*read_file(cc::test::source_dir() + "/schema/case.schema.json"));
  auto synced = synced_schema("case.schema.json", c, p.config, p.taxonomy);
  CHECK(synced["properties"]["difficulty"]["enum"] == nlohmann::ordered_json({"low", "medium"}));
  CHECK(synced["properties"]["audience"] == c["properties"]["audience"]);  // untouched where nothing changed
  // A keyword the file lacks is placed after "type".
  c["properties"]["care_stage"].erase("enum");
  auto added = synced_schema("case.schema.json", c, p.config, p.taxonomy);
  auto it = added["properties"]["care_stage"].begin();
  CHECK(it.key() == "type");
  CHECK((++it).key() == "enum");
  nlohmann::ordered_json r =
      nlohmann::ordered_json::parse(*read_file(cc::test::source_dir() + "/schema/rubric.schema.json"));
  auto rs = synced_schema("rubric.schema.json", r, p.config, p.taxonomy);
  CHECK(rs["properties"]["criteria"]["minItems"] == 12);
  CHECK(rs["properties"]["criteria"]["maxItems"] == 12);
  // Other files have no generated keywords.
  CHECK(synced_schema("config.schema.json", r, p.config, p.taxonomy) == r);
  CHECK(generated_keywords("config.schema.json").empty());
}

TEST_CASE("schema_sync: a schema without a generated field is left alone, never stale for it",
          "[checks][schema_sync]") {
  cc::test::TempRepo repo;
  auto schema = nlohmann::ordered_json::parse(repo.read("schema/case.schema.json"));
  schema["properties"].erase("audience");     // a project whose cases have no audience
  schema["properties"]["care_stage"] = true;  // a subschema that is not an object
  repo.write("schema/case.schema.json", schema.dump(2, ' ', false) + "\n");
  Config config = project().config;
  config.root = repo.path();
  auto states = schema_sync_states(config, project().taxonomy);
  REQUIRE(states);
  CHECK_FALSE((*states)[0].out_of_date);
  CHECK((*states)[0].synced_text == repo.read("schema/case.schema.json"));
}
