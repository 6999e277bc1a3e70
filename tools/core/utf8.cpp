#include "core/utf8.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace cc {

std::optional<size_t> find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return i;
    i += len;
  }
  return std::nullopt;
}

size_t count_code_points(std::string_view text) {
  size_t count = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++count;
  return count;
}

LineColumn line_column_at(std::string_view text, size_t offset) {
  if (offset > text.size()) offset = text.size();
  LineColumn lc;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      line_start = i + 1;
    }
  }
  lc.column = static_cast<int>(count_code_points(text.substr(line_start, offset - line_start))) + 1;
  return lc;
}

}  // namespace cc

namespace cc {
int display_width(std::string_view text) {
  // ICU's East Asian Width property (UAX #11) is the standard answer; wide and
  // full-width characters take two terminal columns.
  int width = 0;
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 cp;
    U8_NEXT(s, i, n, cp);
    if (cp < 0) {
      ++width;
      continue;
    }
    int eaw = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
    width += (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

int column_at(std::string_view text, size_t offset) {
  if (offset > text.size()) offset = text.size();
  size_t start = offset;
  while (start > 0 && text[start - 1] != '\n') --start;
  return static_cast<int>(count_code_points(text.substr(start, offset - start))) + 1;
}
}  // namespace cc
