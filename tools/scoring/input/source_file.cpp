#include "scoring/input/source_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/messages.h"
#include "core/sha256.h"

namespace cc::scoring {

PaddedBuffer::PaddedBuffer(size_t capacity) {
  constexpr size_t kHuge = size_t{2} << 20;
  if (capacity >= kHuge / 2) {
    size_t len = (capacity + kHuge - 1) / kHuge * kHuge;
    void* p = ::mmap(nullptr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p != MAP_FAILED) {
      ::madvise(p, len, MADV_HUGEPAGE);  // a hint: without huge pages it is an ordinary mapping
      data_ = static_cast<char*>(p);
      capacity_ = len;
      mapped_ = true;
      return;
    }
  }
  data_ = new (std::nothrow) char[capacity];
  capacity_ = data_ ? capacity : 0;
}

PaddedBuffer::~PaddedBuffer() {
  if (mapped_)
    ::munmap(data_, capacity_);
  else
    delete[] data_;
}

Result<void> SourceFile::read(Lang lang) {
  auto fail = [&](const char* id, int fd) -> Result<void> {
    int saved = errno;
    if (fd >= 0) ::close(fd);
    return Error(message(lang, id, {{"path", path_}, {"detail", std::strerror(saved)}}));
  };
  int fd = ::open(open_path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail("io/open-path", -1);
  struct stat st {};
  if (::fstat(fd, &st) != 0) return fail("io/read-path", fd);
  if (S_ISDIR(st.st_mode)) {
    errno = EISDIR;
    return fail("io/read-path", fd);
  }
  size_t want = st.st_size > 0 ? static_cast<size_t>(st.st_size) : 0;
  PaddedBuffer buf(want + kReadPadding);
  if (!buf.data()) {
    errno = ENOMEM;
    return fail("io/read-path", fd);
  }
  size_t got = 0;
  for (;;) {
    if (got + kReadPadding == buf.capacity()) {
      // The file grew while read (or reported no size): continue in a bigger buffer.
      PaddedBuffer bigger(buf.capacity() * 2 + 4096);
      if (!bigger.data()) {
        errno = ENOMEM;
        return fail("io/read-path", fd);
      }
      std::memcpy(bigger.data(), buf.data(), got);
      buf = std::move(bigger);
    }
    ssize_t n = ::read(fd, buf.data() + got, buf.capacity() - kReadPadding - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail("io/read-path", fd);
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  std::memset(buf.data() + got, 0, kReadPadding);
  data_ = std::move(buf);
  size_ = got;
  sha256_ = sha256_hex(text());
  line_starts_.clear();
  return {};
}

void SourceFile::release() {
  data_ = PaddedBuffer();
  line_starts_.clear();
  line_starts_.shrink_to_fit();
}

LineColumn SourceFile::position(size_t offset) {
  if (!data_.data()) return LineColumn{};
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    const char* p = data_.data();
    const char* end = p + size_;
    while (const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p))) {
      p = static_cast<const char*>(nl) + 1;
      line_starts_.push_back(static_cast<size_t>(p - data_.data()));
    }
  }
  offset = std::min(offset, size_);
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = static_cast<size_t>(it - line_starts_.begin());  // 1-based
  size_t start = line_starts_[line - 1];
  LineColumn lc;
  lc.line = static_cast<int>(line);
  lc.column = 1 + static_cast<int>(count_code_points(text().substr(start, offset - start)));
  return lc;
}

}  // namespace cc::scoring
