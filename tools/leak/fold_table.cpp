#include "leak/fold_table.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "coverage/text_normalize.h"

namespace cc::leak {

std::u32string FoldTable::fold_slow(char32_t c) {
  std::u32string out;
  if (c >= 0xD800 && c <= 0xDFFF) return out;  // a lone surrogate is not text
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString folded(static_cast<UChar32>(c));
  if (U_SUCCESS(status)) {
    icu::UnicodeString n = nfkc_cf->normalize(folded, status);
    if (U_SUCCESS(status)) folded = n;
  }
  for (int32_t i = 0; i < folded.length();) {
    UChar32 x = folded.char32At(i);
    i += U16_LENGTH(x);
    if (!coverage::is_text_separator(static_cast<char32_t>(x))) out.push_back(static_cast<char32_t>(x));
  }
  return out;
}

FoldTable::FoldTable() : bmp_(kBmp, kDrop) {
  for (uint32_t c = 0; c < kBmp; ++c) {
    std::u32string f = fold_slow(c);
    if (f.empty()) continue;
    if (f.size() == 1) {
      bmp_[c] = f[0];
      continue;
    }
    bmp_[c] = kMulti | (static_cast<uint32_t>(pool_.size()) << 5) | static_cast<uint32_t>(f.size() & 31);
    pool_.insert(pool_.end(), f.begin(), f.end());
  }
}

const FoldTable& FoldTable::instance() {
  static const FoldTable table;
  return table;
}

std::u32string fold_text(std::string_view utf8) {
  const FoldTable& t = FoldTable::instance();
  std::u32string out;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0) t.fold(static_cast<char32_t>(c), [&](char32_t x) { out.push_back(x); });
  }
  return out;
}

}  // namespace cc::leak
