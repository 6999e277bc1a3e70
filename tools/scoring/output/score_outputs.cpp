#include "scoring/output/score_outputs.h"

#include <array>

#include "scoring/output/score_writers.h"

namespace cc::scoring {
namespace {

template <std::string (*Writer)(const ScoreReport&)>
std::string whole(const ScoreReport& r, size_t, size_t) {
  return Writer(r);
}

std::string item_analysis_part(const ScoreReport& r, size_t part, size_t parts) {
  const size_t per_part = (r.items.size() + parts - 1) / parts;
  return item_analysis_csv(r, part * per_part, (part + 1) * per_part, part == 0);
}

constexpr std::array kOutputs = {
    ScoreOutput{"summary.csv", 1, whole<summary_csv>},   ScoreOutput{"case_scores.csv", 1, whole<case_scores_csv>},
    ScoreOutput{"summary.json", 1, whole<summary_json>}, ScoreOutput{"item_analysis.csv", 4, item_analysis_part},
    ScoreOutput{"report.md", 1, whole<report_md>},       ScoreOutput{"report.html", 1, whole<report_html>},
};

}  // namespace

std::span<const ScoreOutput> score_outputs() { return kOutputs; }

}  // namespace cc::scoring
