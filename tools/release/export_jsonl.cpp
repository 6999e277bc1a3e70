#include "release/export_jsonl.h"

namespace cc {

bool is_released(const Case& c, const Benchmark& b) {
  return c.status == kReleasedStatus && b.find_rubric(c.case_id) != nullptr;
}

nlohmann::ordered_json export_row(const Case& c, const Rubric& r) {
  nlohmann::ordered_json row = nlohmann::ordered_json::object();
  row["case_id"] = c.case_id;
  row["difficulty"] = c.difficulty;
  row["task"] = c.task;
  row["task_labels"] = c.task_labels;
  row["subject"] = c.subject;
  row["subject_labels"] = c.subject_labels;
  row["user_role"] = c.user_role;
  row["clinical_context"] = c.clinical_context;
  row["user_request"] = c.user_request;
  nlohmann::ordered_json rubrics = nlohmann::ordered_json::array();
  for (const auto& k : r.criteria) {
    nlohmann::ordered_json item = nlohmann::ordered_json::object();
    item["criterion_id"] = k.criterion_id;
    item["criterion"] = k.criterion;
    rubrics.push_back(std::move(item));
  }
  row["rubrics"] = std::move(rubrics);
  return row;
}

std::string canonical_json(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::strict);
}

ExportResult export_jsonl(const Benchmark& b, const ExportOptions& options) {
  ExportResult out;
  // Benchmark keeps its cases sorted by case_id (build_index), so rows come out sorted.
  for (const Case& c : b.cases) {
    if (c.status != kReleasedStatus) continue;
    if (options.public_only && c.difficulty != kPublicTier) continue;
    const Rubric* r = b.find_rubric(c.case_id);
    if (!r) {
      out.without_rubric.push_back(c.case_id);
      continue;
    }
    out.jsonl += canonical_json(export_row(c, *r));
    out.jsonl += '\n';
    ++out.rows;
  }
  return out;
}

}  // namespace cc
