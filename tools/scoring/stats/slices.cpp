#include "scoring/stats/slices.h"

#include <algorithm>
#include <map>

namespace cc::scoring {
namespace {

// Values of a dimension in report order: taxonomy names first (in its order), then the rest.
std::vector<std::string> ordered_values(const std::map<std::string, std::vector<uint32_t>>& found,
                                        const Dimension* dim) {
  std::vector<std::string> out;
  if (dim)
    for (const auto& l : dim->labels) {
      std::string name = dim->file_name_of(l);
      if (found.count(name)) out.push_back(name);
    }
  for (const auto& [value, _] : found)
    if (std::find(out.begin(), out.end(), value) == out.end()) out.push_back(value);
  return out;
}

void add_case_dimension(std::vector<Slice>& out, const std::string& dimension, const Dimension* dim,
                        const std::map<std::string, std::vector<uint32_t>>& found) {
  for (const auto& value : ordered_values(found, dim)) {
    Slice s;
    s.dimension = dimension;
    s.value = value;
    s.name = dimension == "difficulty" ? value : dimension + ":" + value;  // the public evaluator's names
    s.cases = found.at(value);
    out.push_back(std::move(s));
  }
}

}  // namespace

std::vector<Slice> build_slices(const CaseSet& cases, const Taxonomy* taxonomy) {
  std::vector<Slice> out;
  Slice overall;
  overall.name = overall.dimension = "overall";
  for (uint32_t c = 0; c < cases.cases.size(); ++c) overall.cases.push_back(c);
  out.push_back(std::move(overall));

  std::map<std::string, std::vector<uint32_t>> difficulty, subject, task, stage, audience;
  for (uint32_t c = 0; c < cases.cases.size(); ++c) {
    const ScoredCase& sc = cases.cases[c];
    auto add = [c](std::map<std::string, std::vector<uint32_t>>& m, const std::string& v) {
      if (v.empty()) return;
      auto& list = m[v];
      if (list.empty() || list.back() != c) list.push_back(c);
    };
    add(difficulty, sc.difficulty);
    if (sc.subject_labels.empty()) add(subject, sc.subject);
    for (const auto& l : sc.subject_labels) add(subject, l);
    if (sc.task_labels.empty()) add(task, sc.task);
    for (const auto& l : sc.task_labels) add(task, l);
    add(stage, sc.care_stage);
    add(audience, sc.audience);
  }
  const Taxonomy* t = taxonomy;
  add_case_dimension(out, "difficulty", t ? &t->difficulty : nullptr, difficulty);
  add_case_dimension(out, "subject", t ? &t->specialties : nullptr, subject);
  add_case_dimension(out, "task", t ? &t->tasks : nullptr, task);
  add_case_dimension(out, "care_stage", t ? &t->care_stages : nullptr, stage);
  add_case_dimension(out, "audience", t ? &t->audiences : nullptr, audience);

  // Criterion slices: per axis, and the safety-critical criteria, filled in one pass.
  std::map<std::string, std::vector<uint32_t>> axis_found;  // only to order and find the values
  bool any_critical = false;
  for (uint32_t c = 0; c < cases.cases.size(); ++c)
    for (const auto& k : cases.cases[c].criteria) {
      if (!k.axis.empty()) axis_found[k.axis];
      any_critical = any_critical || k.critical;
    }
  std::vector<std::string> axes = ordered_values(axis_found, t ? &t->axes : nullptr);
  const size_t first = out.size();
  for (const auto& value : axes) {
    Slice s;
    s.dimension = "axis";
    s.value = value;
    s.name = "axis:" + value;
    out.push_back(std::move(s));
  }
  const size_t critical_slot = out.size();
  if (any_critical) {
    Slice s;
    s.dimension = "critical";
    s.value = "true";
    s.name = "critical:true";
    out.push_back(std::move(s));
  }
  for (size_t i = first; i < out.size(); ++i) {
    out[i].per_criterion = true;
    out[i].cell_begin.push_back(0);
  }
  for (uint32_t c = 0; c < cases.cases.size(); ++c) {
    const auto& crit = cases.cases[c].criteria;
    for (uint32_t i = 0; i < crit.size(); ++i) {
      uint32_t cell = cases.first_cell(c) + i;
      if (!crit[i].axis.empty())
        for (size_t a = 0; a < axes.size(); ++a)  // a handful of axes: a scan beats a map
          if (axes[a] == crit[i].axis) {
            out[first + a].cells.push_back(cell);
            break;
          }
      if (crit[i].critical) out[critical_slot].cells.push_back(cell);
    }
    for (size_t k = first; k < out.size(); ++k) {
      Slice& s = out[k];
      if (s.cells.size() > s.cell_begin.back()) {
        s.cases.push_back(c);
        s.cell_begin.push_back(static_cast<uint32_t>(s.cells.size()));
      }
    }
  }
  return out;
}

}  // namespace cc::scoring
