#include "leak/gram_index.h"

#include <algorithm>
#include <bit>
#include <utility>

#include "leak/fold_table.h"
#include "leak/rolling_hash.h"

namespace cc::leak {
namespace {

uint64_t nonzero(uint64_t h) { return h ? h : 1; }  // 0 marks an empty slot

}  // namespace

GramIndex::GramIndex(const std::vector<LeakText>& texts, int n) : n_(n) {
  std::vector<std::pair<uint64_t, uint32_t>> hashed;  // (hash, gram id)
  text_begin_.push_back(0);
  for (size_t t = 0; t < texts.size(); ++t) {
    for (const std::string& seg : texts[t].segments) {
      std::u32string f = fold_text(seg);
      if (f.size() < static_cast<size_t>(n)) continue;
      for (size_t i = 0; i + n <= f.size(); ++i) {
        const auto id = static_cast<uint32_t>(owner_.size());
        hashed.emplace_back(nonzero(RollingHash::of(f.data() + i, n)), id);
        owner_.push_back(static_cast<uint32_t>(t));
        segment_start_.push_back(i == 0);
      }
    }
    text_begin_.push_back(static_cast<uint32_t>(owner_.size()));
  }
  std::sort(hashed.begin(), hashed.end());
  size_t distinct = 0;
  for (size_t i = 0; i < hashed.size(); ++i)
    if (i == 0 || hashed[i].first != hashed[i - 1].first) ++distinct;

  // Filter: at least 16 bits per distinct gram, 2^20 to 2^27 bits.
  const int bits = std::clamp(static_cast<int>(std::bit_width(distinct * 16)), 20, 27);
  filter_.assign((size_t{1} << bits) / 64, 0);
  filter_shift_ = 64 - (bits - 6);
  const size_t slots = std::bit_ceil(std::max<size_t>(16, distinct * 2));
  slot_mask_ = slots - 1;
  slot_hash_.assign(slots, 0);
  slot_begin_.assign(slots, 0);
  slot_count_.assign(slots, 0);
  ids_.reserve(hashed.size());
  for (size_t i = 0; i < hashed.size();) {
    const uint64_t h = hashed[i].first;
    const auto begin = static_cast<uint32_t>(ids_.size());
    for (; i < hashed.size() && hashed[i].first == h; ++i) ids_.push_back(hashed[i].second);
    uint64_t s = h & slot_mask_;
    while (slot_hash_[s]) s = (s + 1) & slot_mask_;
    slot_hash_[s] = h;
    slot_begin_[s] = begin;
    slot_count_[s] = static_cast<uint32_t>(ids_.size()) - begin;
    filter_[h >> filter_shift_] |= filter_mask(h);
  }
}

std::span<const uint32_t> GramIndex::find(uint64_t h) const {
  h = nonzero(h);
  for (uint64_t s = h & slot_mask_; slot_hash_[s]; s = (s + 1) & slot_mask_)
    if (slot_hash_[s] == h) return {ids_.data() + slot_begin_[s], slot_count_[s]};
  return {};
}

size_t GramIndex::memory_bytes() const {
  return text_begin_.size() * 4 + owner_.size() * 4 + segment_start_.size() / 8 + filter_.size() * 8 +
         slot_hash_.size() * 16 + ids_.size() * 4;
}

}  // namespace cc::leak
