// Reader of our verdict JSONL: one JSON object per line, either one verdict
// {"model", "case_id", "criterion_id", "judge", "criteria_met", ...} or a whole case row
// of the public layout. Every line is parsed on its own, so a broken line is reported
// with its number and the rest of the file is still read.
#include "scoring/input/json_error_position.h"
#include "scoring/input/json_read.h"
#include "scoring/scoring_messages.h"
#include "scoring/input/verdict.h"
#include "scoring/input/verdict_object.h"

namespace cc::scoring {

void read_jsonl_verdicts(const ReadContext& ctx, size_t begin, size_t end, FileVerdicts& out) {
  const SourceFile& file = *ctx.file;
  const char* base = file.data();
  thread_local json::od::parser parser;  // reused: its buffers are paid for once per thread
  ObjectFields fields;
  std::string_view piece(base + begin, end - begin);
  if (begin == 0 && piece.substr(0, 3) == "\xEF\xBB\xBF") {
    piece.remove_prefix(3);
    begin = 3;
  }
  json::for_each_line(piece, begin, [&](size_t offset, std::string_view line) {
    json::od::document doc;
    json::od::object obj;
    simdjson::error_code err = parser.iterate(line.data(), line.size(), file.capacity() - offset).get(doc);
    json::od::json_type t{};
    if (!err) err = doc.type().get(t);
    if (!err && t != json::od::json_type::object) {
      add_finding(out, "verdict/parse", offset, scoring_message(ctx.lang, "verdict/not-object"));
      return true;
    }
    if (!err) err = doc.get_object().get(obj);
    if (err) {
      add_finding(out, "verdict/json", offset + json_error_offset(line).value_or(0),
                  scoring_message(ctx.lang, "verdict/json", {{"detail", simdjson::error_message(err)}}));
      return true;
    }
    fields.reset();
    ObjectError error;
    if (!read_object_fields(obj, base, offset, ctx.lang, fields, error)) {
      add_finding(out, error.rule, error.fatal ? offset + json_error_offset(line).value_or(0) : offset, error.message);
      return true;
    }
    if (fields.has_items)
      place_row(ctx, fields, offset, out);
    else
      place_line(ctx, fields, offset, out);
    return true;
  });
}

}  // namespace cc::scoring
