#include "leak/chunk_feed.h"

#include <algorithm>
#include <cstring>

#include "leak/leak_messages.h"

namespace cc::leak {
namespace {

constexpr uint64_t kMinReadOnBytes = 1u << 20;  // read-on reaches at least this far, whatever the chunk size

uint32_t read_on_chunks(uint64_t chunk_bytes) {
  const uint64_t n = (kMinReadOnBytes + chunk_bytes - 1) / chunk_bytes;
  return static_cast<uint32_t>(std::max<uint64_t>(2, n));
}

}  // namespace

ChunkFeed::ChunkFeed(const std::vector<CorpusFile>& files, std::vector<uint32_t> compressed, uint64_t chunk_bytes,
                     unsigned workers, Lang lang)
    : files_(files),
      compressed_(std::move(compressed)),
      chunk_bytes_(std::max<uint64_t>(chunk_bytes, 1)),
      read_on_(read_on_chunks(chunk_bytes_)),
      max_alive_(read_on_ + std::max(workers, 1u) + 1),
      lang_(lang) {}

ChunkFeed::~ChunkFeed() {
  stop();
  if (thread_.joinable()) thread_.join();
}

void ChunkFeed::start() {
  if (compressed_.empty()) {
    std::lock_guard<std::mutex> lock(mu_);
    finished_ = true;
    return;
  }
  thread_ = std::thread([this] { produce(); });
}

void ChunkFeed::produce() {
  for (uint32_t f : compressed_) {
    std::optional<Error> failure;
    try {
      if (Result<void> r = produce_file(f); !r) failure = r.error();
    } catch (const std::exception& e) {  // in practice std::bad_alloc: an error, never a crash
      failure =
          Error(message(lang_, "corpus/unreadable", {{"path", files_[f].path}, {"why", e.what()}}), Error::Kind::Input);
    }
    std::lock_guard<std::mutex> lock(mu_);
    if (failure && !stopped_) error_ = std::move(failure);
    if (failure || stopped_) {
      stopped_ = true;
      changed_.notify_all();
      return;
    }
  }
  std::lock_guard<std::mutex> lock(mu_);
  finished_ = true;
  changed_.notify_all();
}

Result<void> ChunkFeed::produce_file(uint32_t file) {
  CC_TRY_ASSIGN(auto stream, open_stream(files_[file], 0, lang_));
  uint64_t begin = 0;
  char before = '\n';
  for (uint32_t index = 0;; ++index) {
    {
      // Room first, then the allocation: at most max_alive_ chunks exist at once.
      std::unique_lock<std::mutex> lock(mu_);
      changed_.wait(lock, [&] { return stopped_ || alive_.size() < max_alive_; });
      if (stopped_) return {};
    }
    auto chunk = std::make_shared<Chunk>();
    chunk->file = file;
    chunk->index = index;
    chunk->begin = begin;
    chunk->before = before;
    chunk->data.resize(chunk_bytes_);
    size_t filled = 0;
    while (filled < chunk_bytes_) {
      CC_TRY_ASSIGN(size_t got, stream->read(chunk->data.data() + filled, chunk_bytes_ - filled));
      if (got == 0) break;
      filled += got;
    }
    chunk->data.resize(filled);
    const bool full = filled == chunk_bytes_;
    if (filled > 0) {
      before = chunk->data.back();
      begin += filled;
      if (!publish(std::move(chunk))) return {};
    }
    if (!full) {
      std::lock_guard<std::mutex> lock(mu_);
      ended_[file] = filled > 0 ? index + 1 : index;
      changed_.notify_all();
      return {};
    }
  }
}

bool ChunkFeed::publish(std::shared_ptr<Chunk> chunk) {
  std::lock_guard<std::mutex> lock(mu_);
  if (stopped_) return false;
  const Key key{chunk->file, chunk->index};
  produced_[key.file] = key.index + 1;
  ready_.push_back(chunk);
  alive_[key] = Slot{std::move(chunk), false};
  peak_ = std::max(peak_, alive_.size());
  changed_.notify_all();
  return true;
}

std::shared_ptr<const Chunk> ChunkFeed::next(bool wait) {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    if (stopped_) return nullptr;
    if (!ready_.empty()) {
      auto c = std::move(ready_.front());
      ready_.pop_front();
      return c;
    }
    if (finished_ || !wait) return nullptr;
    changed_.wait(lock);
  }
}

std::shared_ptr<const Chunk> ChunkFeed::get(uint32_t file, uint32_t index) {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    if (stopped_) return nullptr;
    if (auto it = alive_.find(Key{file, index}); it != alive_.end()) return it->second.chunk;
    if (auto e = ended_.find(file); e != ended_.end() && index >= e->second) return nullptr;
    if (auto p = produced_.find(file); p != produced_.end() && index < p->second) return nullptr;  // freed
    changed_.wait(lock);
  }
}

bool ChunkFeed::is_done(uint32_t file, uint32_t index) const {
  if (auto it = alive_.find(Key{file, index}); it != alive_.end()) return it->second.done;
  auto p = produced_.find(file);
  return p != produced_.end() && index < p->second;  // published and freed: done
}

void ChunkFeed::release(uint32_t file, uint32_t index) {
  auto it = alive_.find(Key{file, index});
  if (it == alive_.end() || !it->second.done) return;
  for (uint32_t j = 1; j <= read_on_ && j <= index; ++j)
    if (!is_done(file, index - j)) return;  // a worker may still read on into it
  alive_.erase(it);
}

void ChunkFeed::done(uint32_t file, uint32_t index) {
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = alive_.find(Key{file, index}); it != alive_.end()) it->second.done = true;
  for (uint32_t j = 0; j <= read_on_; ++j) release(file, index + j);
  changed_.notify_all();
}

void ChunkFeed::stop() {
  std::lock_guard<std::mutex> lock(mu_);
  stopped_ = true;
  changed_.notify_all();
}

std::optional<Error> ChunkFeed::error() const {
  std::lock_guard<std::mutex> lock(mu_);
  return error_;
}

size_t ChunkFeed::peak_alive() const {
  std::lock_guard<std::mutex> lock(mu_);
  return peak_;
}

ChunkStream::ChunkStream(ChunkFeed& feed, std::shared_ptr<const Chunk> first, bool with_before)
    : feed_(feed), cur_(std::move(first)), last_index_(cur_->index + feed.read_on()), before_pending_(with_before) {}

Result<size_t> ChunkStream::read(char* buf, size_t cap) {
  if (cap == 0) return size_t{0};
  if (before_pending_) {
    buf[0] = cur_->before;
    before_pending_ = false;
    return size_t{1};
  }
  // Never past the current chunk in one call: a worker that is done soon after its
  // chunk's end must not wait for, or copy, the chunks after it.
  while (pos_ == cur_->data.size()) {
    if (cur_->index >= last_index_) return size_t{0};
    auto next = feed_.get(cur_->file, cur_->index + 1);
    if (!next) return size_t{0};
    cur_ = std::move(next);
    pos_ = 0;
  }
  const size_t k = std::min(cap, cur_->data.size() - pos_);
  std::memcpy(buf, cur_->data.data() + pos_, k);
  pos_ += k;
  return k;
}

}  // namespace cc::leak
