#pragma once
// FoldTable: the normalisation leak applies to both sides, one code point at a time, so a
// corpus can be folded at disk speed without handing every byte to ICU. Each code point
// becomes its ICU NFKC_Casefold form (width, case, compatibility forms such as ㎎ → mg),
// and whitespace, punctuation and the other separators of cc::coverage's dedup
// normalisation are dropped. The Basic Multilingual Plane is tabled once; rarer code
// points go to ICU directly.
//
// The table folds one code point; a code point that NFKC may combine with the one before
// it (a combining mark, a Hangul vowel or final) is flagged, and FoldStream folds such a
// sequence as a whole (fold_sequence), so a text folds the same, code point by code point,
// as it would all at once: e + U+0301 and é give the same é.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cc::leak {

class FoldTable {
 public:
  // The table, built on first use (about 65,000 ICU calls, some tens of milliseconds).
  static const FoldTable& instance();

  // True when NFKC may combine `c` with the code point before it (ICU: no normalisation
  // boundary before it); such a code point must be folded with its predecessors.
  bool joins_previous(char32_t c) const {
    if (c < kBmp) return (joins_[c >> 6] >> (c & 63)) & 1;
    return joins_slow(c);
  }

  // Calls emit(char32_t) for each code point of the folded form of the sequence s[0, n),
  // normalised as a whole (for a base and the marks that join it).
  template <class Emit>
  void fold_sequence(const char32_t* s, size_t n, Emit&& emit) const {
    for (char32_t x : fold_slow(s, n)) emit(x);
  }

  // Calls emit(char32_t) for each code point of c's folded form (none for a separator).
  template <class Emit>
  void fold(char32_t c, Emit&& emit) const {
    if (c < kBmp) {
      const uint32_t e = bmp_[c];
      if (e == kDrop) return;
      if (!(e & kMulti)) return emit(static_cast<char32_t>(e));
      const uint32_t off = (e & ~kMulti) >> 5, len = e & 31;
      for (uint32_t i = 0; i < len; ++i) emit(pool_[off + i]);
      return;
    }
    for (char32_t x : fold_slow(c)) emit(x);
  }

 private:
  FoldTable();
  static std::u32string fold_slow(const char32_t* s, size_t n);  // ICU, for what the table does not hold
  static std::u32string fold_slow(char32_t c) { return fold_slow(&c, 1); }
  static bool joins_slow(char32_t c);

  static constexpr uint32_t kBmp = 0x10000;
  static constexpr uint32_t kDrop = 0xFFFFFFFFu;
  static constexpr uint32_t kMulti = 0x80000000u;  // (offset << 5) | length into pool_
  std::vector<uint32_t> bmp_;
  std::vector<uint64_t> joins_;  // bit per BMP code point: joins_previous
  std::vector<char32_t> pool_;
};

// The folded code points of UTF-8 text (invalid bytes are dropped), for the benchmark side:
// the same as FoldStream gives the corpus side.
std::u32string fold_text(std::string_view utf8);

}  // namespace cc::leak
