#include "core/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/messages.h"

namespace cc {

Result<std::unique_ptr<FileLock>> FileLock::acquire(const std::string& path, const std::string& busy, Lang lang) {
  std::error_code ec;
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) return Error(message(lang, "io/create-folder", {{"path", parent.string()}, {"detail", ec.message()}}));
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) return Error(message(lang, "io/open-path", {{"path", path}, {"detail", std::strerror(errno)}}));
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    char pid[32] = {0};
    ssize_t n = pread(fd, pid, sizeof pid - 1, 0);
    ::close(fd);
    std::string who(pid, n > 0 ? static_cast<size_t>(n) : 0);
    while (!who.empty() && who.back() == '\n') who.pop_back();
    return Error(who.empty() ? message(lang, "io/lock-held", {{"busy", busy}, {"path", path}})
                             : message(lang, "io/lock-held-by", {{"busy", busy}, {"pid", who}, {"path", path}}),
                 Error::Kind::Refused);
  }
  std::string me = std::to_string(getpid()) + "\n";
  if (ftruncate(fd, 0) == 0) (void)!pwrite(fd, me.data(), me.size(), 0);
  auto lock = std::unique_ptr<FileLock>(new FileLock());
  lock->fd_ = fd;
  return lock;
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);  // closing drops the flock
}

}  // namespace cc
