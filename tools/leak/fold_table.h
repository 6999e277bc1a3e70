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

  // What NFKC may do with a code point and its neighbours. Inert: nothing (it can be folded
  // on its own at once — nearly every character of real text); Starter: combine it with
  // marks that follow; Joins: combine it with the code point before it (a combining mark,
  // a Hangul vowel or final), so it must be folded with its predecessors.
  enum class Kind : uint8_t { Inert, Starter, Joins };
  Kind kind(char32_t c) const {
    if (c >= kBmp) return kind_slow(c);
    const uint32_t e = bmp_[c];
    return (e & kJoins) ? Kind::Joins : (e & kNotInert) ? Kind::Starter : Kind::Inert;
  }

  // Calls emit(char32_t) for each code point of the folded form of the sequence s[0, n),
  // normalised as a whole (for a base and the marks that join it).
  template <class Emit>
  void fold_sequence(const char32_t* s, size_t n, Emit&& emit) const {
    for (char32_t x : fold_slow(s, n)) emit(x);
  }

  // Calls emit(char32_t) for each code point of c's folded form (none for a separator).
  template <class Emit>
  [[gnu::always_inline]] void fold(char32_t c, Emit&& emit) const {
    if (c < kBmp) {
      const uint32_t e = bmp_[c];
      if (e & kDrop) return;
      const uint32_t v = e & kValue;
      if (!(e & kMulti)) return emit(static_cast<char32_t>(v));
      const uint32_t off = v >> 5, len = v & 31;
      for (uint32_t i = 0; i < len; ++i) emit(pool_[off + i]);
      return;
    }
    for (char32_t x : fold_slow(c)) emit(x);
  }

 private:
  FoldTable();
  static std::u32string fold_slow(const char32_t* s, size_t n);  // ICU, for what the table does not hold
  static std::u32string fold_slow(char32_t c) { return fold_slow(&c, 1); }
  static Kind kind_slow(char32_t c);  // ICU

  // A BMP entry: flags, then the folded code point or, with kMulti, (offset << 5) | length
  // into pool_ — one load answers both kind() and fold().
  static constexpr uint32_t kBmp = 0x10000;
  static constexpr uint32_t kMulti = 1u << 31;
  static constexpr uint32_t kDrop = 1u << 30;      // a separator: folds to nothing
  static constexpr uint32_t kJoins = 1u << 29;     // Kind::Joins
  static constexpr uint32_t kNotInert = 1u << 28;  // Kind::Starter or Kind::Joins
  static constexpr uint32_t kValue = kNotInert - 1;
  std::vector<uint32_t> bmp_;
  std::vector<char32_t> pool_;
};

// The folded code points of UTF-8 text (invalid bytes are dropped), for the benchmark side:
// the same as FoldStream gives the corpus side.
std::u32string fold_text(std::string_view utf8);

}  // namespace cc::leak
