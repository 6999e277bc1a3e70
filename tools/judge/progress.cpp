#include "judge/progress.h"

#include <unistd.h>

#include <cstdio>
#include <ostream>

namespace cc::judge {

Progress::Style Progress::style_for(int fd, bool quiet) {
  if (quiet) return Style::Quiet;
  return isatty(fd) ? Style::Redraw : Style::Periodic;
}

Progress::Progress(std::ostream& out, Style style, std::string label)
    : out_(out), style_(style), label_(std::move(label)) {}

std::string Progress::line(const RunCounters& c) const {
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double rate = elapsed > 0 ? (c.answered + c.failed) / elapsed : 0;
  size_t left = c.total > c.done() ? c.total - c.done() : 0;
  char eta[32] = "-";
  if (rate > 0 && left > 0) {
    long s = static_cast<long>(left / rate);
    std::snprintf(eta, sizeof eta, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else if (left == 0) {
    std::snprintf(eta, sizeof eta, "0:00:00");
  }
  char buf[320];
  std::snprintf(buf, sizeof buf,
                "%s: %zu/%zu done (%zu cached), %.1f calls/s, ETA %s, tokens %lld in / %lld out, cost %.4f, "
                "retries %zu, errors %zu",
                label_.c_str(), c.done(), c.total, c.from_cache, rate, eta, static_cast<long long>(c.prompt_tokens),
                static_cast<long long>(c.completion_tokens), c.cost, c.retries, c.failed);
  return buf;
}

void Progress::update(const RunCounters& c) {
  if (style_ == Style::Quiet) return;
  auto now = std::chrono::steady_clock::now();
  auto every = style_ == Style::Redraw ? std::chrono::milliseconds(100) : std::chrono::milliseconds(10000);
  if (shown_ && now - last_ < every) return;
  if (!shown_ && style_ == Style::Periodic && now - start_ < every) return;
  last_ = now;
  shown_ = true;
  if (style_ == Style::Redraw)
    out_ << "\r\033[K" << line(c) << std::flush;
  else
    out_ << line(c) << '\n' << std::flush;
}

void Progress::finish(const RunCounters& c) {
  if (style_ == Style::Quiet) return;
  if (style_ == Style::Redraw) out_ << "\r\033[K";
  out_ << line(c) << '\n' << std::flush;
}

}  // namespace cc::judge
