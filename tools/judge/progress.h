#pragma once
// Progress: how far a run is, on stderr — one line redrawn in place on a terminal, a
// plain line every 10 seconds otherwise (logs, CI), nothing when quiet.
#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace cc::judge {

// The counters a run keeps; the progress line and the manifest read them.
struct RunCounters {
  size_t total = 0;           // calls this batch needs
  size_t from_cache = 0;      // answered by the cache
  size_t answered = 0;        // answered by the endpoint in this run
  size_t failed = 0;          // given up after their retries
  size_t retries = 0;         // attempts beyond the first
  int64_t prompt_tokens = 0;  // of answers received in this run
  int64_t completion_tokens = 0;
  double cost = 0;  // of answers received in this run
  size_t done() const { return from_cache + answered + failed; }
};

class Progress {
 public:
  enum class Style { Quiet, Redraw, Periodic };
  // Redraw on a terminal, Periodic otherwise, Quiet when `quiet`.
  static Style style_for(int fd, bool quiet);
  Progress(std::ostream& out, Style style, std::string label);
  // Shows `c` if it is time to (at most 10 redraws a second; every 10 s when periodic).
  void update(const RunCounters& c);
  // Shows the final figures and ends the line.
  void finish(const RunCounters& c);

 private:
  std::string line(const RunCounters& c) const;
  std::ostream& out_;
  Style style_;
  std::string label_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
  bool shown_ = false;
};

}  // namespace cc::judge
