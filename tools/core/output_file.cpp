#include "core/output_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/atomic_write.h"
#include "core/write_all.h"

namespace cc {
namespace {

// Writes through to an existing special file: opened, written and closed, all checked.
Result<void> write_through(const std::string& path, std::string_view content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return Error(std::strerror(errno), Error::Kind::Input);
  if (!write_all(fd, content)) {
    int saved = errno;
    ::close(fd);
    return Error(std::strerror(saved), Error::Kind::Input);
  }
  if (::close(fd) != 0) return Error(std::strerror(errno), Error::Kind::Input);
  return {};
}

}  // namespace

Result<void> write_output_file(const std::string& path, std::string_view content, Lang lang) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
    return write_through(path, content);
  if (auto w = write_file_atomic(path, content, lang); !w) return Error(w.error().message, Error::Kind::Input);
  return {};
}

}  // namespace cc
