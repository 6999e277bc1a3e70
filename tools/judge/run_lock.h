#pragma once
// Run locks: one writer per output folder. generate, judge and eval take an exclusive
// lock on DIR/.lock (flock) for the whole run, so a second copy started on the same
// folder is refused at once instead of interleaving its files with the first's. The
// kernel drops the lock when the process dies, so a killed run never leaves it stale.
#include <memory>
#include <string>

#include "core/result.h"

namespace cc::judge {

class RunLock {
 public:
  // Creates `dir` when missing and locks it. Error (kind Usage) when another process
  // holds the lock (its pid is named) or the folder cannot be created.
  static Result<std::unique_ptr<RunLock>> acquire(const std::string& dir);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

 private:
  RunLock() = default;
  int fd_ = -1;
};

}  // namespace cc::judge
