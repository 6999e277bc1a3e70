// item_analysis.csv writer: one row per criterion, in case and rubric order. The criterion
// text stays in the rubric files (report.md quotes it for the criteria it lists).
#include <algorithm>

#include "scoring/output/score_writers.h"
#include "scoring/output/text_format.h"

namespace cc::scoring {

std::string item_analysis_csv(const ScoreReport& r) { return item_analysis_csv(r, 0, r.items.size(), true); }

std::string item_analysis_csv(const ScoreReport& r, size_t begin, size_t end, bool with_header) {
  std::string out;
  if (with_header)
    out =
        "case_id,criterion_id,axis,critical,models,met,missing,met_share,point_biserial,multiply_judged,"
        "judge_disagreements,judge_disagreement_share,flags\n";
  end = std::min(end, r.items.size());
  out.reserve(out.size() + (end > begin ? end - begin : 0) * 96);
  for (size_t i = begin; i < end; ++i) {
    const ItemStats& s = r.items[i];
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
    bool any = false;
    for (auto [on, name] : {std::pair{s.all_met, "all-met"}, std::pair{s.none_met, "none-met"},
                            std::pair{s.negative_discrimination, "negative-discrimination"},
                            std::pair{s.judges_disagree, "judges-disagree"}}) {
      if (!on) continue;
      if (any) out += ';';
      out += name;
      any = true;
    }
    out += '\n';
  }
  return out;
}

}  // namespace cc::scoring
