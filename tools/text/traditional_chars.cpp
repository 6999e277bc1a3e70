// text/traditional: traditional characters in simplified text, by a table that ICU's
// Traditional-Simplified transliterator produced at build time (gen_traditional_table).
#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include <unicode/unistr.h>

#include "text/char_class.h"
#include "text/text_rules.h"

namespace cc {
namespace {

struct Pair {
  UChar32 traditional;
  UChar32 simplified;
};

constexpr Pair kTable[] = {
#include "text/traditional_table.inc"
};

// Characters the transliterator converts but that are standard in simplified text in
// their own right (通用规范汉字表): 著 in 显著, 藉 in 慰藉, 瞭 in 瞭望, 徵 in 宫商角徵羽.
constexpr UChar32 kAllowed[] = {0x8457, 0x85C9, 0x77AD, 0x5FB5};

std::string utf8(UChar32 c) {
  std::string out;
  icu::UnicodeString(c).toUTF8String(out);
  return out;
}

}  // namespace

UChar32 simplified_form(UChar32 c) {
  // Every ideograph of every value comes through here: the BMP gets a direct table.
  static const std::vector<char16_t> bmp = [] {
    std::vector<char16_t> t(0x10000, 0);
    for (const auto& p : kTable)
      if (p.traditional < 0x10000 && p.simplified < 0x10000)
        t[static_cast<size_t>(p.traditional)] = static_cast<char16_t>(p.simplified);
    for (UChar32 a : kAllowed) t[static_cast<size_t>(a)] = 0;
    return t;
  }();
  if (c >= 0 && c < 0x10000) return bmp[static_cast<size_t>(c)];
  auto it = std::lower_bound(std::begin(kTable), std::end(kTable), c,
                             [](const Pair& p, UChar32 v) { return p.traditional < v; });
  return it != std::end(kTable) && it->traditional == c ? it->simplified : 0;
}

void check_traditional(std::string_view value, const TextOptions& options, Lang lang, TextFindings& out) {
  size_t i = 0;
  while (i < value.size()) {
    unsigned char lead = static_cast<unsigned char>(value[i]);
    if (lead < 0xE3) {  // ideographs start at U+3400
      i += text::utf8_length(lead);
      continue;
    }
    size_t next;
    UChar32 c = text::code_point_at(value, i, &next);
    if (text::is_ideograph(c)) {
      if (UChar32 s = simplified_form(c)) {
        TextFinding f;
        f.rule = "text/traditional";
        f.severity = Severity::Warning;
        f.begin = i;
        f.end = next;
        f.message = message(lang, "text/traditional", {{"char", utf8(c)}, {"fixed", utf8(s)}});
        if (options.fix_traditional) f.replacement = utf8(s);
        out.push_back(std::move(f));
      }
    }
    i = next;
  }
}

}  // namespace cc
