#pragma once
// Corpus scan: the benchmark's texts looked for in corpora, reading each corpus once.
// Plain files are cut into chunks that the workers read in parallel (a worker reads on
// past its chunk's end only to finish the grams and runs that began inside it). Compressed
// files are decompressed on a thread of their own into chunks of the same size, which the
// workers scan in parallel the same way (ChunkFeed), so decompressing and scanning one
// large file overlap. JSON Lines files are scanned string value by string value, with
// escapes decoded; a line that is not JSON is scanned as text. Memory is the index, one
// tally and a block per worker, and a bounded number of decompressed chunks (ChunkFeed),
// plus a line and byte count per chunk read: none of the rest grows with the corpus.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/messages.h"
#include "core/result.h"
#include "leak/corpus_files.h"
#include "leak/gram_index.h"

namespace cc::leak {

struct ScanOptions {
  int ngram = 13;
  double threshold = 0.2;  // list texts whose overlap is at least this
  unsigned threads = 2;
  uint64_t chunk_bytes = 8u << 20;  // files are cut into pieces of this size (at least 4 KB)
};

// A place in the corpus where a run of a text starts.
struct LeakWhere {
  std::string file;
  uint64_t line = 0;               // 1-based
  std::optional<uint64_t> offset;  // byte offset in the decompressed content (compressed files)
};

// One text's result.
struct TextLeak {
  std::string id;
  size_t grams = 0;              // its n-grams (0: shorter than n after normalisation)
  size_t found = 0;              // of them, seen in the corpus
  double overlap = 0;            // found / grams
  uint32_t longest = 0;          // longest common run, in folded characters
  std::vector<LeakWhere> where;  // where its longest runs start, in corpus order
};

struct ScanReport {
  uint64_t scanned_bytes = 0;  // bytes of text read (decompressed)
  size_t files = 0;
  size_t texts = 0;
  int ngram = 13;
  double threshold = 0;
  std::vector<TextLeak> listed;  // overlap ≥ threshold, highest first
};

// Scans `files` for `texts`. Error (kind Input) naming the first file that could not be
// read or decompressed.
Result<ScanReport> scan_corpus(const std::vector<LeakText>& texts, const std::vector<CorpusFile>& files,
                               const ScanOptions& options, Lang lang);

}  // namespace cc::leak
