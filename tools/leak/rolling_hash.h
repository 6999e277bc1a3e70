#pragma once
// RollingHash: the hash of the last n folded code points, updated in O(1) per code point
// (a polynomial hash modulo 2^64, finished by a mixer), so a corpus is hashed once at any
// gram length. The benchmark's grams are hashed by the same class, so equal grams give
// equal hashes on both sides.
#include <cstdint>
#include <vector>

namespace cc::leak {

class RollingHash {
 public:
  explicit RollingHash(int n) : n_(n), window_(static_cast<size_t>(n)) {
    top_ = 1;
    for (int i = 0; i < n; ++i) top_ *= kBase;  // kBase^n: the weight a code point has when it leaves
  }

  int n() const { return n_; }
  // Forgets the window (a new segment begins: grams never span two).
  void reset() { filled_ = 0, h_ = 0; }
  // Adds a code point; true when the window holds n code points, and hash() is a gram's.
  [[gnu::always_inline]] bool push(char32_t c) {
    const size_t slot = pos_;
    pos_ = pos_ + 1 == window_.size() ? 0 : pos_ + 1;
    h_ = h_ * kBase + (c + 1);
    if (filled_ == n_)
      h_ -= top_ * (window_[slot] + 1);
    else
      ++filled_;
    window_[slot] = c;
    return filled_ == n_;
  }
  uint64_t hash() const { return mix(h_); }

  // The hash of a whole gram, as push would give it after its last code point.
  static uint64_t of(const char32_t* gram, int n) {
    uint64_t h = 0;
    for (int i = 0; i < n; ++i) h = h * kBase + (gram[i] + 1);
    return mix(h);
  }

 private:
  static constexpr uint64_t kBase = 0x100000001B3ULL * 2 + 1;  // odd, so no code point is lost
  static uint64_t mix(uint64_t x) {  // splitmix64 finaliser: every bit of the sum reaches the table index
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  }

  int n_;
  std::vector<char32_t> window_;
  size_t pos_ = 0;
  int filled_ = 0;
  uint64_t h_ = 0;
  uint64_t top_ = 1;
};

}  // namespace cc::leak
