#pragma once
// Review sheets: the CSV a physician fills in to settle what the judges disagree on.
// `review export` writes one row per criterion to review — by default those where the
// judges' verdicts differ or that have no final verdict (escalated, or a judge gave
// none), with --all every judged one — as UTF-8 with a BOM (Excel then shows the Chinese
// text) and CRLF records (RFC 4180). Columns: row_key, model, case_id, criterion_id,
// context_and_request, response, criterion, "<judge> verdict" and "<judge> explanation"
// for each judge, then the empty physician_label and note.
// `review import` reads a filled sheet back into the physician label JSONL: labels 是/否,
// true/false or 1/0, an empty label meaning not reviewed. row_key is a digest of model,
// case and criterion id, so an edited id is caught; unknown ids, other label values and a
// criterion given twice are reported too, each with its line, and then nothing is written.
#include <string>
#include <vector>

#include "core/config.h"
#include "core/messages.h"
#include "core/result.h"
#include "judge/judge_outputs.h"

namespace cc::judge {

// The row_key of a criterion: the first 16 hex digits of SHA-256("model\ncase\ncriterion").
std::string review_row_key(const CriterionKey& key);

struct ReviewExportOptions {
  std::string from_dir;                // a judge run's folder
  std::vector<std::string> responses;  // override the manifest's response files
  bool all = false;                    // every judged criterion, not only those to settle
  std::string out;                     // the sheet
};

struct ReviewExportReport {
  size_t rows = 0;
  std::string text;
};

// Writes the sheet. Error (kind Input) when the run cannot be read, kind Usage when the
// sheet cannot be written.
Result<ReviewExportReport> export_review_sheet(const Config& config, const ReviewExportOptions& options, Lang lang);

struct ReviewImportOptions {
  std::string sheet;     // the filled CSV
  std::string reviewer;  // recorded in every label
  std::string out;       // the physician label JSONL; labels already there are kept unless relabelled
};

struct ReviewImportReport {
  size_t labelled = 0, unlabelled = 0;
  std::string text;
};

// Reads the sheet and merges its labels into `out` atomically. Error (kind Input) listing
// every problem with its line; nothing is written then.
Result<ReviewImportReport> import_review_sheet(const Config& config, const ReviewImportOptions& options, Lang lang);

}  // namespace cc::judge
