#pragma once
// Model: cases and rubrics as plain structs, for the tools that read the benchmark as
// data (coverage, export, scoring) rather than check it. Field names follow the public
// release so export is a projection.
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace cc {

struct Criterion {
  std::string criterion_id;
  std::string criterion;
  std::string axis;  // as written (taxonomy zh name)
  bool critical = false;
  int revision = 0;  // 0: never revised
};

struct Case {
  std::string path;  // root-relative file
  std::string case_id;
  std::string status;
  std::string difficulty;
  std::string subject;
  std::vector<std::string> subject_labels;
  std::string task;
  std::vector<std::string> task_labels;
  std::string care_stage;
  std::string user_role;
  std::string audience;
  std::string clinical_context;
  std::string user_request;
  std::vector<std::string> authors;
};

struct Rubric {
  std::string path;
  std::string case_id;
  std::vector<Criterion> criteria;
};

// Builds the structs from a loaded document's JSON. Missing or mistyped fields stay
// empty: checking is validate's job, these are lenient by design.
Case case_from_json(const nlohmann::json& j);
Rubric rubric_from_json(const nlohmann::json& j);

// A whole benchmark in memory, cases sorted by case_id.
struct Benchmark {
  std::vector<Case> cases;
  std::vector<Rubric> rubrics;

  const Case* find_case(const std::string& case_id) const;
  const Rubric* find_rubric(const std::string& case_id) const;
  void build_index();  // call after filling cases and rubrics

 private:
  std::unordered_map<std::string, size_t> case_index_, rubric_index_;
};

}  // namespace cc
