#pragma once
// Dedup: near-duplicate texts among many, by MinHash + LSH over character n-grams of the
// normalised text, each candidate confirmed by its exact Jaccard similarity; and exact
// duplicates after normalisation. Works on plain texts so it serves the benchmark's
// cases and the 100,000-text benchmark alike.
#include <cstdint>
#include <string_view>
#include <vector>

namespace cc::coverage {

// One text prepared for comparison.
struct DedupDoc {
  std::vector<uint64_t> shingles;  // sorted, distinct
  uint64_t exact_key = 0;          // normalized_key
  bool empty = true;               // nothing left after normalisation
};

DedupDoc make_dedup_doc(std::string_view text, int ngram = 3);

struct DedupOptions {
  double threshold = 0.8;  // report pairs with Jaccard >= threshold
  int ngram = 3;
  int max_hashes = 128;
  uint64_t seed = 0x636c696e636f6e73ULL;
  unsigned threads = 0;  // 0: one per core
};

// A pair of texts (a < b, indices into the input) and how alike they are.
struct SimilarPair {
  size_t a = 0, b = 0;
  double jaccard = 0;
  bool exact = false;  // equal after normalisation
};

struct DedupStats {
  size_t candidates = 0;  // pairs LSH proposed
  int bands = 0, rows = 0;
};

// Every pair with Jaccard >= threshold or equal after normalisation, sorted by
// descending similarity then by (a, b). Empty texts are never paired.
std::vector<SimilarPair> find_similar(const std::vector<DedupDoc>& docs, const DedupOptions& options,
                                      DedupStats* stats = nullptr);

// Makes the docs of `texts` on all cores.
std::vector<DedupDoc> make_dedup_docs(const std::vector<std::string_view>& texts, int ngram, unsigned threads);

}  // namespace cc::coverage
