#pragma once
// Corpus streams: the bytes of one corpus file, read block by block — a plain file from
// any offset (so one file is scanned by several threads, each from its own chunk), or the
// whole decompressed content of a gzip/zlib or zstd file. Memory is one block and the
// decompressor's window, whatever the size of the file.
#include <cstdint>
#include <memory>
#include <string>

#include "core/messages.h"
#include "core/result.h"
#include "leak/corpus_files.h"

namespace cc::leak {

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Reads up to `cap` bytes into `buf`; 0 at the end. Error (kind Input) naming the file
  // when it cannot be read or its compressed data is corrupt.
  virtual Result<size_t> read(char* buf, size_t cap) = 0;
};

// The stream of `file` from byte `begin` of its plain content. A compressed file can only
// be read from its start (begin must be 0).
Result<std::unique_ptr<ByteStream>> open_stream(const CorpusFile& file, uint64_t begin, Lang lang);

}  // namespace cc::leak
