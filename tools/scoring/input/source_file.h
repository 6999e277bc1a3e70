#pragma once
// SourceFile: one input file of a scoring run — its bytes (followed by the zeroed padding
// the JSON parser may read past the end), its SHA-256 for the run manifest, and on demand
// the line and column of a byte offset for messages.
#include <cstddef>
#include <memory>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"

#include "core/messages.h"
#include "core/result.h"

namespace cc::scoring {

inline constexpr size_t kReadPadding = 64;  // >= simdjson's SIMDJSON_PADDING

// Bytes read from a file plus zeroed padding. Large buffers are anonymous mappings that
// ask for transparent huge pages, so reading 60 MB costs tens of page faults, not 15,000.
class PaddedBuffer {
 public:
  PaddedBuffer() = default;
  explicit PaddedBuffer(size_t capacity);  // data() is null when the memory is not there
  ~PaddedBuffer();
  PaddedBuffer(PaddedBuffer&& o) noexcept { swap(o); }
  PaddedBuffer& operator=(PaddedBuffer&& o) noexcept {
    PaddedBuffer tmp(std::move(o));
    swap(tmp);
    return *this;
  }
  char* data() const { return data_; }
  size_t capacity() const { return capacity_; }

 private:
  void swap(PaddedBuffer& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(capacity_, o.capacity_);
    std::swap(mapped_, o.mapped_);
  }
  char* data_ = nullptr;
  size_t capacity_ = 0;
  bool mapped_ = false;
};

class SourceFile {
 public:
  SourceFile() = default;
  SourceFile(std::string display_path, std::string open_path)
      : path_(std::move(display_path)), open_path_(std::move(open_path)) {}

  // Reads the whole file and hashes it, or returns an Error naming the path, in `lang`.
  Result<void> read(Lang lang);
  // Frees the bytes (the hash, size and path stay).
  void release();

  const std::string& path() const { return path_; }            // as shown to people
  const std::string& open_path() const { return open_path_; }  // as opened
  std::string_view text() const { return {data_.data(), size_}; }
  const char* data() const { return data_.data(); }
  size_t size() const { return size_; }
  size_t capacity() const { return size_ + kReadPadding; }  // readable bytes from data()
  const std::string& sha256() const { return sha256_; }
  // 1-based line and code-point column of byte `offset`. Not thread-safe: it builds a
  // line index the first time (only messages need it).
  LineColumn position(size_t offset);

 private:
  std::string path_, open_path_;
  PaddedBuffer data_;
  size_t size_ = 0;
  std::string sha256_;
  std::vector<size_t> line_starts_;
};

// What the run manifest records of every input it read.
struct InputRecord {
  std::string role;  // "cases", "verdicts", "gold", "config", "taxonomy"
  std::string path;  // as shown to people
  size_t bytes = 0;
  std::string sha256;  // lowercase hex
};

}  // namespace cc::scoring
