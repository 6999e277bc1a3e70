#pragma once
// Config: clinconsensus.yaml, the project's settings — where things live, criteria per
// case, k, loader limits, rule severities, coverage targets, and the endpoints and judge
// settings of an evaluation.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "core/messages.h"
#include "core/yaml_loader.h"

namespace cc {

inline constexpr const char* kConfigFileName = "clinconsensus.yaml";

struct Config {
  std::string root;  // absolute path of the repository root (the folder holding the file)
  std::string cases_dir = "cases";
  std::string rubrics_dir = "rubrics";
  std::string schema_dir = "schema";
  std::string taxonomy_path = "schema/taxonomy.yaml";
  std::string reports_dir = "reports";
  std::string id_prefix = "CC-";
  int id_digits = 4;
  int criteria_per_case = 30;
  int k = 10;
  LoadLimits limits;
  int min_axes_per_case = 3;
  int min_safety_criteria_per_case = 1;
  std::map<std::string, std::string> rule_levels;       // rule id → error | warning | note | off
  nlohmann::json targets = nlohmann::json::object();    // coverage targets, read by coverage
  nlohmann::json endpoints = nlohmann::json::object();  // model and judge endpoints, read by judge
  nlohmann::json judge = nlohmann::json::object();      // judge settings (prompt, mode), read by judge
  Document document;                                    // the file itself, for schema validation of the config

  // The severity a finding of `rule` gets, or nullopt when the rule is switched off.
  std::optional<Severity> severity_for(const std::string& rule, Severity fallback) const;
  std::string abs(const std::string& rel) const { return root + "/" + rel; }
};

struct ConfigLoad {
  std::optional<Config> config;
  std::vector<Diagnostic> diagnostics;
};

// Loads `<root>/clinconsensus.yaml`. Values of the wrong type are reported and replaced
// by defaults; the full schema check of the file runs with `validate`.
ConfigLoad load_config(const std::string& root, Lang lang);

}  // namespace cc
