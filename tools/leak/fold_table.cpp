#include "leak/fold_table.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "coverage/text_normalize.h"
#include "leak/fold_stream.h"

namespace cc::leak {

std::u32string FoldTable::fold_slow(const char32_t* s, size_t n) {
  std::u32string out;
  icu::UnicodeString folded;
  for (size_t i = 0; i < n; ++i)  // a lone surrogate is not text
    if (s[i] < 0xD800 || (s[i] > 0xDFFF && s[i] <= 0x10FFFF)) folded.append(static_cast<UChar32>(s[i]));
  if (folded.isEmpty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString normal = nfkc_cf->normalize(folded, status);
    if (U_SUCCESS(status)) folded = normal;
  }
  for (int32_t i = 0; i < folded.length();) {
    UChar32 x = folded.char32At(i);
    i += U16_LENGTH(x);
    if (!coverage::is_text_separator(static_cast<char32_t>(x))) out.push_back(static_cast<char32_t>(x));
  }
  return out;
}

FoldTable::Kind FoldTable::kind_slow(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || c > 0x10FFFF) return Kind::Inert;
  const auto u = static_cast<UChar32>(c);
  return !nfkc_cf->hasBoundaryBefore(u) ? Kind::Joins : nfkc_cf->isInert(u) ? Kind::Inert : Kind::Starter;
}

FoldTable::FoldTable() : bmp_(kBmp, kDrop) {
  for (uint32_t c = 0; c < kBmp; ++c) {
    const Kind k = kind_slow(c);
    const uint32_t flags = k == Kind::Joins ? kJoins | kNotInert : k == Kind::Starter ? kNotInert : 0;
    std::u32string f = fold_slow(c);
    if (f.empty()) {
      bmp_[c] = kDrop | flags;
      continue;
    }
    if (f.size() == 1) {
      bmp_[c] = flags | static_cast<uint32_t>(f[0]);
      continue;
    }
    bmp_[c] = kMulti | flags | (static_cast<uint32_t>(pool_.size()) << 5) | static_cast<uint32_t>(f.size() & 31);
    pool_.insert(pool_.end(), f.begin(), f.end());
  }
}

const FoldTable& FoldTable::instance() {
  static const FoldTable table;
  return table;
}

std::u32string fold_text(std::string_view utf8) {
  FoldStream<char> stream;
  std::u32string out;
  auto put = [&](char32_t x, char) { out.push_back(x); };
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0) stream.push(static_cast<char32_t>(c), 0, put);
  }
  stream.flush(put);
  return out;
}

}  // namespace cc::leak
