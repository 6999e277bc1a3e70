// case_scores.csv writer: one row per model and case.
#include "scoring/score_writers.h"
#include "scoring/text_format.h"

namespace cc::scoring {

std::string case_scores_csv(const ScoreReport& r) {
  std::string out =
      "model,case_id,difficulty,subject,task,care_stage,audience,rubrics,met,missing,score_pct,pass_at_k,"
      "cacs_at_k_pct\n";
  out.reserve(out.size() + r.models.size() * r.cases->cases.size() * 120);
  const int k = r.settings.k;
  for (const ModelResult& mr : r.models) {
    for (size_t c = 0; c < r.cases->cases.size(); ++c) {
      const ScoredCase& sc = r.cases->cases[c];
      const CaseOutcome& o = mr.outcomes[c];
      for (const std::string* f : {&mr.model, &sc.case_id, &sc.difficulty, &sc.subject, &sc.task, &sc.care_stage,
                                   &sc.audience})
        append_csv_field(out, *f, ',');
      append_csv_integer(out, o.rubrics, ',');
      append_csv_integer(out, o.met, ',');
      append_csv_integer(out, o.missing, ',');
      append_csv_number(out, o.rubrics ? 100.0 * o.met / o.rubrics : 0.0, ',');
      out += passes(o.met, k) ? "1," : "0,";
      append_csv_number(out, 100.0 * cacs_case(o.met, o.rubrics, k), '\n');
    }
  }
  return out;
}

}  // namespace cc::scoring
