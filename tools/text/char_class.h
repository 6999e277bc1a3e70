#pragma once
// Character classes the text rules share: what counts as Chinese text around a
// punctuation mark, and UTF-8 iteration with byte offsets.
#include <cstddef>
#include <string_view>

#include <unicode/utf8.h>

namespace cc::text {

// A CJK ideograph (the Unified and Compatibility blocks and extensions).
inline bool is_ideograph(UChar32 c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3134F);
}

// Full-width punctuation as written in Chinese sentences: CJK symbols and punctuation,
// full-width forms that are not letters or digits, curly quotes, ellipsis, dash.
inline bool is_cjk_punct(UChar32 c) {
  if (c >= 0x3001 && c <= 0x303F) return true;
  if (c >= 0xFF01 && c <= 0xFF0F) return true;
  if (c >= 0xFF1A && c <= 0xFF20) return true;
  if (c >= 0xFF3B && c <= 0xFF40) return true;
  if (c >= 0xFF5B && c <= 0xFF65) return true;
  return c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x2026 || c == 0x2014;
}

inline bool is_cjk(UChar32 c) { return is_ideograph(c) || is_cjk_punct(c); }
inline bool is_ascii_digit(UChar32 c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_alpha(UChar32 c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_ascii_alnum(UChar32 c) { return is_ascii_digit(c) || is_ascii_alpha(c); }

// The length of the UTF-8 sequence a lead byte starts (1 for ASCII and, defensively, for
// a stray continuation byte). Rules use it to step over characters they need not decode.
inline size_t utf8_length(unsigned char lead) { return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

// Whether NFC leaves the code point alone in any context (its NFC quick check is YES):
// Latin-1 and below, CJK symbols and kana before the combining voiced marks U+3099, the
// CJK Unified Ideographs and Extension A with the Yijing block, and the full-width forms
// before U+FF9E. Nearly all clinical Chinese is nothing else, so ICU is asked only about
// the rest; text_rules_test checks every code point of these ranges against ICU.
inline bool nfc_quick_yes_range(UChar32 c) {
  return c < 0x300 || (c >= 0x3000 && c <= 0x3098) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFF9D);
}

// The code point starting at byte `i` (U_SENTINEL when out of range or malformed) and
// the offset just after it.
inline UChar32 code_point_at(std::string_view s, size_t i, size_t* next = nullptr) {
  if (i >= s.size()) {
    if (next) *next = i;
    return U_SENTINEL;
  }
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  if (next) *next = static_cast<size_t>(pos);
  return c;
}

// The code point ending just before byte `i` and its start offset.
inline UChar32 code_point_before(std::string_view s, size_t i, size_t* start = nullptr) {
  if (i == 0 || i > s.size()) {
    if (start) *start = 0;
    return U_SENTINEL;
  }
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, pos, c);
  if (start) *start = static_cast<size_t>(pos);
  return c;
}

}  // namespace cc::text
