#pragma once
// MinHash and locality-sensitive hashing: finds the pairs of sets likely to have a high
// Jaccard similarity without comparing every pair. Each set gets a signature of k
// minima under k hash functions; two sets agree in one position with probability equal
// to their Jaccard similarity. Signatures cut into b bands of r rows collide in some
// band with probability 1 - (1 - J^r)^b, steep around (1/b)^(1/r).
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace cc::coverage {

struct LshParams {
  int bands = 21;
  int rows = 6;
  int hashes() const { return bands * rows; }
};

// The largest number of rows per band (fewest false candidates) for which a pair with
// similarity `threshold` still becomes a candidate with probability >= `recall`,
// given at most `max_hashes` hash functions.
LshParams lsh_params_for(double threshold, int max_hashes = 128, double recall = 0.997);

// Probability that a pair of similarity `j` becomes a candidate under `p`.
double lsh_candidate_probability(double j, const LshParams& p);

// k independent multiply-shift hash functions of 64-bit keys (already well mixed).
class MinHasher {
 public:
  MinHasher(int k, uint64_t seed);
  int size() const { return static_cast<int>(a_.size()); }
  // Writes the k minima of `set` to out[0..k). An empty set gives all-ones.
  void signature(const std::vector<uint64_t>& set, uint32_t* out) const;

 private:
  std::vector<uint64_t> a_, b_;
};

// Candidate pairs (i < j) of `n` signatures of `p.hashes()` values each, stored row after
// row in `signatures`: pairs equal in every row of at least one band. Entries with
// `skip[i]` set take no part. Sorted and distinct.
std::vector<std::pair<uint32_t, uint32_t>> lsh_candidates(const std::vector<uint32_t>& signatures, size_t n,
                                                          const LshParams& p, const std::vector<char>& skip);

}  // namespace cc::coverage
