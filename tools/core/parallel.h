#pragma once
// Parallel loops: tasks 0..n-1 handed out in order to a few threads.
// Each task writes only its own slot of a result vector, so the outcome never depends on
// the number of threads or on timing.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace cc {

// Threads to use: `requested`, or one per core when 0; never more than `tasks`.
inline unsigned worker_count(unsigned requested, size_t tasks) {
  unsigned t = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(t, tasks)));
}

// Runs task(i) for every i in [0, n). When a thread cannot be started the remaining work
// runs on the calling thread. An exception from a task (in practice std::bad_alloc) stops
// the handing out of work and is rethrown on the calling thread once every thread is done.
template <class Task>
void parallel_for(size_t n, unsigned threads, const Task& task) {
  if (n == 0) return;
  std::atomic<size_t> next{0};
  std::mutex failed_mutex;
  std::exception_ptr failed;
  auto worker = [&] {
    for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < n;) {
      try {
        task(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(failed_mutex);
        if (!failed) failed = std::current_exception();
        next.store(n);
      }
    }
  };
  std::vector<std::thread> pool;
  unsigned t = worker_count(threads, n);
  for (unsigned k = 1; k < t; ++k) {
    try {
      pool.emplace_back(worker);
    } catch (...) {
      break;  // no more threads: the others and this one finish the work
    }
  }
  worker();
  for (auto& th : pool) th.join();
  if (failed) std::rethrow_exception(failed);
}

}  // namespace cc
