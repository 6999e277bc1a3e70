#pragma once
// The writers of `score`'s output files, one per file; each returns the file's bytes.
// Same report, same bytes: nothing depends on time, locale, threads or the environment.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "scoring/output/score_report.h"

namespace cc::scoring {

// A figure in the JSON outputs: the number, or null for NaN, infinity or no value (JSON
// has no NaN, and a reader should see "not defined", never 0).
nlohmann::ordered_json json_number(double v);
nlohmann::ordered_json json_number(const std::optional<double>& v);

// summary.csv: model,slice,threshold,cases,rubrics,positive,rubric_accuracy_pct,
// pass_at_k_pct,cacs_at_k_pct (the public evaluator's columns, and its slice names), then
// the interval bounds, missing and judge. With
// --k-sweep, overall rows for every other threshold follow each model's slices.
std::string summary_csv(const ScoreReport& r);

// case_scores.csv: one row per model and case: the public evaluator's columns
// model,case_id,difficulty,subject_labels,task_labels,rubric_count,expected_rubric_count,
// positive_count,rubric_accuracy_pct,pass_at_k,cacs_at_k_pct, then subject,task,
// care_stage,audience,missing.
std::string case_scores_csv(const ScoreReport& r);

// summary.json: settings, per model every slice with intervals, the paired differences,
// the k-sweep and the item-analysis counts.
std::string summary_json(const ScoreReport& r);

// item_analysis.csv: one row per criterion (ids, figures, flags; not the text). The rows
// of items [begin, end) only, without the header, when `with_header` is false — so the
// file can be formatted in parts on several cores and joined.
std::string item_analysis_csv(const ScoreReport& r);
std::string item_analysis_csv(const ScoreReport& r, size_t begin, size_t end, bool with_header);

// report.md: the leaderboard with intervals, paired differences, slice tables, the
// k-sweep and the criteria curators should look at.
std::string report_md(const ScoreReport& r);

// report.html: the same report as one self-contained page (inline CSS and SVG, no network,
// readable without script): leaderboard with interval whiskers, pass@k and CACS@k curves,
// paired-difference matrix, model × slice heatmaps, item analysis with criterion text and,
// when two judges were read, their agreement. Every chart's numbers are in a table.
std::string report_html(const ScoreReport& r);

// run_manifest.json: tool version, settings, SHA-256 of every input and of every other
// output (name, sha256 pairs).
// The "inputs" and "outputs" members every run manifest carries (score and agree alike).
void add_manifest_files(nlohmann::ordered_json& manifest, const std::vector<InputRecord>& inputs,
                        const std::vector<std::pair<std::string, std::string>>& outputs);

std::string run_manifest_json(const ScoreReport& r, const std::string& command,
                              const std::vector<std::pair<std::string, std::string>>& outputs);

}  // namespace cc::scoring
