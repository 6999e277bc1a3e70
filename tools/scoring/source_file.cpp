#include "scoring/source_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/sha256.h"

namespace cc::scoring {

bool SourceFile::read(std::string* error) {
  auto fail = [&](const char* what, int fd) {
    int saved = errno;
    if (fd >= 0) ::close(fd);
    if (error) *error = std::string(what) + " " + path_ + ": " + std::strerror(saved);
    return false;
  };
  int fd = ::open(open_path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail("cannot open", -1);
  struct stat st {};
  if (::fstat(fd, &st) != 0) return fail("cannot read", fd);
  if (S_ISDIR(st.st_mode)) {
    errno = EISDIR;
    return fail("cannot read", fd);
  }
  size_t want = st.st_size > 0 ? static_cast<size_t>(st.st_size) : 0;
  std::unique_ptr<char[]> buf(new (std::nothrow) char[want + kReadPadding]);
  if (!buf) {
    errno = ENOMEM;
    return fail("cannot read", fd);
  }
  size_t got = 0;
  for (;;) {
    if (got == want) {
      // Files that grow while read (or report no size): keep reading into a bigger buffer.
      char probe[4096];
      ssize_t n = ::read(fd, probe, sizeof probe);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return fail("cannot read", fd);
      if (n == 0) break;
      std::unique_ptr<char[]> bigger(new (std::nothrow) char[want * 2 + sizeof probe + kReadPadding]);
      if (!bigger) {
        errno = ENOMEM;
        return fail("cannot read", fd);
      }
      std::memcpy(bigger.get(), buf.get(), got);
      std::memcpy(bigger.get() + got, probe, static_cast<size_t>(n));
      got += static_cast<size_t>(n);
      want = want * 2 + sizeof probe;
      buf = std::move(bigger);
      continue;
    }
    ssize_t n = ::read(fd, buf.get() + got, want - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail("cannot read", fd);
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  std::memset(buf.get() + got, 0, kReadPadding);
  data_ = std::move(buf);
  size_ = got;
  sha256_ = sha256_hex(text());
  line_starts_.clear();
  return true;
}

void SourceFile::release() {
  data_.reset();
  line_starts_.clear();
  line_starts_.shrink_to_fit();
}

LineColumn SourceFile::position(size_t offset) {
  if (!data_) return LineColumn{};
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    const char* p = data_.get();
    const char* end = p + size_;
    while (const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p))) {
      p = static_cast<const char*>(nl) + 1;
      line_starts_.push_back(static_cast<size_t>(p - data_.get()));
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
