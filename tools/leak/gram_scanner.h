#pragma once
// GramScanner: matches a stream of folded code points against the benchmark's GramIndex
// with a rolling hash, one worker's state. It marks every benchmark gram it sees, and
// follows runs — consecutive corpus grams that are consecutive grams of one case — so the
// longest common run and where it starts come out of the same single pass. ScanTally is
// what a worker found: the grams seen (one bit each) and the longest runs of each case;
// the tallies of all workers merge into one, whatever the order of the work.
#include <cstdint>
#include <tuple>
#include <vector>

#include "leak/gram_index.h"
#include "leak/rolling_hash.h"

namespace cc::leak {

// Where a run starts: the corpus file, the chunk of it a worker read, the line counted
// from that chunk's start (0-based; the scan adds the lines of the chunks before), and the
// byte offset in the file's (decompressed) content.
struct RunSpot {
  uint32_t chars = 0;  // length of the run in folded characters
  uint32_t file = 0;
  uint32_t chunk = 0;
  uint64_t line = 0;
  uint64_t offset = 0;
};

// Longer first, then earlier in the corpus.
bool better_run(const RunSpot& a, const RunSpot& b);

// Where a run ends: its file, last gram and that gram's byte offset. A run that goes on
// across a piece's start is seen whole by the piece before (which reads on to finish it)
// and, cut, by the piece after; the two end at the same place.
struct RunEnd {
  uint32_t file = 0;
  uint32_t gram = 0;
  uint64_t offset = 0;
  bool operator<(const RunEnd& o) const { return std::tie(file, gram, offset) < std::tie(o.file, o.gram, o.offset); }
};

// A run that began at a piece's first gram: either a run of its own or the rest of one
// that began in the piece before; settled once every piece is done (ScanTally::settle).
struct HeadRun {
  uint32_t text = 0;
  RunSpot spot;
  RunEnd end;
};

struct ScanTally {
  static constexpr size_t kSpotsPerText = 5;

  explicit ScanTally(const GramIndex& index);
  std::vector<uint64_t> seen;              // bit per gram id
  std::vector<std::vector<RunSpot>> runs;  // per text: its longest runs, best first, at most kSpotsPerText
  std::vector<HeadRun> heads;              // runs from a piece's first gram, not yet recorded
  std::vector<RunEnd> crossings;           // ends of the runs that went on past their piece's end

  void record(uint32_t text, const RunSpot& spot);
  void merge(const ScanTally& other);
  // Records the head runs that are not the rest of a run that crossed into their piece:
  // once all tallies are merged, the runs are those of one serial pass.
  void settle();
  size_t seen_in(const GramIndex& index, size_t text) const;  // grams of `text` seen
};

class GramScanner {
 public:
  GramScanner(const GramIndex& index, ScanTally& tally);

  // Starts a piece of work: file, chunk, and the byte offset from which grams are no
  // longer this worker's (they belong to the next chunk) except to extend a run.
  // `follows`: the piece starts where another piece's text goes on (a chunk after the
  // first), so runs from its first gram may be the rest of one begun before.
  void begin(uint32_t file, uint32_t chunk, uint64_t limit, bool follows);
  // One folded code point at (line, offset). Always inlined: it runs once per corpus character.
  [[gnu::always_inline]] void push(char32_t c, uint64_t line, uint64_t offset) {
    const size_t slot = ring_pos_;
    ring_pos_ = ring_pos_ + 1 == ring_.size() ? 0 : ring_pos_ + 1;
    ring_[slot] = Where{line, offset};
    if (!hash_.push(c)) return;
    const uint64_t h = hash_.hash();
    if (index_.may_contain(h) || !prev_.empty())
      step(h, ring_[ring_pos_]);
    else
      last_start_ = ring_[ring_pos_].offset;
    head_ = false;
  }
  // Ends a segment (a JSON string, or text broken by an invalid byte): runs end, and no
  // gram spans the break.
  void end_segment();
  // True when nothing more after `limit` can be this worker's: the last gram started at or
  // after it and no run is still open.
  bool finished() const { return last_start_ >= limit_ && prev_.empty(); }

 private:
  struct Where {
    uint64_t line = 0, offset = 0;
  };
  struct Open {
    uint32_t gram;
    uint32_t grams;  // run length in grams
    Where start;
    uint64_t last;  // offset of its last gram
    bool head;      // began at the piece's first gram
    bool continued;
  };
  void step(uint64_t h, Where gram_start);
  void close(const Open& run);

  const GramIndex& index_;
  ScanTally& tally_;
  RollingHash hash_;
  std::vector<Where> ring_;  // locations of the last n code points
  size_t ring_pos_ = 0;
  std::vector<Open> prev_, cur_;
  uint32_t file_ = 0, chunk_ = 0;
  uint64_t limit_ = UINT64_MAX;
  uint64_t last_start_ = 0;
  bool head_ = false;  // the next gram is the piece's first, after a piece that `follows`
};

}  // namespace cc::leak
