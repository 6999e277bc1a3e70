#include "release/semantic_diff.h"

#include <map>

#include "release/export_jsonl.h"
#include "release/release_messages.h"

namespace cc {
namespace {

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

void compare_labels(const Case& a, const Case& b, std::vector<LabelChange>& out) {
  auto field = [&](const char* name, const std::string& x, const std::string& y) {
    if (x != y) out.push_back(LabelChange{b.case_id, name, x, y});
  };
  auto list = [&](const char* name, const std::vector<std::string>& x, const std::vector<std::string>& y) {
    if (x != y) out.push_back(LabelChange{b.case_id, name, join(x), join(y)});
  };
  field("difficulty", a.difficulty, b.difficulty);
  field("subject", a.subject, b.subject);
  list("subject_labels", a.subject_labels, b.subject_labels);
  field("task", a.task, b.task);
  list("task_labels", a.task_labels, b.task_labels);
  field("care_stage", a.care_stage, b.care_stage);
  field("audience", a.audience, b.audience);
  field("user_role", a.user_role, b.user_role);
}

void compare_criteria(const std::string& id, const Rubric& a, const Rubric& b, ReleaseDiff& d) {
  std::map<std::string, const Criterion*> before;
  for (const auto& k : a.criteria) before.emplace(k.criterion_id, &k);
  std::map<std::string, const Criterion*> after;
  for (const auto& k : b.criteria) after.emplace(k.criterion_id, &k);
  for (const auto& [cid, k] : after) {
    auto it = before.find(cid);
    if (it == before.end()) {
      d.criteria_added.push_back(CriterionRef{id, cid, k->criterion});
      continue;
    }
    const Criterion& old = *it->second;
    if (old.criterion != k->criterion)
      d.criteria_reworded.push_back(CriterionReword{id, cid, old.criterion, k->criterion});
    if (old.axis != k->axis) d.label_changes.push_back(LabelChange{id, cid + " axis", old.axis, k->axis});
    if (old.critical != k->critical)
      d.label_changes.push_back(
          LabelChange{id, cid + " critical", old.critical ? "true" : "false", k->critical ? "true" : "false"});
  }
  for (const auto& [cid, k] : before)
    if (!after.count(cid)) d.criteria_removed.push_back(CriterionRef{id, cid, k->criterion});
}

std::string count_line(Lang lang, std::string_view id, size_t n) {
  return release_message(lang, id, {{"n", std::to_string(n)}});
}

}  // namespace

bool ReleaseDiff::empty() const {
  return cases_added.empty() && cases_removed.empty() && cases_retired.empty() && cases_text_changed.empty() &&
         criteria_added.empty() && criteria_removed.empty() && criteria_reworded.empty() && label_changes.empty();
}

ReleaseDiff diff_benchmarks(const Benchmark& before, const Benchmark& after) {
  ReleaseDiff d;
  for (const Case& a : before.cases) {
    if (!is_released(a, before)) continue;
    ++d.cases_before;
    const Case* b = after.find_case(a.case_id);
    if (b && b->status == "retired") {
      d.cases_retired.push_back(a.case_id);
    } else if (!b || !is_released(*b, after)) {
      d.cases_removed.push_back(a.case_id);
    } else {
      compare_labels(a, *b, d.label_changes);
      if (a.clinical_context != b->clinical_context || a.user_request != b->user_request)
        d.cases_text_changed.push_back(a.case_id);
      compare_criteria(a.case_id, *before.find_rubric(a.case_id), *after.find_rubric(a.case_id), d);
    }
  }
  for (const Case& b : after.cases) {
    if (!is_released(b, after)) continue;
    ++d.cases_after;
    const Case* a = before.find_case(b.case_id);
    if (!a || !is_released(*a, before)) d.cases_added.push_back(b.case_id);
  }
  return d;
}

std::string diff_summary(const ReleaseDiff& d, Lang lang) {
  return release_message(lang, "diff/summary",
                         {{"before", std::to_string(d.cases_before)},
                          {"after", std::to_string(d.cases_after)},
                          {"added", std::to_string(d.cases_added.size())},
                          {"removed", std::to_string(d.cases_removed.size())},
                          {"retired", std::to_string(d.cases_retired.size())},
                          {"c_added", std::to_string(d.criteria_added.size())},
                          {"c_removed", std::to_string(d.criteria_removed.size())},
                          {"c_reworded", std::to_string(d.criteria_reworded.size())},
                          {"labels", std::to_string(d.label_changes.size())},
                          {"text", std::to_string(d.cases_text_changed.size())}});
}

std::string diff_markdown(const ReleaseDiff& d, const std::string& from, const std::string& to, Lang lang) {
  std::string s;
  s += release_message(lang, from.empty() ? "diff/first" : "diff/header", {{"from", from}, {"to", to}});
  s += "\n\n" + diff_summary(d, lang) + "\n";
  auto ids = [&](std::string_view id, const std::vector<std::string>& v) {
    if (v.empty()) return;
    s += "\n### " + count_line(lang, id, v.size()) + "\n\n";
    for (const auto& x : v) s += "- " + x + "\n";
  };
  auto refs = [&](std::string_view id, const std::vector<CriterionRef>& v) {
    if (v.empty()) return;
    s += "\n### " + count_line(lang, id, v.size()) + "\n\n";
    for (const auto& x : v) s += "- " + x.criterion_id + ": " + x.text + "\n";
  };
  ids("diff/cases-added", d.cases_added);
  ids("diff/cases-removed", d.cases_removed);
  ids("diff/cases-retired", d.cases_retired);
  refs("diff/criteria-added", d.criteria_added);
  refs("diff/criteria-removed", d.criteria_removed);
  if (!d.criteria_reworded.empty()) {
    s += "\n### " + count_line(lang, "diff/criteria-reworded", d.criteria_reworded.size()) + "\n\n";
    for (const auto& x : d.criteria_reworded)
      s += "- " + x.criterion_id + ":\n  - " + x.before + "\n  + " + x.after + "\n";
  }
  if (!d.label_changes.empty()) {
    s += "\n### " + count_line(lang, "diff/labels", d.label_changes.size()) + "\n\n";
    for (const auto& x : d.label_changes)
      s += "- " + x.case_id + " " + x.field + ": " + x.before + " → " + x.after + "\n";
  }
  ids("diff/text", d.cases_text_changed);
  if (d.empty()) s += "\n" + release_message(lang, "diff/none") + "\n";
  return s;
}

}  // namespace cc
