#pragma once
// The sections of report.html, each formatted from the ScoreReport (report_html.cpp joins
// them into the page). Internal to the writer.
#include <string>
#include <vector>

#include "scoring/output/score_report.h"

namespace cc::scoring::report_html_parts {

// Slices holding fewer cases than this are hatched in the heatmaps: their figures rest on
// too few cases to compare models by.
inline constexpr size_t kFewCases = 10;
// How many criteria each item-analysis list shows (the full list is item_analysis.csv).
inline constexpr size_t kItemRows = 15;

// The heatmaps of model × slice for every dimension (difficulty, specialty, task, care
// stage, audience, rubric axis, critical criteria), each with its table.
std::string slice_heatmaps(const ScoreReport& r, const std::vector<size_t>& order);
// The most and least discriminating criteria with their text, and those judges disagree on.
std::string item_analysis(const ScoreReport& r);
// The scored judge against each other judge ("" when only one judge was read).
std::string judge_agreement(const ScoreReport& r);

}  // namespace cc::scoring::report_html_parts
