#include "judge/run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace cc::judge {

Result<std::unique_ptr<RunLock>> RunLock::acquire(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Error("cannot create " + dir + ": " + ec.message(), Error::Kind::Usage);
  std::string path = dir + "/.lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) return Error("cannot open " + path + ": " + std::strerror(errno), Error::Kind::Usage);
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    char pid[32] = {0};
    ssize_t n = pread(fd, pid, sizeof pid - 1, 0);
    ::close(fd);
    std::string who = n > 0 ? " (pid " + std::string(pid, static_cast<size_t>(n)) + ")" : "";
    while (!who.empty() && (who.back() == '\n')) who.pop_back();
    return Error("another clinconsensus run" + who + " is writing " + dir +
                     "; wait for it to finish, or give this one another --out",
                 Error::Kind::Usage);
  }
  std::string me = std::to_string(getpid()) + "\n";
  if (ftruncate(fd, 0) == 0) (void)!pwrite(fd, me.data(), me.size(), 0);
  auto lock = std::unique_ptr<RunLock>(new RunLock());
  lock->fd_ = fd;
  return lock;
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);  // closing drops the flock
}

}  // namespace cc::judge
