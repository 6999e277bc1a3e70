#pragma once
// Reading one JSON object of a verdict file — a verdict line of our JSONL or a case row
// of the public layout — into plain fields, then placing what it says as RawVerdicts.
// Internal to the verdict readers (it exposes simdjson types).
#include <string>
#include <string_view>
#include <vector>

#include "scoring/input/json_read.h"
#include "scoring/input/verdict.h"

namespace cc::scoring {

// A criteria_met value as read.
struct MetValue {
  enum class Kind { Absent, Met, NotMet, Bad } kind = Kind::Absent;
  std::string_view text;  // Bad or coerced: the value as written (lives as long as the document)
  bool quoted = false;    // Bad or coerced: it was a JSON string
  bool coerced = false;   // Met / NotMet read from a string or a number, not a JSON boolean
  size_t offset = 0;      // where the value starts in the file (0 when unknown)
};

// One element of a row's list of criterion results.
struct ItemFields {
  std::string_view criterion_id;
  bool has_id = false;
  MetValue met;
  size_t offset = 0;
};

// The fields of one object that matter; string views live as long as the parsed document.
struct ObjectFields {
  std::string_view model, case_id, criterion_id, judge;
  bool has_model = false, has_case_id = false, has_criterion_id = false, has_judge = false;
  MetValue met;
  bool has_items = false;  // a case row: criteria under one of the three list keys
  std::vector<ItemFields> items;
  // Back to empty, keeping the items' capacity.
  void reset() {
    auto keep = std::move(items);
    keep.clear();
    *this = ObjectFields{};
    items = std::move(keep);
  }
};

// Why an object could not be read.
struct ObjectError {
  bool fatal = false;  // the JSON itself is broken: nothing after this point can be read
  std::string rule;    // "verdict/json" or "verdict/parse"
  std::string message;
  size_t offset = 0;
};

// Reads `obj` (which starts at `offset` of the file whose bytes start at `base`).
// Returns false and fills `error` when it cannot.
bool read_object_fields(json::od::object& obj, const char* base, size_t offset, Lang lang, ObjectFields& out,
                        ObjectError& error);

// Places the verdicts of a case row (has_items) or of a verdict line into `out`,
// reporting unknown cases and criteria and unreadable values. A case row follows the
// public evaluator and reads "yes", 1, " TRUE " and the like as it does, counting each in
// out.coerced; a verdict line is our JSONL, where the verdict schema allows only a JSON
// boolean: anything else is refused (verdict/not-boolean) and the cell is unreadable.
void place_row(const ReadContext& ctx, const ObjectFields& f, size_t offset, FileVerdicts& out);
void place_line(const ReadContext& ctx, const ObjectFields& f, size_t offset, FileVerdicts& out);

// Adds a finding to `out` unless its rule is over the limit.
void add_finding(FileVerdicts& out, const std::string& rule, size_t offset, std::string message,
                 Severity severity = Severity::Error);

}  // namespace cc::scoring
