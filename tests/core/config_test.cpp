#include <catch2/catch.hpp>

#include "core/config.h"
#include "test_support.h"

using namespace cc;
using Catch::Matchers::Contains;

TEST_CASE("config: the shipped clinconsensus.yaml loads cleanly", "[core][config]") {
  auto load = load_config(cc::test::source_dir(), Lang::En);
  CHECK(load.diagnostics.empty());
  REQUIRE(load.config);
  const Config& c = *load.config;
  CHECK(c.root == cc::test::source_dir());
  CHECK(c.cases_dir == "cases");
  CHECK(c.rubrics_dir == "rubrics");
  CHECK(c.schema_dir == "schema");
  CHECK(c.taxonomy_path == "schema/taxonomy.yaml");
  CHECK(c.reports_dir == "reports");
  CHECK(c.id_prefix == "CC-");
  CHECK(c.id_digits == 4);
  CHECK(c.criteria_per_case == 30);
  CHECK(c.k == 10);
  CHECK(c.limits.max_file_bytes == 1048576);
  CHECK(c.limits.max_depth == 32);
  CHECK(c.limits.max_alias_nodes == 1000);
  CHECK(c.min_axes_per_case == 3);
  CHECK(c.min_safety_criteria_per_case == 1);
  CHECK(c.rule_levels.at("integrity/audience-role") == "warning");
  CHECK(c.rule_levels.at("integrity/min-axes") == "warning");
  CHECK(c.targets["total_cases"] == 2500);
  CHECK(c.targets["shares"]["care_stage"]["预防"] == 25);
  CHECK(c.document.path == "clinconsensus.yaml");
  CHECK(c.abs("cases") == cc::test::source_dir() + "/cases");
}

TEST_CASE("config: values are read from the file, others keep defaults", "[core][config]") {
  cc::test::TempDir dir;
  dir.write("clinconsensus.yaml",
            "paths:\n  cases: 病例\nid:\n  prefix: MED-\n  digits: 6\nk: 7\nlimits:\n  max_depth: 8\n");
  auto load = load_config(dir.path(), Lang::En);
  CHECK(load.diagnostics.empty());
  REQUIRE(load.config);
  CHECK(load.config->cases_dir == "病例");
  CHECK(load.config->rubrics_dir == "rubrics");
  CHECK(load.config->id_prefix == "MED-");
  CHECK(load.config->id_digits == 6);
  CHECK(load.config->k == 7);
  CHECK(load.config->criteria_per_case == 30);
  CHECK(load.config->limits.max_depth == 8);
  CHECK(load.config->limits.max_file_bytes == 1u << 20);
  CHECK(load.config->rule_levels.empty());
}

TEST_CASE("config: wrong types are config/invalid at the value's position", "[core][config]") {
  cc::test::TempDir dir;
  dir.write("clinconsensus.yaml",
            "paths:\n"                      // 1
            "  cases: 42\n"                 // 2
            "id:\n"                         // 3
            "  digits: four\n"              // 4
            "criteria_per_case: 0\n"        // 5
            "k: 2.5\n"                      // 6
            "rules:\n"                      // 7
            "  integrity/min-axes: loud\n"  // 8
            "  yaml/bom: off\n"             // 9
            "limits: {max_depth: 2}\n");    // 10
  auto load = load_config(dir.path(), Lang::En);
  REQUIRE(load.config);  // defaults stand in for the bad values
  CHECK(load.config->cases_dir == "cases");
  CHECK(load.config->id_digits == 4);
  CHECK(load.config->criteria_per_case == 30);
  CHECK(load.config->k == 10);
  CHECK(load.config->limits.max_depth == 32);
  CHECK(load.config->rule_levels.count("integrity/min-axes") == 0);
  CHECK(load.config->rule_levels.at("yaml/bom") == "off");  // "off" stays a string in YAML 1.2

  REQUIRE(load.diagnostics.size() == 6);
  struct Want {
    int line, column;
    const char* text;
  };
  const Want want[] = {
      {2, 10, "paths/cases must be non-empty text"},
      {4, 11, "id/digits must be a whole number of at least 1"},
      {5, 20, "criteria_per_case must be a whole number of at least 1"},
      {6, 4, "k must be a whole number of at least 1"},
      {10, 21, "limits/max_depth must be a whole number of at least 4"},
      {8, 23, "rules/integrity/min-axes must be error, warning, note or off"},
  };
  for (size_t i = 0; i < 6; ++i) {
    INFO(i);
    const auto& d = load.diagnostics[i];
    CHECK(d.rule == "config/invalid");
    CHECK(d.severity == Severity::Error);
    CHECK(d.file == "clinconsensus.yaml");
    CHECK(d.line == want[i].line);
    CHECK(d.column == want[i].column);
    CHECK(d.message == want[i].text);
  }
}

TEST_CASE("config: a file that is not a mapping is reported, not thrown", "[core][config]") {
  cc::test::TempDir dir;
  dir.write("clinconsensus.yaml", "- a\n- b\n");
  ConfigLoad load;
  REQUIRE_NOTHROW(load = load_config(dir.path(), Lang::En));
  REQUIRE(load.diagnostics.size() == 1);
  CHECK(load.diagnostics[0].rule == "config/invalid");
  CHECK(load.diagnostics[0].line == 1);
  CHECK(load.diagnostics[0].column == 1);
  CHECK_FALSE(load.config);
}

TEST_CASE("config: a missing or unparsable file gives no config", "[core][config]") {
  cc::test::TempDir dir;
  auto missing = load_config(dir.path(), Lang::En);
  CHECK_FALSE(missing.config);
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].rule == "io/read");
  CHECK(missing.diagnostics[0].file == "clinconsensus.yaml");

  dir.write("clinconsensus.yaml", "k: 1\nk: 2\n");
  auto dup = load_config(dir.path(), Lang::En);
  REQUIRE_FALSE(dup.diagnostics.empty());
  CHECK(dup.diagnostics[0].rule == "yaml/duplicate-key");
  CHECK(dup.diagnostics[0].line == 2);
}

TEST_CASE("config: severity_for applies configured levels and off", "[core][config]") {
  Config c;
  c.rule_levels = {{"a/off", "off"}, {"a/warn", "warning"}, {"a/note", "note"}, {"a/err", "error"}};
  CHECK_FALSE(c.severity_for("a/off", Severity::Error).has_value());
  CHECK(c.severity_for("a/warn", Severity::Error) == Severity::Warning);
  CHECK(c.severity_for("a/note", Severity::Error) == Severity::Note);
  CHECK(c.severity_for("a/err", Severity::Warning) == Severity::Error);
  CHECK(c.severity_for("not/listed", Severity::Warning) == Severity::Warning);
  CHECK(c.severity_for("not/listed", Severity::Error) == Severity::Error);
}
