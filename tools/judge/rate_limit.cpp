#include "judge/rate_limit.h"

#include <algorithm>

namespace cc::judge {

namespace {

double seconds_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

}  // namespace

// A run starts with a full bucket: nothing has been sent in the minute before it.
TokenBucket::TokenBucket(double per_minute, Clock::time_point now)
    : per_minute_(per_minute), level_(per_minute > 0 ? per_minute : 0), last_(now) {}

void TokenBucket::refill(Clock::time_point now) {
  // A time point older than the last one adds nothing: the level never goes back in time.
  if (now <= last_) return;
  level_ = std::min(per_minute_, level_ + seconds_between(last_, now) * per_minute_ / 60.0);
  last_ = now;
}

double TokenBucket::wait_seconds(double amount, Clock::time_point now) {
  if (unlimited() || amount <= 0) return 0;
  refill(now);
  // The bucket never holds more than its capacity, so a larger amount waits for a full
  // one and then drives the level below zero.
  double need = std::min(amount, per_minute_);
  if (level_ >= need) return 0;
  return (need - level_) * 60.0 / per_minute_;
}

void TokenBucket::take(double amount, Clock::time_point now) {
  if (unlimited()) return;
  refill(now);
  level_ -= amount;
}

void TokenBucket::adjust(double amount, Clock::time_point now) {
  if (unlimited()) return;
  refill(now);
  level_ = std::min(per_minute_, level_ + amount);
}

}  // namespace cc::judge
