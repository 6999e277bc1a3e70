#pragma once
// FoldTable: the normalisation leak applies to both sides, one code point at a time, so a
// corpus can be folded at disk speed without handing every byte to ICU. Each code point
// becomes its ICU NFKC_Casefold form (width, case, compatibility forms such as ㎎ → mg),
// and whitespace, punctuation and the other separators of cc::coverage's dedup
// normalisation are dropped. The Basic Multilingual Plane is tabled once; rarer code
// points go to ICU directly.
//
// Per code point rather than per string: the two differ only where NFKC composes a base
// letter with a following combining mark (e + U+0301 → é), which Chinese clinical text
// does not use; the benchmark and the corpus are folded by this same table, so they agree.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cc::leak {

class FoldTable {
 public:
  // The table, built on first use (about 65,000 ICU calls, some tens of milliseconds).
  static const FoldTable& instance();

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
  static std::u32string fold_slow(char32_t c);  // ICU, for code points above the BMP

  static constexpr uint32_t kBmp = 0x10000;
  static constexpr uint32_t kDrop = 0xFFFFFFFFu;
  static constexpr uint32_t kMulti = 0x80000000u;  // (offset << 5) | length into pool_
  std::vector<uint32_t> bmp_;
  std::vector<char32_t> pool_;
};

// The folded code points of UTF-8 text (invalid bytes are dropped), for the benchmark side.
std::u32string fold_text(std::string_view utf8);

}  // namespace cc::leak
