#include "core/atomic_write.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cc {

bool write_file_atomic(const std::string& path, std::string_view content, std::string* error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  std::string tmpl = path + ".tmp.XXXXXX";
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    if (error) *error = std::string("cannot create a temporary file beside ") + path + ": " + std::strerror(errno);
    return false;
  }
  auto fail = [&](const char* what) {
    int saved = errno;
    ::close(fd);
    ::unlink(tmpl.c_str());
    if (error) *error = std::string(what) + " " + path + ": " + std::strerror(saved);
    return false;
  };
  const char* p = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write");
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0) return fail("cannot set permissions of");
  if (::fsync(fd) != 0) return fail("cannot flush");
  if (::close(fd) != 0) {
    ::unlink(tmpl.c_str());
    if (error) *error = std::string("cannot close ") + path + ": " + std::strerror(errno);
    return false;
  }
  if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
    int saved = errno;
    ::unlink(tmpl.c_str());
    if (error) *error = std::string("cannot replace ") + path + ": " + std::strerror(saved);
    return false;
  }
  return true;
}

}  // namespace cc
