#include <catch2/catch.hpp>

#include <vector>

#include "judge/rate_limit.h"

using namespace cc::judge;

namespace {

const Clock::time_point kStart{};

Clock::time_point at(double seconds) {
  return kStart + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

// A client that sends `amount` as soon as the bucket allows, for `minutes` of simulated
// time; returns the send times.
std::vector<double> greedy_schedule(double per_minute, double amount, double minutes) {
  TokenBucket bucket(per_minute, at(0));
  std::vector<double> sent;
  double t = 0;
  while (true) {
    t += bucket.wait_seconds(amount, at(t));
    if (t >= minutes * 60) break;
    bucket.take(amount, at(t));
    sent.push_back(t);
  }
  return sent;
}

// The most sends in any minute [s, s + 60) with s a send time at or after `from`.
size_t busiest_minute(const std::vector<double>& sent, double from) {
  size_t most = 0;
  for (size_t i = 0; i < sent.size(); ++i) {
    if (sent[i] < from) continue;
    size_t j = i;
    while (j < sent.size() && sent[j] < sent[i] + 60) ++j;
    most = std::max(most, j - i);
  }
  return most;
}

}  // namespace

TEST_CASE("rate limit: a new bucket holds one minute's allowance", "[judge][rate_limit]") {
  TokenBucket bucket(60, at(0));
  CHECK_FALSE(bucket.unlimited());
  CHECK(bucket.wait_seconds(60, at(0)) == 0);
  bucket.take(60, at(0));
  // Empty now: one more waits for a second's refill at one per second.
  CHECK(bucket.wait_seconds(1, at(0)) == Approx(1.0));
  CHECK(bucket.wait_seconds(0, at(0)) == 0);
}

TEST_CASE("rate limit: the bucket refills continuously up to its capacity", "[judge][rate_limit]") {
  TokenBucket bucket(120, at(0));  // two per second
  bucket.take(120, at(0));
  CHECK(bucket.wait_seconds(20, at(10)) == 0);
  CHECK(bucket.wait_seconds(21, at(10)) == Approx(0.5));
  bucket.take(20, at(10));
  CHECK(bucket.wait_seconds(1, at(10)) == Approx(0.5));

  SECTION("an idle spell never fills it beyond one minute's allowance") {
    CHECK(bucket.wait_seconds(120, at(600)) == 0);
    bucket.take(120, at(600));
    CHECK(bucket.wait_seconds(1, at(600)) == Approx(0.5));
  }
  SECTION("a time point earlier than the last one adds nothing") {
    CHECK(bucket.wait_seconds(1, at(5)) == Approx(0.5));
    CHECK(bucket.wait_seconds(1, at(10.5)) == Approx(0.0).margin(1e-9));
  }
}

// A token bucket is not a sliding window (see rate_limit.h): a minute may see the limit
// plus what the bucket held when it began. These check exactly that bound.
TEST_CASE("rate limit: a greedy client stays within the limit per minute", "[judge][rate_limit]") {
  const double per_minute = 100;
  std::vector<double> sent = greedy_schedule(per_minute, 1, 10);

  // The first minute starts with a full bucket and also gets a minute's refill.
  CHECK(busiest_minute(sent, 0) <= 2 * per_minute);
  // Every later minute starts with the bucket drained to about one request, so it holds
  // the limit plus at most that one.
  CHECK(busiest_minute(sent, 1e-9) <= per_minute + 1);
  CHECK(busiest_minute(sent, 1e-9) >= per_minute - 1);  // and the client does use it
  // Over ten minutes: the bucket plus ten minutes' refill, no more.
  CHECK(sent.size() <= 11 * per_minute);
  CHECK(sent.size() >= 11 * per_minute - 1);
}

TEST_CASE("rate limit: token amounts of different sizes stay within the limit", "[judge][rate_limit]") {
  const double per_minute = 10000, largest = 2000;
  TokenBucket bucket(per_minute, at(0));
  std::vector<std::pair<double, double>> sent;  // time, tokens used
  double t = 0;
  for (int i = 0; t < 600; ++i) {
    double estimate = 300 + (i * 7919) % 1700;
    t += bucket.wait_seconds(estimate, at(t));
    if (t >= 600) break;
    bucket.take(estimate, at(t));
    // The server used a tenth less than estimated; the difference comes back later.
    bucket.adjust(estimate * 0.1, at(t + 0.5));
    sent.emplace_back(t, estimate * 0.9);
  }
  double total = 0;
  for (size_t i = 0; i < sent.size(); ++i) {
    total += sent[i].second;
    double used = 0;
    for (size_t j = i; j < sent.size() && sent[j].first < sent[i].first + 60; ++j) used += sent[j].second;
    INFO("minute from " << sent[i].first << " s");
    CHECK(used <= 2 * per_minute);
    // Once the starting bucket has been spent, a minute holds at most one request more.
    if (sent[i].first >= 60) CHECK(used <= per_minute + largest);
  }
  CHECK(total <= 11 * per_minute);
  CHECK(total >= 10 * per_minute);
}

TEST_CASE("rate limit: an amount over the capacity waits for a full bucket", "[judge][rate_limit]") {
  TokenBucket bucket(10, at(0));  // one every 6 s
  bucket.take(5, at(0));
  // Never refused forever: it waits until the bucket is full again.
  CHECK(bucket.wait_seconds(25, at(0)) == Approx(30.0));
  CHECK(bucket.wait_seconds(25, at(30)) == 0);
  bucket.take(25, at(30));
  // The level is now 15 below zero, so the next one waits for 16 tokens' refill.
  CHECK(bucket.wait_seconds(1, at(30)) == Approx(96.0));
}

TEST_CASE("rate limit: adjust gives back and charges the difference", "[judge][rate_limit]") {
  TokenBucket bucket(60, at(0));
  bucket.take(60, at(0));
  bucket.adjust(30, at(0));
  CHECK(bucket.wait_seconds(30, at(0)) == 0);
  bucket.adjust(-40, at(0));
  CHECK(bucket.wait_seconds(1, at(0)) == Approx(11.0));
  // Giving back never fills the bucket beyond its capacity.
  bucket.adjust(1000, at(0));
  CHECK(bucket.wait_seconds(60, at(0)) == 0);
  bucket.take(60, at(0));
  CHECK(bucket.wait_seconds(1, at(0)) == Approx(1.0));
}

TEST_CASE("rate limit: zero or a negative limit means no limit", "[judge][rate_limit]") {
  for (double per_minute : {0.0, -5.0}) {
    TokenBucket bucket(per_minute, at(0));
    CHECK(bucket.unlimited());
    for (int i = 0; i < 1000; ++i) bucket.take(1e6, at(0));
    bucket.adjust(-1e9, at(0));
    CHECK(bucket.wait_seconds(1e9, at(0)) == 0);
  }
}
