#include "coverage/text_normalize.h"

#include <algorithm>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <xxhash.h>

namespace cc::coverage {
namespace {

bool is_separator(UChar32 c) {
  if (u_isUWhiteSpace(c) || u_ispunct(c)) return true;
  switch (u_charType(c)) {
    case U_MATH_SYMBOL:
    case U_OTHER_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_FORMAT_CHAR:
    case U_CONTROL_CHAR: return true;
    default: return false;
  }
}

uint64_t mix(uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

bool is_text_separator(char32_t c) { return is_separator(static_cast<UChar32>(c)); }

std::vector<std::u32string> normalized_segments(std::string_view utf8) {
  std::vector<std::u32string> out;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString src =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString folded = U_SUCCESS(status) ? nfkc_cf->normalize(src, status) : src;
  if (U_FAILURE(status)) folded = src;
  std::u32string cur;
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (is_separator(c)) {
      if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
    } else {
      cur.push_back(static_cast<char32_t>(c));
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

uint64_t normalized_key(std::string_view utf8) { return segments_key(normalized_segments(utf8)); }

uint64_t segments_key(const std::vector<std::u32string>& segments) {
  std::u32string joined;
  for (const auto& s : segments) joined += s;
  return XXH3_64bits(joined.data(), joined.size() * sizeof(char32_t));
}

std::vector<uint64_t> shingle_set(const std::vector<std::u32string>& segments, int n) {
  std::vector<uint64_t> out;
  for (const auto& s : segments) {
    if (s.size() < static_cast<size_t>(n)) {
      out.push_back(mix(XXH3_64bits(s.data(), s.size() * sizeof(char32_t)) ^ 0x5bd1e995ULL));
      continue;
    }
    for (size_t i = 0; i + n <= s.size(); ++i) {
      // Three code points (21 bits each) fit in one 64-bit word exactly; longer grams hash.
      uint64_t key = n == 3 ? (uint64_t(s[i]) << 42) | (uint64_t(s[i + 1]) << 21) | uint64_t(s[i + 2])
                            : XXH3_64bits(s.data() + i, n * sizeof(char32_t));
      out.push_back(mix(key));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t i = 0, j = 0, inter = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j])
      ++i;
    else if (b[j] < a[i])
      ++j;
    else
      ++inter, ++i, ++j;
  }
  return static_cast<double>(inter) / static_cast<double>(a.size() + b.size() - inter);
}

}  // namespace cc::coverage
