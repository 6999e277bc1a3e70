#pragma once
// ChunkFeed: compressed corpus files decompressed on a thread of their own into chunks
// that the scan's workers read in parallel, so one large .gz or .zst file keeps every core
// busy: decompression runs ahead while the chunks before are scanned.
//
// Chunks are cut at fixed sizes of decompressed content, numbered from 0 within each
// file. A worker scans its own chunk and reads on into the chunks after it only to finish
// the grams and runs that began in its chunk (as with a plain file's chunks), at most
// `read_on()` chunks further: a run spread over more than that much corpus is cut there.
// A chunk is freed once its own worker and the workers that may read on into it are done.
// At most `read_on() + workers + 1` chunks are alive at once, so memory depends on the
// chunk size and the thread count, never on the corpus.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/messages.h"
#include "core/result.h"
#include "leak/corpus_files.h"
#include "leak/corpus_stream.h"

namespace cc::leak {

// Decompressed bytes [begin, begin + data.size()) of one file.
struct Chunk {
  uint32_t file = 0;   // index into the corpus files
  uint32_t index = 0;  // within the file
  uint64_t begin = 0;
  char before = '\n';  // the byte before `begin` (the chunk before's last), '\n' for chunk 0
  std::vector<char> data;
};

class ChunkFeed {
 public:
  // Decompresses files[i] for each i of `compressed`, in that order, once start() is
  // called. `workers`: the threads that take chunks.
  ChunkFeed(const std::vector<CorpusFile>& files, std::vector<uint32_t> compressed, uint64_t chunk_bytes,
            unsigned workers, Lang lang);
  ~ChunkFeed();  // stops the decompressor and waits for it
  ChunkFeed(const ChunkFeed&) = delete;
  ChunkFeed& operator=(const ChunkFeed&) = delete;

  void start();
  // The next chunk to scan, in file and chunk order. With `wait`, blocks until one is
  // ready; null once every chunk has been handed out, or after stop() or a failure.
  // Without `wait`, null also when none is ready yet.
  std::shared_ptr<const Chunk> next(bool wait);
  // Chunk `index` of `file` for a worker reading on, waiting for it to be decompressed;
  // null past the file's end, after stop() or after a failure.
  std::shared_ptr<const Chunk> get(uint32_t file, uint32_t index);
  // The worker of (file, index) is done with it.
  void done(uint32_t file, uint32_t index);
  // Stops decompressing (another piece of work failed); waiting calls return null.
  void stop();
  // The first file that could not be read or decompressed (kind Input), if any.
  std::optional<Error> error() const;

  // How many chunks past its own a worker may read on.
  uint32_t read_on() const { return read_on_; }
  // The most chunks that were alive at once (for the tests of the memory bound).
  size_t peak_alive() const;
  // The bound on alive chunks.
  size_t max_alive() const { return max_alive_; }

 private:
  struct Key {
    uint32_t file, index;
    bool operator<(const Key& o) const { return file != o.file ? file < o.file : index < o.index; }
  };
  struct Slot {
    std::shared_ptr<const Chunk> chunk;
    bool done = false;
  };
  void produce();
  Result<void> produce_file(uint32_t file);
  bool publish(std::shared_ptr<Chunk> chunk);         // false when stopped
  bool is_done(uint32_t file, uint32_t index) const;  // under mu_
  void release(uint32_t file, uint32_t index);        // under mu_: frees the chunk if no one needs it

  const std::vector<CorpusFile>& files_;
  const std::vector<uint32_t> compressed_;
  const uint64_t chunk_bytes_;
  const uint32_t read_on_;
  const size_t max_alive_;
  const Lang lang_;

  mutable std::mutex mu_;
  std::condition_variable changed_;
  std::map<Key, Slot> alive_;
  std::deque<std::shared_ptr<const Chunk>> ready_;
  std::map<uint32_t, uint32_t> produced_;  // file → chunks published so far
  std::map<uint32_t, uint32_t> ended_;     // file → its chunk count, once decompressed to its end
  size_t peak_ = 0;
  bool finished_ = false;  // every file decompressed
  bool stopped_ = false;
  std::optional<Error> error_;
  std::thread thread_;
};

// A ByteStream over the decompressed content from chunk `first` on: from its first byte,
// or with `with_before` from the byte before it (the JSONL reader looks there for a line
// start); then on into the following chunks, at most feed.read_on() of them.
class ChunkStream : public ByteStream {
 public:
  ChunkStream(ChunkFeed& feed, std::shared_ptr<const Chunk> first, bool with_before);
  Result<size_t> read(char* buf, size_t cap) override;

 private:
  ChunkFeed& feed_;
  std::shared_ptr<const Chunk> cur_;
  uint32_t last_index_;  // the last chunk this stream may read
  size_t pos_ = 0;
  bool before_pending_;
};

}  // namespace cc::leak
