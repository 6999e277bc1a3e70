#include "cli/stdout_guard.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <unistd.h>

#include "cli/cli_context.h"
#include "core/write_all.h"

namespace cc::cli {

CheckedFdBuffer::CheckedFdBuffer(int fd, bool line_flush) : fd_(fd), line_flush_(line_flush) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

CheckedFdBuffer::~CheckedFdBuffer() {
  if (!closed_) drain();
}

bool CheckedFdBuffer::drain() {
  if (error_ == 0 && !write_all(fd_, std::string_view(pbase(), static_cast<size_t>(pptr() - pbase())))) error_ = errno;
  // After a failure the rest is dropped: what follows a lost part would mislead.
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return error_ == 0;
}

CheckedFdBuffer::int_type CheckedFdBuffer::overflow(int_type ch) {
  if (!drain()) return traits_type::eof();
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  *pptr() = traits_type::to_char_type(ch);
  pbump(1);
  if (line_flush_ && traits_type::to_char_type(ch) == '\n' && !drain()) return traits_type::eof();
  return ch;
}

std::streamsize CheckedFdBuffer::xsputn(const char* s, std::streamsize n) {
  if (error_ != 0) return 0;
  std::streamsize done = 0;
  while (done < n) {
    std::streamsize room = epptr() - pptr();
    if (room == 0) {
      if (!drain()) return done;
      continue;
    }
    std::streamsize take = std::min(room, n - done);
    std::memcpy(pptr(), s + done, static_cast<size_t>(take));
    pbump(static_cast<int>(take));
    done += take;
  }
  if (line_flush_ && std::memchr(s, '\n', static_cast<size_t>(n)) != nullptr && !drain()) return done;
  return done;
}

int CheckedFdBuffer::sync() { return drain() ? 0 : -1; }

bool CheckedFdBuffer::close() {
  drain();
  closed_ = true;
  if (::close(fd_) != 0 && error_ == 0) error_ = errno;
  // Keep the descriptor taken, so that a file opened later never becomes "stdout".
  int null_fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (null_fd >= 0 && null_fd != fd_) {
    ::dup2(null_fd, fd_);
    ::close(null_fd);
  }
  return error_ == 0;
}

StdoutGuard::StdoutGuard() : buffer_(STDOUT_FILENO, ::isatty(STDOUT_FILENO) == 1) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is then EPIPE, seen by the buffer
  previous_ = std::cout.rdbuf(&buffer_);
}

StdoutGuard::~StdoutGuard() { std::cout.rdbuf(previous_); }

int StdoutGuard::finish(int status, Lang lang, std::ostream& err) {
  std::cout.flush();
  if (buffer_.close()) return status;
  if (buffer_.error() == EPIPE) return status;  // the reader stopped early: quietly
  err << "clinconsensus: " << message(lang, "io/write-stdout", {{"detail", std::strerror(buffer_.error())}}) << '\n';
  return kExitUsage;
}

}  // namespace cc::cli
