#pragma once
// StdoutGuard: standard output through a buffer that checks every write, so that output
// lost to a full disk, a closed pipe or a bad descriptor is noticed and reported at exit
// instead of being dropped silently. SIGPIPE is ignored while it is in place: a reader
// that stops early (`validate | head -1`) shows up as EPIPE, which ends the output
// quietly.
#include <array>
#include <iosfwd>
#include <streambuf>

#include "core/messages.h"

namespace cc::cli {

// A streambuf writing to a file descriptor that remembers the first failed write (its
// errno) and discards everything after it.
class CheckedFdBuffer : public std::streambuf {
 public:
  // `line_flush`: send each completed line at once (for a terminal).
  CheckedFdBuffer(int fd, bool line_flush);
  ~CheckedFdBuffer() override;
  // The errno of the first failed write or close, 0 when none failed.
  int error() const { return error_; }
  // Flushes what is buffered and closes the descriptor; false when either failed.
  bool close();

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool drain();
  int fd_;
  bool line_flush_;
  int error_ = 0;
  bool closed_ = false;
  std::array<char, 1 << 16> buffer_{};
};

// Puts std::cout on a CheckedFdBuffer over descriptor 1 and ignores SIGPIPE, for as
// long as it lives.
class StdoutGuard {
 public:
  StdoutGuard();
  ~StdoutGuard();
  StdoutGuard(const StdoutGuard&) = delete;
  StdoutGuard& operator=(const StdoutGuard&) = delete;

  // The exit status once the command returned `status`: standard output is flushed and
  // closed; if that or any earlier write failed, the reason goes to `err` in `lang` and
  // the status becomes kExitUsage. A closed pipe (EPIPE) is the reader's choice, not a
  // failure: no message, and the command's own status stands.
  int finish(int status, Lang lang, std::ostream& err);

 private:
  CheckedFdBuffer buffer_;
  std::streambuf* previous_;
};

}  // namespace cc::cli
