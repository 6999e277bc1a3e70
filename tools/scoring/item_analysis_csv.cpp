// item_analysis.csv writer: one row per criterion, in case and rubric order.
#include "scoring/score_writers.h"
#include "scoring/text_format.h"

namespace cc::scoring {

std::string item_analysis_csv(const ScoreReport& r) {
  std::string out =
      "case_id,criterion_id,axis,critical,models,met,missing,met_share,point_biserial,multiply_judged,"
      "judge_disagreements,judge_disagreement_share,flags,criterion\n";
  out.reserve(r.items.size() * 160);
  for (const ItemStats& s : r.items) {
    const ScoredCase& c = r.cases->cases[r.cases->case_of_cell(s.cell)];
    const ScoredCriterion& k = r.cases->criterion_of_cell(s.cell);
    append_csv_row(out, {c.case_id, k.criterion_id, k.axis, k.critical ? "true" : "false", std::to_string(s.models),
                         std::to_string(s.met), std::to_string(s.missing), format_number(s.met_share),
                         format_number(s.point_biserial), std::to_string(s.multiply_judged),
                         std::to_string(s.judge_disagreements), format_number(s.judge_disagreement_share), s.flags(),
                         k.criterion});
  }
  return out;
}

}  // namespace cc::scoring
