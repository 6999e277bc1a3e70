#pragma once
// The scorer's deterministic random numbers, fully specified so any implementation (the
// Python reference in bench/ included) draws the same resamples bit for bit:
//   splitmix64:   state += 0x9E3779B97F4A7C15; z = state;
//                 z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
//                 return z ^ (z >> 31)
//   xoshiro256**: the reference algorithm (Blackman & Vigna), state = four successive
//                 splitmix64 outputs from the stream key
//   stream key of resample b of a slice:
//                 x = splitmix64 output from state seed ^ fnv1a64(slice name)
//                 key = splitmix64 output from state x ^ b
//   index in [0, n): (next() · n) >> 64 with a 128-bit product (Lemire's mapping)
// No std:: distribution is involved: their output differs between standard libraries.
#include <cstdint>
#include <string_view>

namespace cc::scoring {

inline uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// FNV-1a, 64 bits, of the bytes of `s`.
inline uint64_t fnv1a64(std::string_view s) {
  uint64_t h = 0xCBF29CE484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001B3ULL;
  }
  return h;
}

// The key of resample `b` of the slice named `slice`.
inline uint64_t resample_key(uint64_t seed, std::string_view slice, uint64_t b) {
  uint64_t s = seed ^ fnv1a64(slice);
  uint64_t x = splitmix64(s);
  uint64_t t = x ^ b;
  return splitmix64(t);
}

// xoshiro256** 1.0.
class Xoshiro256 {
 public:
  explicit Xoshiro256(uint64_t key) {
    for (auto& w : s_) w = splitmix64(key);
  }
  uint64_t next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // An index in [0, n).
  uint32_t below(uint32_t n) { return static_cast<uint32_t>((static_cast<unsigned __int128>(next()) * n) >> 64); }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace cc::scoring
