// Reader of the public evaluator's layout: `<model>_judge.json` holds a JSON list with
// one row per case, {"case_id", ..., "criteria_results" | "rubric_results" |
// "rubric_judgments": [{"criterion_id"?, "criteria_met", ...}]}. Results carrying a
// criterion_id are matched by it; the others by their position in the list.
#include "scoring/input/json_error_position.h"
#include "scoring/input/json_read.h"
#include "scoring/scoring_messages.h"
#include "scoring/input/verdict.h"
#include "scoring/input/verdict_object.h"

namespace cc::scoring {
namespace {

// Where the JSON of `file` (from byte `start`) breaks; `fallback` when that cannot be told.
size_t break_offset(const SourceFile& file, size_t start, size_t fallback) {
  std::optional<size_t> at = json_error_offset(file.text().substr(start));
  return at ? start + *at : fallback;
}

}  // namespace

void read_public_verdicts(const ReadContext& ctx, FileVerdicts& out) {
  const SourceFile& file = *ctx.file;
  const char* base = file.data();
  size_t start = file.text().substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  thread_local json::od::parser parser;  // reused: its buffers are paid for once per thread
  json::od::document doc;
  json::od::array rows;
  simdjson::error_code err = parser.iterate(base + start, file.size() - start, file.capacity() - start).get(doc);
  json::od::json_type t{};
  if (!err) err = doc.type().get(t);
  if (!err && t != json::od::json_type::array) {
    add_finding(out, "verdict/parse", start, scoring_message(ctx.lang, "verdict/not-rows"));
    return;
  }
  if (!err) err = doc.get_array().get(rows);
  if (err) {
    add_finding(out, "verdict/json", break_offset(file, start, start),
                scoring_message(ctx.lang, "verdict/json", {{"detail", simdjson::error_message(err)}}));
    return;
  }
  ObjectFields fields;
  size_t last_offset = start;
  for (auto row_r : rows) {
    json::od::value row;
    if ((err = std::move(row_r).get(row))) break;
    size_t offset = json::offset_of(row, base, last_offset);
    last_offset = offset;
    if ((err = row.type().get(t))) break;
    if (t != json::od::json_type::object) {
      add_finding(out, "verdict/parse", offset, scoring_message(ctx.lang, "verdict/row-not-object"));
      continue;
    }
    json::od::object obj;
    if ((err = row.get_object().get(obj))) break;
    fields.reset();
    ObjectError error;
    if (!read_object_fields(obj, base, offset, ctx.lang, fields, error)) {
      add_finding(out, error.rule, error.fatal ? break_offset(file, start, error.offset) : error.offset, error.message);
      if (error.fatal) return;
      continue;
    }
    if (!fields.has_items) {
      add_finding(out, "verdict/parse", offset,
                  scoring_message(ctx.lang, "verdict/field", {{"field", "criteria_results"}}));
      continue;
    }
    place_row(ctx, fields, offset, out);
  }
  if (err)
    add_finding(out, "verdict/json", break_offset(file, start, last_offset),
                scoring_message(ctx.lang, "verdict/json", {{"detail", simdjson::error_message(err)}}));
}

}  // namespace cc::scoring
