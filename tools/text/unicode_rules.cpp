// Unicode-form rules: text/nfc, text/invisible, text/fullwidth-alnum.
#include <cstdio>
#include <string>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/char_class.h"
#include "text/text_rules.h"

namespace cc {
namespace {

using text::code_point_at;

std::string hex(UChar32 c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(c));
  return buf;
}

// Invisible or control characters and what replaces them ("" = remove, " " = space).
const char* invisible_replacement(UChar32 c) {
  if (c == 0x00A0 || c == 0x202F) return " ";  // no-break spaces
  if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD) return "";
  if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F) return "";
  if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || (c >= 0x80 && c <= 0x9F)) return "";
  return nullptr;
}

const char* invisible_name(UChar32 c) {
  switch (c) {
    case 0x00A0: return "NO-BREAK SPACE";
    case 0x202F: return "NARROW NO-BREAK SPACE";
    case 0x200B: return "ZERO WIDTH SPACE";
    case 0x200C: return "ZERO WIDTH NON-JOINER";
    case 0x200D: return "ZERO WIDTH JOINER";
    case 0x2060: return "WORD JOINER";
    case 0xFEFF: return "BYTE ORDER MARK";
    case 0x00AD: return "SOFT HYPHEN";
    default: break;
  }
  if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F) return "BIDI CONTROL";
  return "CONTROL CHARACTER";
}

void check_nfc(std::string_view value, Lang lang, TextFindings& out) {
  // Almost all text is NFC already: ask the quick-check property per code point and
  // only normalise the stretch around a character that may need it.
  static const icu::Normalizer2* quick = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  if (!quick) return;
  size_t i = 0;
  size_t done = 0;  // everything before this offset has been normalised already
  while (i < value.size()) {
    unsigned char lead = static_cast<unsigned char>(value[i]);
    if (lead < 0x80 || (lead >= 0xE4 && lead <= 0xE9)) {  // ASCII, U+4000..U+9FFF: stable
      i += text::utf8_length(lead);
      continue;
    }
    size_t next;
    UChar32 c = code_point_at(value, i, &next);
    if (text::nfc_quick_yes_range(c) || u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES) {
      i = next;
      continue;
    }
    // Normalise from the previous boundary to the next one.
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = quick;
    size_t begin = i;
    while (begin > done && !nfc->hasBoundaryBefore(code_point_at(value, begin))) {
      size_t prev;
      text::code_point_before(value, begin, &prev);
      begin = prev;
    }
    size_t end = next;
    while (end < value.size()) {
      size_t after;
      UChar32 n = code_point_at(value, end, &after);
      if (nfc->hasBoundaryBefore(n)) break;
      end = after;
    }
    std::string segment(value.substr(begin, end - begin));
    icu::UnicodeString normalized = nfc->normalize(icu::UnicodeString::fromUTF8(segment), status);
    std::string fixed;
    normalized.toUTF8String(fixed);
    if (U_SUCCESS(status) && fixed != segment) {
      TextFinding f;
      f.rule = "text/nfc";
      f.begin = begin;
      f.end = end;
      f.message = message(lang, "text/nfc", {{"text", segment}, {"fixed", fixed}});
      f.replacement = fixed;
      out.push_back(std::move(f));
    }
    i = end;
    done = end;
  }
}

void check_invisible(std::string_view value, Lang lang, TextFindings& out) {
  size_t i = 0;
  while (i < value.size()) {
    // Printable ASCII and three-byte characters outside U+2000..U+2FFF and U+F000..U+FFFF
    // are never invisible: step over them without decoding.
    unsigned char lead = static_cast<unsigned char>(value[i]);
    if ((lead >= 0x20 && lead < 0x7F) || lead == '\n' || lead == '\t' || (lead >= 0xE3 && lead <= 0xEE)) {
      i += text::utf8_length(lead);
      continue;
    }
    size_t next;
    UChar32 c = code_point_at(value, i, &next);
    const char* repl = c >= 0 ? invisible_replacement(c) : nullptr;
    if (!repl) {
      i = next;
      continue;
    }
    TextFinding f;
    f.rule = "text/invisible";
    f.begin = i;
    f.end = next;
    f.replacement = repl;
    f.message = message(lang, c == 0x00A0 || c == 0x202F ? "text/invisible.space" : "text/invisible",
                        {{"name", invisible_name(c)}, {"code", hex(c)}});
    out.push_back(std::move(f));
    i = next;
  }
}

void check_fullwidth_alnum(std::string_view value, Lang lang, TextFindings& out) {
  auto fullwidth = [](UChar32 c) {
    return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
  };
  size_t i = 0;
  while (i < value.size()) {
    unsigned char lead = static_cast<unsigned char>(value[i]);
    if (lead != 0xEF) {  // full-width forms are U+FF00..U+FFEF, all led by 0xEF
      i += text::utf8_length(lead);
      continue;
    }
    size_t next;
    UChar32 c = code_point_at(value, i, &next);
    if (!fullwidth(c)) {
      i = next;
      continue;
    }
    // One finding per run: "１２０" is one number.
    size_t begin = i;
    std::string fixed;
    while (i < value.size()) {
      UChar32 d = code_point_at(value, i, &next);
      if (!fullwidth(d)) break;
      fixed += static_cast<char>(d - 0xFEE0);
      i = next;
    }
    TextFinding f;
    f.rule = "text/fullwidth-alnum";
    f.begin = begin;
    f.end = i;
    f.replacement = fixed;
    f.message = message(lang, "text/fullwidth-alnum",
                        {{"text", std::string(value.substr(begin, i - begin))}, {"fixed", fixed}});
    out.push_back(std::move(f));
  }
}

}  // namespace

void check_unicode_form(std::string_view value, Lang lang, TextFindings& out) {
  check_nfc(value, lang, out);
  check_invisible(value, lang, out);
  check_fullwidth_alnum(value, lang, out);
}

void check_text_value(std::string_view value, const TextOptions& options, Lang lang, TextFindings& out) {
  check_unicode_form(value, lang, out);
  check_punctuation(value, lang, out);
  check_traditional(value, options, lang, out);
}

}  // namespace cc
