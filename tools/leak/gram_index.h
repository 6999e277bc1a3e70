#pragma once
// GramIndex: the benchmark's character n-grams as hashes, for the corpus scan. Each text
// (a case) is a few segments (clinical_context, user_request, each criterion), folded by
// FoldTable; every gram of every segment gets a global id, in text order, so two grams
// that follow each other in a case have consecutive ids. A lookup by hash gives the ids
// of every gram with that hash; a small filter answers most misses from cache.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cc::leak {

// One text to look for: an id (the case id) and its segments, as UTF-8.
struct LeakText {
  std::string id;
  std::vector<std::string> segments;
};

class GramIndex {
 public:
  // Indexes `texts` with grams of `n` code points; a folded segment shorter than n has none.
  GramIndex(const std::vector<LeakText>& texts, int n);

  int n() const { return n_; }
  size_t texts() const { return text_begin_.size() - 1; }
  size_t grams() const { return owner_.size(); }
  // Grams of text t: ids [text_begin(t), text_begin(t + 1)).
  uint32_t text_begin(size_t t) const { return text_begin_[t]; }
  uint32_t owner(uint32_t gram) const { return owner_[gram]; }
  // Whether gram `gram` may continue a run ending at gram - 1 (same text, same segment).
  bool continues(uint32_t gram) const { return gram > 0 && !segment_start_[gram]; }

  // False when no gram has hash h (and true for about 1 in 100 other hashes): a blocked
  // filter, two bits of one 64-bit word per gram, so a miss costs one cache line.
  bool may_contain(uint64_t h) const {
    h = h ? h : 1;
    const uint64_t mask = filter_mask(h);
    return (filter_[h >> filter_shift_] & mask) == mask;
  }
  // The ids of the grams with hash h, ascending; empty when none.
  std::span<const uint32_t> find(uint64_t h) const;

  // Bytes held, for the memory figures.
  size_t memory_bytes() const;

 private:
  int n_;
  std::vector<uint32_t> text_begin_;  // texts + 1 entries
  std::vector<uint32_t> owner_;       // gram id → text
  std::vector<bool> segment_start_;   // gram id → first gram of its segment
  static uint64_t filter_mask(uint64_t h) {
    return (uint64_t{1} << ((h >> 20) & 63)) | (uint64_t{1} << ((h >> 26) & 63));
  }
  std::vector<uint64_t> filter_;  // words, indexed by the top bits of a hash
  int filter_shift_ = 0;
  // Open addressing over distinct hashes: slot → hash (0 = empty) and its ids in ids_.
  std::vector<uint64_t> slot_hash_;
  std::vector<uint32_t> slot_begin_, slot_count_;
  std::vector<uint32_t> ids_;
  uint64_t slot_mask_ = 0;
};

}  // namespace cc::leak
