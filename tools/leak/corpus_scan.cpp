#include "leak/corpus_scan.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include <simdjson.h>
#include <unicode/utf8.h>

#include "core/parallel.h"
#include "leak/chunk_feed.h"
#include "leak/corpus_stream.h"
#include "leak/fold_stream.h"
#include "leak/gram_scanner.h"
#include "leak/leak_messages.h"

namespace cc::leak {
namespace {

constexpr size_t kBlock = 1 << 20;
constexpr size_t kMaxJsonLine = 16u << 20;  // a longer "line" is scanned as text, not held
constexpr uint64_t kNoEnd = UINT64_MAX;

// One piece of work: a chunk [begin, end) of a plain file, read from the file, or of a
// compressed file's content, read from the ChunkFeed (`decompressed`).
struct Piece {
  uint32_t file = 0;
  uint32_t chunk = 0;
  uint64_t begin = 0, end = kNoEnd;
  std::shared_ptr<const Chunk> decompressed;
};

// What a piece counted, for line numbers and the byte total.
struct PieceCount {
  uint64_t newlines = 0;  // '\n' bytes in [begin, end)
  uint64_t bytes = 0;
};

// UTF-8 into the scanner: decodes, folds (FoldStream) and pushes each code point with its
// line and offset; counts lines; an invalid byte ends the segment.
class TextFeeder {
 public:
  // `joined_start`: the piece begins where another piece's text may still be going on, so
  // code points that join the one before (combining marks) are that piece's to fold.
  TextFeeder(GramScanner& scanner, uint64_t end, bool joined_start = false)
      : sc_(scanner), end_(end), skip_joining_(joined_start) {}
  uint64_t line = 0;         // newlines seen since the piece began
  uint64_t newlines_in = 0;  // of them, before `end`
  bool stop = false;         // the piece is done (past `end`, nothing open)

  // Feeds p[0, n) that starts at offset `base`; returns the bytes used (a sequence cut by
  // the block's end is left for the next call unless `eof`).
  size_t feed(const char* p, size_t n, uint64_t base, bool eof) {
    size_t i = 0;
    while (i < n) {
      const uint64_t at = base + i;
      const auto b = static_cast<uint8_t>(p[i]);
      if (b < 0x80) {
        if (!take(b, at)) return i;
        ++i;
        continue;
      }
      const size_t len = b >= 0xF5 ? 0 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
      if (len && i + len > n && !eof) return i;
      UChar32 c = -1;
      if (len && i + len <= n) {
        int32_t k = 0;
        U8_NEXT(reinterpret_cast<const uint8_t*>(p + i), k, static_cast<int32_t>(len), c);
        if (k != static_cast<int32_t>(len)) c = -1;
      }
      if (c < 0) {
        end_segment();
        ++i;
        continue;
      }
      if (!take(static_cast<char32_t>(c), at)) return i;
      i += len;
    }
    return i;
  }

  // Folds and pushes what is held, and ends the scanner's segment.
  void end_segment() {
    fold_.flush(Out{sc_});
    sc_.end_segment();
  }

 private:
  struct Where {
    uint64_t line = 0, offset = 0;
  };
  struct Out {
    GramScanner& sc;
    [[gnu::always_inline]] void operator()(char32_t x, const Where& w) const { sc.push(x, w.line, w.offset); }
  };
  // One code point at `at`; false when the piece is done before it. Inlined into feed():
  // it runs once per corpus character, and a call there costs a third of the scan.
  [[gnu::always_inline]] bool take(char32_t c, uint64_t at) {
    const FoldTable::Kind k = fold_.kind(c);
    if (fold_.starts_sequence(k)) {
      skip_joining_ = false;
      fold_.flush(Out{sc_});
      if (at >= end_ && sc_.finished()) {
        stop = true;
        return false;
      }
    } else if (skip_joining_) {
      return true;
    }
    if (c == '\n') {
      ++line;
      if (at < end_) ++newlines_in;
    }
    fold_.add(c, k, Where{line, at}, Out{sc_});
    return true;
  }

  GramScanner& sc_;
  FoldStream<Where> fold_;
  uint64_t end_;
  bool skip_joining_;
};

// The bytes of piece `pc` from offset `from` (pc.begin, or the byte before it).
Result<std::unique_ptr<ByteStream>> open_piece(const CorpusFile& f, const Piece& pc, uint64_t from, ChunkFeed& feed,
                                               Lang lang) {
  if (!pc.decompressed) return open_stream(f, from, lang);
  return std::unique_ptr<ByteStream>(std::make_unique<ChunkStream>(feed, pc.decompressed, from < pc.begin));
}

// Reads `stream` block by block into `take(data, n, base, eof)`, which returns the bytes
// it used (the rest is kept for the next block) or -1 to stop.
template <class Take>
Result<void> read_blocks(ByteStream& stream, uint64_t base, std::vector<char>& buf, uint64_t& bytes, Take&& take) {
  size_t carry = 0;
  for (;;) {
    CC_TRY_ASSIGN(size_t got, stream.read(buf.data() + carry, kBlock));
    bytes += got;
    const bool eof = got == 0;
    const size_t n = carry + got;
    const long used = take(buf.data(), n, base, eof);
    if (used < 0 || eof) return {};
    carry = n - static_cast<size_t>(used);
    std::memmove(buf.data(), buf.data() + used, carry);
    base += static_cast<uint64_t>(used);
  }
}

Result<void> scan_text(const CorpusFile& f, const Piece& pc, ChunkFeed& feed, GramScanner& sc, std::vector<char>& buf,
                       PieceCount& count, Lang lang) {
  CC_TRY_ASSIGN(auto stream, open_piece(f, pc, pc.begin, feed, lang));
  sc.begin(pc.file, pc.chunk, pc.end, pc.chunk > 0);
  TextFeeder feeder(sc, pc.end, pc.chunk > 0);
  bool first = pc.chunk > 0;  // a chunk may begin inside a character: its bytes are the chunk before's
  uint64_t read = 0;
  CC_TRY(read_blocks(*stream, pc.begin, buf, read, [&](const char* p, size_t n, uint64_t base, bool eof) -> long {
    size_t skip = 0;
    if (first) {
      while (skip < n && skip < 3 && (static_cast<uint8_t>(p[skip]) & 0xC0) == 0x80) ++skip;
      first = false;
    }
    size_t used = skip + feeder.feed(p + skip, n - skip, base + skip, eof);
    return feeder.stop ? -1 : static_cast<long>(used);
  }));
  feeder.end_segment();
  count.newlines = feeder.newlines_in;
  count.bytes = pc.end == kNoEnd ? read : pc.end - pc.begin;
  return {};
}

// Every string value under `e`, each as its own segment, located at the line's start.
void scan_json_strings(simdjson::dom::element e, GramScanner& sc, uint64_t line, uint64_t offset) {
  switch (e.type()) {
    case simdjson::dom::element_type::STRING: {
      const std::string_view s = e.get_string().value_unsafe();
      const auto* u = reinterpret_cast<const uint8_t*>(s.data());
      const auto n = static_cast<int32_t>(s.size());
      FoldStream<char> fold;
      auto put = [&](char32_t x, char) { sc.push(x, line, offset); };
      sc.end_segment();
      for (int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(u, i, n, c);
        if (c >= 0) fold.push(static_cast<char32_t>(c), 0, put);
      }
      fold.flush(put);
      sc.end_segment();
      return;
    }
    case simdjson::dom::element_type::ARRAY: {
      // Held in a local: a range-for over value_unsafe() of a temporary result would
      // iterate a destroyed object.
      simdjson::dom::array items = e.get_array().value_unsafe();
      for (simdjson::dom::element x : items) scan_json_strings(x, sc, line, offset);
      return;
    }
    case simdjson::dom::element_type::OBJECT: {
      simdjson::dom::object fields = e.get_object().value_unsafe();
      for (auto field : fields) scan_json_strings(field.value, sc, line, offset);
      return;
    }
    default: return;
  }
}

// JSON Lines: the lines that start inside [begin, end), each parsed and its strings
// scanned; a line that is not JSON (or is too long to hold) is scanned as text.
Result<void> scan_jsonl(const CorpusFile& f, const Piece& pc, ChunkFeed& feed, GramScanner& sc, std::vector<char>& buf,
                        PieceCount& count, Lang lang) {
  const uint64_t from = pc.chunk > 0 ? pc.begin - 1 : 0;  // the byte before tells whether a line starts at begin
  CC_TRY_ASSIGN(auto stream, open_piece(f, pc, from, feed, lang));
  sc.begin(pc.file, pc.chunk, kNoEnd, false);  // a piece starts at a line start: no run goes on into it
  TextFeeder feeder(sc, kNoEnd);               // for lines scanned as text
  simdjson::dom::parser parser;
  std::string line;
  uint64_t line_no = 0, line_start = pc.begin;
  bool skipping = pc.chunk > 0, as_text = false;
  auto text_part = [&](bool eof) {
    feeder.line = line_no;
    size_t used = feeder.feed(line.data(), line.size(), line_start, eof);
    line.erase(0, used);
    line_start += used;
  };
  auto finish_line = [&] {
    if (as_text) {
      text_part(true);
    } else if (!line.empty()) {
      simdjson::dom::element doc;
      if (parser.parse(line.data(), line.size(), true).get(doc) == simdjson::SUCCESS) {
        scan_json_strings(doc, sc, line_no, line_start);
      } else {
        text_part(true);
      }
    }
    feeder.end_segment();
    line.clear();
    as_text = false;
  };
  uint64_t read = 0;
  CC_TRY(read_blocks(*stream, from, buf, read, [&](const char* p, size_t n, uint64_t base, bool eof) -> long {
    size_t i = 0;
    while (i < n) {
      const char* nl = static_cast<const char*>(std::memchr(p + i, '\n', n - i));
      const size_t stop = nl ? static_cast<size_t>(nl - p) : n;
      if (skipping) {
        if (!nl) return static_cast<long>(n);
        skipping = false;
        if (base + stop >= pc.begin) ++line_no, count.newlines += base + stop < pc.end;
        line_start = base + stop + 1;
        i = stop + 1;
        continue;
      }
      if (line.empty() && line_start >= pc.end) return -1;  // the next chunk's line
      line.append(p + i, stop - i);
      if (line.size() > kMaxJsonLine) as_text = true, text_part(false);
      if (!nl) return static_cast<long>(n);
      finish_line();
      const uint64_t at = base + stop;
      if (at < pc.end) ++count.newlines;
      ++line_no;
      line_start = at + 1;
      i = stop + 1;
    }
    if (eof && !skipping) finish_line();
    return static_cast<long>(n);
  }));
  if (!skipping && !line.empty()) finish_line();
  count.bytes = pc.end == kNoEnd ? read : pc.end - pc.begin;
  return {};
}

// The pieces of the plain files; the compressed files (their indexes into `compressed`)
// are cut as they decompress.
std::vector<Piece> plan(const std::vector<CorpusFile>& files, uint64_t chunk_bytes, std::vector<uint32_t>& compressed) {
  std::vector<Piece> pieces;
  for (size_t f = 0; f < files.size(); ++f) {
    const auto fi = static_cast<uint32_t>(f);
    if (files[f].compression != Compression::None) {
      compressed.push_back(fi);
      continue;
    }
    if (files[f].size <= chunk_bytes) {
      pieces.push_back(Piece{fi, 0, 0, files[f].size, nullptr});
      continue;
    }
    uint32_t k = 0;
    for (uint64_t b = 0; b < files[f].size; b += chunk_bytes, ++k)
      pieces.push_back(Piece{fi, k, b, std::min(files[f].size, b + chunk_bytes), nullptr});
  }
  return pieces;
}

using PieceKey = std::pair<uint32_t, uint32_t>;  // file, chunk

}  // namespace

Result<ScanReport> scan_corpus(const std::vector<LeakText>& texts, const std::vector<CorpusFile>& files,
                               const ScanOptions& options, Lang lang) {
  GramIndex index(texts, options.ngram);
  const uint64_t chunk_bytes = std::max<uint64_t>(options.chunk_bytes, 4096);
  std::vector<uint32_t> compressed;
  const std::vector<Piece> pieces = plan(files, chunk_bytes, compressed);
  // A compressed file is many chunks: enough work for every thread.
  const unsigned workers = worker_count(options.threads, compressed.empty() ? pieces.size() : SIZE_MAX);
  ChunkFeed feed(files, compressed, chunk_bytes, workers, lang);
  std::mutex mu;  // guards counts and errors
  std::map<PieceKey, PieceCount> counts;
  std::map<PieceKey, Error> errors;
  std::vector<ScanTally> tallies(workers, ScanTally(index));
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  // Decompressed chunks first (they hold memory and let the decompressor go on), then
  // plain pieces; once those are gone, wait for the decompressor.
  auto take = [&](Piece& pc) {
    auto chunk = feed.next(false);
    if (!chunk) {
      if (const size_t i = next.fetch_add(1); i < pieces.size()) {
        pc = pieces[i];
        return true;
      }
      chunk = feed.next(true);
    }
    if (!chunk) return false;
    pc = Piece{chunk->file, chunk->index, chunk->begin, chunk->begin + chunk->data.size(), chunk};
    return true;
  };
  auto work = [&](unsigned w) {
    GramScanner scanner(index, tallies[w]);
    std::vector<char> buf(kBlock + 8);
    for (Piece pc; !failed && take(pc);) {
      const CorpusFile& f = files[pc.file];
      PieceCount count;
      std::optional<Error> error;
      try {
        Result<void> r = f.layout == Layout::Jsonl ? scan_jsonl(f, pc, feed, scanner, buf, count, lang)
                                                   : scan_text(f, pc, feed, scanner, buf, count, lang);
        if (!r) error = r.error();
      } catch (const std::exception& e) {  // in practice std::bad_alloc: an error, never a crash
        error = Error(message(lang, "corpus/unreadable", {{"path", f.path}, {"why", e.what()}}), Error::Kind::Input);
      }
      if (pc.decompressed) {
        pc.decompressed.reset();  // before done(): the chunk's memory goes when the feed frees it
        feed.done(pc.file, pc.chunk);
      }
      std::lock_guard<std::mutex> lock(mu);
      counts[PieceKey{pc.file, pc.chunk}] = count;
      if (error) {
        errors.emplace(PieceKey{pc.file, pc.chunk}, std::move(*error));
        failed = true;
        feed.stop();
      }
    }
  };
  feed.start();
  std::vector<std::thread> pool;
  for (unsigned w = 1; w < workers; ++w) pool.emplace_back(work, w);
  work(0);
  for (auto& t : pool) t.join();
  if (!errors.empty()) return errors.begin()->second;
  if (auto e = feed.error()) return *e;

  ScanTally& all = tallies[0];
  for (unsigned w = 1; w < workers; ++w) all.merge(tallies[w]);
  all.settle();
  // Lines before each piece: the newlines of the file's earlier chunks (counts is in
  // file and chunk order).
  std::vector<std::vector<uint64_t>> lines_before(files.size());
  for (const auto& [key, c] : counts) {
    auto& v = lines_before[key.first];  // v[k]: the newlines of chunks 0..k-1
    if (v.empty()) v.push_back(0);
    v.push_back(v.back() + c.newlines);
  }
  ScanReport rep;
  rep.files = files.size();
  rep.texts = texts.size();
  rep.ngram = options.ngram;
  rep.threshold = options.threshold;
  for (const auto& [key, c] : counts) rep.scanned_bytes += c.bytes;
  for (size_t t = 0; t < texts.size(); ++t) {
    TextLeak leak;
    leak.id = texts[t].id;
    leak.grams = index.text_begin(t + 1) - index.text_begin(t);
    if (leak.grams == 0) continue;
    leak.found = all.seen_in(index, t);
    leak.overlap = static_cast<double>(leak.found) / static_cast<double>(leak.grams);
    if (leak.overlap + 1e-12 < options.threshold) continue;
    std::vector<RunSpot> spots = all.runs[t];
    if (!spots.empty()) leak.longest = spots.front().chars;
    std::sort(spots.begin(), spots.end(), [](const RunSpot& a, const RunSpot& b) {
      return std::tie(a.file, a.chunk, a.line, a.offset) < std::tie(b.file, b.chunk, b.line, b.offset);
    });
    for (const RunSpot& s : spots) {
      LeakWhere w;
      w.file = files[s.file].path;
      w.line = 1 + lines_before[s.file][s.chunk] + s.line;
      if (files[s.file].compression != Compression::None) w.offset = s.offset;
      if (!leak.where.empty() && leak.where.back().file == w.file && leak.where.back().line == w.line) continue;
      leak.where.push_back(std::move(w));
    }
    rep.listed.push_back(std::move(leak));
  }
  std::stable_sort(rep.listed.begin(), rep.listed.end(),
                   [](const TextLeak& a, const TextLeak& b) { return a.overlap > b.overlap; });
  return rep;
}

}  // namespace cc::leak
