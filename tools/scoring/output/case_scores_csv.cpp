// case_scores.csv writer: one row per model and case. The public evaluator's columns come
// first, in its order and with its meanings (label lists joined by '|'; rubric_count the
// verdicts read, expected_rubric_count the case's criteria), then ours.
#include "scoring/output/score_writers.h"
#include "scoring/output/text_format.h"

namespace cc::scoring {
namespace {

// A label list as the public evaluator writes it: joined by '|' ("" for none).
std::string joined(const std::vector<std::string>& labels) {
  std::string out;
  for (const auto& l : labels) out += (out.empty() ? "" : "|") + l;
  return out;
}

}  // namespace

std::string case_scores_csv(const ScoreReport& r) {
  std::string out =
      "model,case_id,difficulty,subject_labels,task_labels,rubric_count,expected_rubric_count,positive_count,"
      "rubric_accuracy_pct,pass_at_k,cacs_at_k_pct,subject,task,care_stage,audience,missing\n";
  out.reserve(out.size() + r.models.size() * r.cases->cases.size() * 160);
  const int k = r.settings.k;
  for (const ModelResult& mr : r.models) {
    for (size_t c = 0; c < r.cases->cases.size(); ++c) {
      const ScoredCase& sc = r.cases->cases[c];
      const CaseOutcome& o = mr.outcomes[c];
      append_csv_field(out, mr.model, ',');
      append_csv_field(out, sc.case_id, ',');
      append_csv_field(out, sc.difficulty, ',');
      append_csv_field(out, joined(sc.subject_labels), ',');
      append_csv_field(out, joined(sc.task_labels), ',');
      append_csv_integer(out, o.rubrics - o.missing, ',');
      append_csv_integer(out, o.rubrics, ',');
      append_csv_integer(out, o.met, ',');
      // Missing verdicts count as not met (--allow-missing), as in every figure of score.
      append_csv_number(out, o.rubrics ? 100.0 * o.met / o.rubrics : 0.0, ',');
      out += passes(o.met, k) ? "1," : "0,";
      append_csv_number(out, 100.0 * cacs_case(o.met, o.rubrics, k), ',');
      for (const std::string* f : {&sc.subject, &sc.task, &sc.care_stage, &sc.audience}) append_csv_field(out, *f, ',');
      append_csv_integer(out, o.missing, '\n');
    }
  }
  return out;
}

}  // namespace cc::scoring
