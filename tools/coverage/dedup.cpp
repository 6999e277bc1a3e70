#include "coverage/dedup.h"

#include <algorithm>
#include <unordered_map>

#include "core/parallel.h"
#include "coverage/minhash.h"
#include "coverage/text_normalize.h"

namespace cc::coverage {
namespace {}  // namespace

DedupDoc make_dedup_doc(std::string_view text, int ngram) {
  DedupDoc d;
  auto segments = normalized_segments(text);
  d.empty = segments.empty();
  d.shingles = shingle_set(segments, ngram);
  d.exact_key = segments_key(segments);
  return d;
}

std::vector<DedupDoc> make_dedup_docs(const std::vector<std::string_view>& texts, int ngram, unsigned threads) {
  std::vector<DedupDoc> docs(texts.size());
  parallel_for(texts.size(), threads, [&](size_t i) { docs[i] = make_dedup_doc(texts[i], ngram); });
  return docs;
}

std::vector<SimilarPair> find_similar(const std::vector<DedupDoc>& docs, const DedupOptions& o, DedupStats* stats) {
  const size_t n = docs.size();
  std::vector<SimilarPair> out;
  // Exact duplicates: equal keys, checked again on the shingles (a key collision must
  // not make two different texts "exact").
  std::unordered_map<uint64_t, std::vector<size_t>> by_key;
  for (size_t i = 0; i < n; ++i)
    if (!docs[i].empty) by_key[docs[i].exact_key].push_back(i);

  const LshParams p = lsh_params_for(o.threshold, o.max_hashes);
  const size_t k = static_cast<size_t>(p.hashes());
  MinHasher hasher(static_cast<int>(k), o.seed);
  std::vector<uint32_t> sig(n * k);
  std::vector<char> skip(n, 0);
  parallel_for(n, o.threads, [&](size_t i) {
    skip[i] = docs[i].empty;
    hasher.signature(docs[i].shingles, sig.data() + i * k);
  });
  auto candidates = lsh_candidates(sig, n, p, skip);
  if (stats) *stats = {candidates.size(), p.bands, p.rows};

  std::vector<double> sim(candidates.size());
  parallel_for(candidates.size(), o.threads, [&](size_t c) {
    sim[c] = jaccard(docs[candidates[c].first].shingles, docs[candidates[c].second].shingles);
  });
  std::vector<uint64_t> exact_pairs;
  for (auto& [key, group] : by_key)
    for (size_t x = 0; x < group.size(); ++x)
      for (size_t y = x + 1; y < group.size(); ++y)
        if (docs[group[x]].shingles == docs[group[y]].shingles)
          exact_pairs.push_back(uint64_t(group[x]) << 32 | group[y]);
  std::sort(exact_pairs.begin(), exact_pairs.end());
  for (uint64_t v : exact_pairs) out.push_back({size_t(v >> 32), size_t(v & 0xffffffffu), 1.0, true});
  for (size_t c = 0; c < candidates.size(); ++c) {
    if (sim[c] + 1e-12 < o.threshold) continue;
    uint64_t key = uint64_t(candidates[c].first) << 32 | candidates[c].second;
    if (std::binary_search(exact_pairs.begin(), exact_pairs.end(), key)) continue;
    out.push_back({candidates[c].first, candidates[c].second, sim[c], false});
  }
  std::sort(out.begin(), out.end(), [](const SimilarPair& x, const SimilarPair& y) {
    if (x.exact != y.exact) return x.exact;
    if (x.jaccard != y.jaccard) return x.jaccard > y.jaccard;
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  return out;
}

}  // namespace cc::coverage
