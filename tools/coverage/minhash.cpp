#include "coverage/minhash.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include <xxhash.h>

namespace cc::coverage {

double lsh_candidate_probability(double j, const LshParams& p) {
  return 1.0 - std::pow(1.0 - std::pow(j, p.rows), p.bands);
}

LshParams lsh_params_for(double threshold, int max_hashes, double recall) {
  LshParams best{max_hashes, 1};
  for (int rows = 1; rows <= max_hashes; ++rows) {
    LshParams p{max_hashes / rows, rows};
    if (p.bands < 1) break;
    if (lsh_candidate_probability(threshold, p) >= recall) best = p;
  }
  return best;
}

MinHasher::MinHasher(int k, uint64_t seed) {
  std::mt19937_64 rng(seed);
  for (int i = 0; i < k; ++i) {
    a_.push_back(rng() | 1);  // odd: multiply-shift needs it
    b_.push_back(rng());
  }
}

void MinHasher::signature(const std::vector<uint64_t>& set, uint32_t* out) const {
  const size_t k = a_.size();
  std::fill(out, out + k, std::numeric_limits<uint32_t>::max());
  for (uint64_t x : set)
    for (size_t i = 0; i < k; ++i) {
      uint32_t h = static_cast<uint32_t>((a_[i] * x + b_[i]) >> 32);
      out[i] = std::min(out[i], h);
    }
}

std::vector<std::pair<uint32_t, uint32_t>> lsh_candidates(const std::vector<uint32_t>& sig, size_t n,
                                                          const LshParams& p, const std::vector<char>& skip) {
  const size_t k = static_cast<size_t>(p.hashes());
  std::vector<uint64_t> pairs;
  std::vector<std::pair<uint64_t, uint32_t>> keys;
  keys.reserve(n);
  for (int band = 0; band < p.bands; ++band) {
    keys.clear();
    for (size_t i = 0; i < n; ++i) {
      if (!skip.empty() && skip[i]) continue;
      const uint32_t* row = sig.data() + i * k + static_cast<size_t>(band) * p.rows;
      keys.emplace_back(XXH3_64bits_withSeed(row, sizeof(uint32_t) * p.rows, static_cast<uint64_t>(band)),
                        static_cast<uint32_t>(i));
    }
    std::sort(keys.begin(), keys.end());
    for (size_t s = 0; s < keys.size();) {
      size_t e = s + 1;
      while (e < keys.size() && keys[e].first == keys[s].first) ++e;
      for (size_t x = s; x < e; ++x)
        for (size_t y = x + 1; y < e; ++y) pairs.push_back(uint64_t(keys[x].second) << 32 | keys[y].second);
      s = e;
    }
    // Keep memory bounded by the distinct pairs, not bands × pairs.
    if (pairs.size() > (1u << 24)) {
      std::sort(pairs.begin(), pairs.end());
      pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  std::vector<std::pair<uint32_t, uint32_t>> out;
  out.reserve(pairs.size());
  for (uint64_t v : pairs) out.emplace_back(static_cast<uint32_t>(v >> 32), static_cast<uint32_t>(v));
  return out;
}

}  // namespace cc::coverage
