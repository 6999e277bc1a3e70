// load_project reads each schema file once and shares the bytes: the checker and the drift
// check work from the bytes they are given, not from the disk.
#include <catch2/catch.hpp>

#include "checks/schema_check.h"
#include "checks/schema_sync.h"
#include "core/yaml_loader.h"
#include "shipped_project.h"
#include "test_support.h"

using namespace cc;

TEST_CASE("schema texts: the drift check reads the bytes it is given", "[checks][schema_sync]") {
  const Project& project = cc::test::shipped_project();
  cc::test::TempRepo repo;  // its schema files on disk stay in sync
  Config config = project.config;
  config.root = repo.path();
  SchemaTexts texts = read_schema_texts(config, kSyncedSchemas);
  REQUIRE(texts.size() == 2);
  CHECK(schema_drift_findings(config, project.taxonomy, Lang::En, texts).empty());

  auto stale = nlohmann::ordered_json::parse(*texts.at("case.schema.json"));
  stale["properties"]["difficulty"]["enum"] = {"easy"};
  texts.insert_or_assign("case.schema.json", Result<std::string>(stale.dump(2, ' ', false) + "\n"));
  auto findings = schema_drift_findings(config, project.taxonomy, Lang::En, texts);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "schema/out-of-date");
  CHECK(findings[0].file == config.schema_dir + "/case.schema.json");
  CHECK(findings[0].line > 1);  // at the stale keyword, found in the given bytes
}

TEST_CASE("schema texts: a schema that could not be read is unusable, saying why", "[checks][schema]") {
  std::vector<Diagnostic> diags;
  auto checker = SchemaChecker::from_text(Error("No such file or directory"), "schema/x.schema.json", Lang::En, diags);
  CHECK_FALSE(checker);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].rule == "schema/unusable");
  CHECK(diags[0].message.find("No such file or directory") != std::string::npos);
}
