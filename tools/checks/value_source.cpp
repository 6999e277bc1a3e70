#include "checks/value_source.h"

namespace cc {

ValueSource::ValueSource(std::string_view file, size_t start, std::string_view value) : start_(start) {
  size_t cursor = start;
  // The mark of a block scalar is its indicator (| or >): the text begins on the next
  // line, and anything on the indicator's line (a comment) is not the value.
  if (start < file.size() && (file[start] == '|' || file[start] == '>')) {
    size_t nl = file.find('\n', start);
    cursor = nl == std::string_view::npos ? file.size() : nl + 1;
  } else if (start < file.size() && (file[start] == '"' || file[start] == '\'')) {
    cursor = start + 1;
  }
  size_t line_start = 0;
  for (size_t i = 0; i <= value.size(); ++i) {
    if (i < value.size() && value[i] != '\n') continue;
    std::string_view line = value.substr(line_start, i - line_start);
    if (!line.empty()) {
      // The next line of the value must follow closely (indentation, a line break, a
      // quote); anything further away is not this scalar's text.
      constexpr size_t kGapLimit = 512;
      if (cursor > file.size()) break;
      size_t rel = file.substr(cursor, line.size() + kGapLimit).find(line);
      if (rel == std::string_view::npos) break;
      size_t at = cursor + rel;
      segments_.push_back(Segment{line_start, at, line.size()});
      cursor = at + line.size();
    }
    line_start = i + 1;
  }
}

std::optional<std::pair<size_t, size_t>> ValueSource::to_file(size_t begin, size_t end) const {
  for (const auto& s : segments_) {
    if (begin >= s.value_begin && end <= s.value_begin + s.length)
      return std::make_pair(s.file_begin + (begin - s.value_begin), s.file_begin + (end - s.value_begin));
  }
  return std::nullopt;
}

}  // namespace cc
