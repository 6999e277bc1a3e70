#pragma once
// UTF-8 helpers: validation with the offset of the first bad byte, and conversion of a
// byte offset into the 1-based line and code-point column a physician's editor shows.
#include <cstddef>
#include <optional>
#include <string_view>

namespace cc {

// Offset of the first byte that does not start or continue a well-formed UTF-8 sequence
// (overlongs, surrogates and code points above U+10FFFF count as malformed), or nullopt.
std::optional<size_t> find_invalid_utf8(std::string_view text);

struct LineColumn {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, counted in code points
};

// Line and code-point column of byte `offset` in `text` (clamped to the text's end).
LineColumn line_column_at(std::string_view text, size_t offset);

// Number of code points in `text` (which must be valid UTF-8).
size_t count_code_points(std::string_view text);

}  // namespace cc

namespace cc {
// Columns a terminal gives `text`: 2 for East Asian wide and full-width characters
// (CJK ideographs, kana, hangul, full-width forms), 1 otherwise.
int display_width(std::string_view text);

// 1-based code-point column of byte `offset`, scanning back to the start of its line;
// cheaper than line_column_at when the line is already known.
int column_at(std::string_view text, size_t offset);
}  // namespace cc
