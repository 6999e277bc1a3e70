#pragma once
// JSONL, one JSON value a line: the one reader of the JSONL files the tools hand each other
// (responses, a judge run's verdicts, physician labels, Batch API output, import rows).
// Blank lines are passed over wherever they stand, and every problem names file and line.
// scoring's verdict reader and leak's corpus scan parse with simdjson for speed and keep
// their own loops.
#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace cc {

// One line of a JSONL text that holds more than blanks.
struct JsonlLine {
  int number = 0;         // 1-based, blank lines counted
  std::string_view text;  // without its line end
  nlohmann::json value;   // is_discarded() when the line is not JSON
};

// Calls `each` for every line of `text` that holds more than spaces, tabs and CRs, in order;
// a UTF-8 byte-order mark before the first line is passed over. Stops at the first Error
// `each` returns and passes it up unchanged.
Result<void> for_each_jsonl_line(std::string_view text, const std::function<Result<void>(const JsonlLine&)>& each);

// What for_each_jsonl_object says when it stops, in the caller's words and language.
struct JsonlMessages {
  // The whole message when the file cannot be read, given the system's reason; when unset,
  // "cannot read PATH: REASON".
  std::function<std::string(const std::string& why)> unreadable;
  // What follows "PATH:LINE: " when a line is not a JSON object.
  std::string not_object = "not a JSON object";
};

// Reads the JSONL file at `path` and calls `each(object, line number)` for every line that
// holds more than blanks (as for_each_jsonl_line). A file that cannot be read, or a line
// that is not a JSON object, ends the read with an Input Error (messages' words, the latter
// after "PATH:LINE: "); an Error `each` returns is passed up unchanged.
Result<void> for_each_jsonl_object(const std::string& path, const JsonlMessages& messages,
                                   const std::function<Result<void>(const nlohmann::json&, int line)>& each);

}  // namespace cc
