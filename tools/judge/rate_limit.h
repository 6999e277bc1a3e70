#pragma once
// Rate limits: a token bucket per limit (requests per minute, tokens per minute). A
// bucket holds at most one minute's allowance and refills continuously, so a run starts
// at full speed and its long-run rate never exceeds the limit. It is not a sliding
// window: any minute sees at most the limit plus what the bucket held as it began, so up
// to twice the limit in the minute after an idle spell (such as a run's first minute),
// and the limit plus at most one request once steady demand keeps the bucket near
// empty. A server counting strictly per minute answers such an excess with 429, which
// is retried.
#include <chrono>

namespace cc::judge {

using Clock = std::chrono::steady_clock;

class TokenBucket {
 public:
  // `per_minute` <= 0: no limit (every take succeeds at once).
  explicit TokenBucket(double per_minute, Clock::time_point now = Clock::now());
  bool unlimited() const { return per_minute_ <= 0; }
  // Seconds until `amount` can be taken (0 when it can be now). An amount larger than
  // the capacity waits for a full bucket, so one big request is never refused forever.
  double wait_seconds(double amount, Clock::time_point now);
  // Takes `amount` (the level may go below zero for an amount over the capacity, or when
  // a correction is charged later).
  void take(double amount, Clock::time_point now);
  // Gives back (negative: charges) the difference between an estimate and what was used.
  void adjust(double amount, Clock::time_point now);

 private:
  void refill(Clock::time_point now);
  double per_minute_;
  double level_;
  Clock::time_point last_;
};

}  // namespace cc::judge
