#include "core/model.h"

#include <algorithm>

#include "core/json_text.h"

namespace cc {
namespace {

std::vector<std::string> texts(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

}  // namespace

Case case_from_json(const nlohmann::json& j) {
  Case c;
  if (!j.is_object()) return c;
  c.case_id = json_text(j, "case_id");
  c.status = json_text(j, "status");
  c.difficulty = json_text(j, "difficulty");
  c.subject = json_text(j, "subject");
  c.subject_labels = texts(j, "subject_labels");
  c.task = json_text(j, "task");
  c.task_labels = texts(j, "task_labels");
  c.care_stage = json_text(j, "care_stage");
  c.user_role = json_text(j, "user_role");
  c.audience = json_text(j, "audience");
  c.clinical_context = json_text(j, "clinical_context");
  c.user_request = json_text(j, "user_request");
  c.authors = texts(j, "authors");
  return c;
}

Rubric rubric_from_json(const nlohmann::json& j) {
  Rubric r;
  if (!j.is_object()) return r;
  r.case_id = json_text(j, "case_id");
  auto it = j.find("criteria");
  if (it == j.end() || !it->is_array()) return r;
  for (const auto& c : *it) {
    if (!c.is_object()) continue;
    Criterion k;
    k.criterion_id = json_text(c, "criterion_id");
    k.criterion = json_text(c, "criterion");
    k.axis = json_text(c, "axis");
    if (auto cr = c.find("critical"); cr != c.end() && cr->is_boolean()) k.critical = cr->get<bool>();
    if (auto rv = c.find("revision"); rv != c.end() && rv->is_number_integer()) k.revision = rv->get<int>();
    r.criteria.push_back(std::move(k));
  }
  return r;
}

const Case* Benchmark::find_case(const std::string& case_id) const {
  auto it = case_index_.find(case_id);
  return it == case_index_.end() ? nullptr : &cases[it->second];
}

const Rubric* Benchmark::find_rubric(const std::string& case_id) const {
  auto it = rubric_index_.find(case_id);
  return it == rubric_index_.end() ? nullptr : &rubrics[it->second];
}

void Benchmark::build_index() {
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.case_id < b.case_id; });
  std::sort(rubrics.begin(), rubrics.end(), [](const Rubric& a, const Rubric& b) { return a.case_id < b.case_id; });
  case_index_.clear();
  rubric_index_.clear();
  for (size_t i = 0; i < cases.size(); ++i) case_index_.emplace(cases[i].case_id, i);
  for (size_t i = 0; i < rubrics.size(); ++i) rubric_index_.emplace(rubrics[i].case_id, i);
}

}  // namespace cc
