#pragma once
// File locks: one writer at a time. A command that must not run twice at once on the
// same thing (generate/judge/eval on one output folder, `release cut` on one git
// repository) takes an exclusive flock on a lock file for its whole run and writes its
// pid into it, so a second copy is refused at once and told who holds the lock. The
// kernel drops the lock when the process dies, so a killed run never leaves it stale:
// the next run takes it over and rewrites the pid.
#include <memory>
#include <string>

#include "core/messages.h"
#include "core/result.h"

namespace cc {

class FileLock {
 public:
  // Creates `path` (and its folder) when missing and locks it. When another process
  // holds it: Error kind Refused, "<busy> (pid N holds <path>)". When it cannot be
  // created or opened: Error kind Failed, naming the path and the system's reason. Our words
  // are in `lang`.
  static Result<std::unique_ptr<FileLock>> acquire(const std::string& path, const std::string& busy, Lang lang);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  FileLock() = default;
  int fd_ = -1;
};

}  // namespace cc
