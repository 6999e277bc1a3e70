#include "leak/gram_scanner.h"

#include <algorithm>
#include <tuple>

namespace cc::leak {

bool better_run(const RunSpot& a, const RunSpot& b) {
  return std::make_tuple(-static_cast<int64_t>(a.chars), a.file, a.chunk, a.line, a.offset) <
         std::make_tuple(-static_cast<int64_t>(b.chars), b.file, b.chunk, b.line, b.offset);
}

ScanTally::ScanTally(const GramIndex& index) : seen((index.grams() + 63) / 64, 0), runs(index.texts()) {}

void ScanTally::record(uint32_t text, const RunSpot& spot) {
  auto& v = runs[text];
  if (v.size() == kSpotsPerText && !better_run(spot, v.back())) return;
  v.insert(std::upper_bound(v.begin(), v.end(), spot, better_run), spot);
  if (v.size() > kSpotsPerText) v.pop_back();
}

void ScanTally::merge(const ScanTally& other) {
  for (size_t i = 0; i < seen.size(); ++i) seen[i] |= other.seen[i];
  for (size_t t = 0; t < runs.size(); ++t)
    for (const RunSpot& s : other.runs[t]) record(static_cast<uint32_t>(t), s);
  heads.insert(heads.end(), other.heads.begin(), other.heads.end());
  crossings.insert(crossings.end(), other.crossings.begin(), other.crossings.end());
}

void ScanTally::settle() {
  std::sort(crossings.begin(), crossings.end());
  for (const HeadRun& h : heads)
    if (!std::binary_search(crossings.begin(), crossings.end(), h.end)) record(h.text, h.spot);
  heads.clear();
  crossings.clear();
}

size_t ScanTally::seen_in(const GramIndex& index, size_t text) const {
  size_t n = 0;
  for (uint32_t g = index.text_begin(text); g < index.text_begin(text + 1); ++g) n += (seen[g >> 6] >> (g & 63)) & 1;
  return n;
}

GramScanner::GramScanner(const GramIndex& index, ScanTally& tally)
    : index_(index), tally_(tally), hash_(index.n()), ring_(static_cast<size_t>(index.n())) {}

void GramScanner::begin(uint32_t file, uint32_t chunk, uint64_t limit, bool follows) {
  end_segment();
  file_ = file;
  chunk_ = chunk;
  limit_ = limit;
  last_start_ = 0;
  head_ = follows;
}

void GramScanner::step(uint64_t h, Where gram_start) {
  last_start_ = gram_start.offset;
  const bool may_start = gram_start.offset < limit_;
  cur_.clear();
  size_t p = 0;
  for (uint32_t g : index_.find(h)) {
    while (p < prev_.size() && prev_[p].gram + 1 < g) ++p;
    if (p < prev_.size() && prev_[p].gram + 1 == g && index_.continues(g)) {
      cur_.push_back(Open{g, prev_[p].grams + 1, prev_[p].start, gram_start.offset, prev_[p].head, false});
      prev_[p].continued = true;
    } else if (may_start) {
      cur_.push_back(Open{g, 1, gram_start, gram_start.offset, head_, false});
    } else {
      continue;
    }
    tally_.seen[g >> 6] |= uint64_t{1} << (g & 63);
  }
  for (const Open& r : prev_)
    if (!r.continued) close(r);
  prev_.swap(cur_);
}

void GramScanner::close(const Open& run) {
  RunSpot s;
  s.chars = run.grams + static_cast<uint32_t>(index_.n()) - 1;
  s.file = file_;
  s.chunk = chunk_;
  s.line = run.start.line;
  s.offset = run.start.offset;
  const RunEnd end{file_, run.gram, run.last};
  if (run.last >= limit_) tally_.crossings.push_back(end);
  if (run.head)
    tally_.heads.push_back(HeadRun{index_.owner(run.gram), s, end});
  else
    tally_.record(index_.owner(run.gram), s);
}

void GramScanner::end_segment() {
  for (const Open& r : prev_) close(r);
  prev_.clear();
  hash_.reset();
  head_ = false;
}

}  // namespace cc::leak
