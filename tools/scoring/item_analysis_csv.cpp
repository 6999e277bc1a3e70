// item_analysis.csv writer: one row per criterion, in case and rubric order. The criterion
// text stays in the rubric files (report.md quotes it for the criteria it lists).
#include "scoring/score_writers.h"
#include "scoring/text_format.h"

namespace cc::scoring {

std::string item_analysis_csv(const ScoreReport& r) {
  std::string out =
      "case_id,criterion_id,axis,critical,models,met,missing,met_share,point_biserial,multiply_judged,"
      "judge_disagreements,judge_disagreement_share,flags\n";
  out.reserve(out.size() + r.items.size() * 80);
  for (const ItemStats& s : r.items) {
    const ScoredCase& c = r.cases->cases[r.cases->case_of_cell(s.cell)];
    const ScoredCriterion& k = r.cases->criterion_of_cell(s.cell);
    append_csv_field(out, c.case_id, ',');
    append_csv_field(out, k.criterion_id, ',');
    append_csv_field(out, k.axis, ',');
    out += k.critical ? "true," : "false,";
    append_csv_integer(out, s.models, ',');
    append_csv_integer(out, s.met, ',');
    append_csv_integer(out, s.missing, ',');
    append_csv_number(out, s.met_share, ',');
    append_csv_number(out, s.point_biserial, ',');
    append_csv_integer(out, s.multiply_judged, ',');
    append_csv_integer(out, s.judge_disagreements, ',');
    append_csv_number(out, s.judge_disagreement_share, ',');
    append_csv_field(out, s.flags(), '\n');
  }
  return out;
}

}  // namespace cc::scoring
