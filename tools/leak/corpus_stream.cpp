#include "leak/corpus_stream.h"

#include <cerrno>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "leak/leak_messages.h"

namespace cc::leak {
namespace {

constexpr size_t kInBlock = 1 << 18;

Error read_error(Lang lang, const std::string& path, const std::string& why) {
  return Error(message(lang, "corpus/unreadable", {{"path", path}, {"why", why}}), Error::Kind::Input);
}

// A file descriptor read sequentially from an offset.
class FileStream : public ByteStream {
 public:
  FileStream(int fd, uint64_t pos, std::string path, Lang lang)
      : fd_(fd), pos_(pos), path_(std::move(path)), lang_(lang) {}
  ~FileStream() override { ::close(fd_); }
  Result<size_t> read(char* buf, size_t cap) override {
    for (;;) {
      ssize_t got = ::pread(fd_, buf, cap, static_cast<off_t>(pos_));
      if (got >= 0) {
        pos_ += static_cast<uint64_t>(got);
        return static_cast<size_t>(got);
      }
      if (errno != EINTR) return read_error(lang_, path_, std::strerror(errno));
    }
  }

 private:
  int fd_;
  uint64_t pos_;
  std::string path_;
  Lang lang_;
};

// gzip or zlib (zlib detects which from the header); concatenated members are read on.
class GzipStream : public ByteStream {
 public:
  GzipStream(std::unique_ptr<ByteStream> raw, std::string path, Lang lang)
      : raw_(std::move(raw)), in_(kInBlock), path_(std::move(path)), lang_(lang) {
    std::memset(&z_, 0, sizeof z_);
    ok_ = inflateInit2(&z_, 15 + 32) == Z_OK;
  }
  ~GzipStream() override {
    if (ok_) inflateEnd(&z_);
  }
  Result<size_t> read(char* buf, size_t cap) override {
    if (!ok_) return read_error(lang_, path_, "zlib: cannot initialise");
    z_.next_out = reinterpret_cast<Bytef*>(buf);
    z_.avail_out = static_cast<uInt>(cap);
    while (z_.avail_out == cap) {
      if (z_.avail_in == 0) {
        if (eof_) {
          if (mid_member_) return read_error(lang_, path_, "gzip: unexpected end of data");
          break;
        }
        CC_TRY_ASSIGN(size_t got, raw_->read(in_.data(), in_.size()));
        if (got == 0) {
          eof_ = true;
          continue;
        }
        z_.next_in = reinterpret_cast<Bytef*>(in_.data());
        z_.avail_in = static_cast<uInt>(got);
      }
      int rc = inflate(&z_, Z_NO_FLUSH);
      mid_member_ = true;
      if (rc == Z_STREAM_END) {
        mid_member_ = false;
        if (inflateReset(&z_) != Z_OK) return read_error(lang_, path_, "zlib: cannot reset");
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        return read_error(lang_, path_, std::string("gzip: ") + (z_.msg ? z_.msg : "corrupt data"));
      }
    }
    return cap - z_.avail_out;
  }

 private:
  std::unique_ptr<ByteStream> raw_;
  std::vector<char> in_;
  z_stream z_;
  bool ok_ = false, eof_ = false, mid_member_ = false;
  std::string path_;
  Lang lang_;
};

// zstd, any number of frames.
class ZstdStream : public ByteStream {
 public:
  ZstdStream(std::unique_ptr<ByteStream> raw, std::string path, Lang lang)
      : raw_(std::move(raw)),
        in_(ZSTD_DStreamInSize()),
        dctx_(ZSTD_createDCtx()),
        path_(std::move(path)),
        lang_(lang) {}
  ~ZstdStream() override { ZSTD_freeDCtx(dctx_); }
  Result<size_t> read(char* buf, size_t cap) override {
    if (!dctx_) return read_error(lang_, path_, "zstd: cannot initialise");
    ZSTD_outBuffer out{buf, cap, 0};
    while (out.pos == 0) {
      if (src_.pos == src_.size) {
        CC_TRY_ASSIGN(size_t got, raw_->read(in_.data(), in_.size()));
        if (got == 0) {
          if (last_ != 0) return read_error(lang_, path_, "zstd: unexpected end of data");
          break;
        }
        src_ = ZSTD_inBuffer{in_.data(), got, 0};
      }
      last_ = ZSTD_decompressStream(dctx_, &out, &src_);
      if (ZSTD_isError(last_)) return read_error(lang_, path_, std::string("zstd: ") + ZSTD_getErrorName(last_));
    }
    return out.pos;
  }

 private:
  std::unique_ptr<ByteStream> raw_;
  std::vector<char> in_;
  ZSTD_DCtx* dctx_;
  ZSTD_inBuffer src_{nullptr, 0, 0};
  size_t last_ = 0;  // 0 once a frame is complete
  std::string path_;
  Lang lang_;
};

}  // namespace

Result<std::unique_ptr<ByteStream>> open_stream(const CorpusFile& file, uint64_t begin, Lang lang) {
  int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return read_error(lang, file.path, std::strerror(errno));
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  std::unique_ptr<ByteStream> raw = std::make_unique<FileStream>(fd, begin, file.path, lang);
  switch (file.compression) {
    case Compression::None: return raw;
    case Compression::Gzip:
      return std::unique_ptr<ByteStream>(std::make_unique<GzipStream>(std::move(raw), file.path, lang));
    case Compression::Zstd:
      return std::unique_ptr<ByteStream>(std::make_unique<ZstdStream>(std::move(raw), file.path, lang));
  }
  return raw;
}

}  // namespace cc::leak
