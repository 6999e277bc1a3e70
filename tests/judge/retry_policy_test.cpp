#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "judge/retry_policy.h"

using namespace cc::judge;

TEST_CASE("retry policy: status classes", "[judge][retry]") {
  for (long s : {200L, 201L, 204L, 299L}) {
    INFO(s);
    CHECK(classify_status(s) == Disposition::Success);
  }
  for (long s : {0L, 408L, 409L, 429L, 500L, 502L, 503L, 504L, 599L}) {
    INFO(s);
    CHECK(classify_status(s) == Disposition::Retry);
  }
  for (long s : {400L, 401L, 403L, 404L, 405L, 413L, 422L, 451L, 499L}) {
    INFO(s);
    CHECK(classify_status(s) == Disposition::Refuse);
  }
  // A proxy's informational or redirect answer says nothing against the request.
  for (long s : {100L, 101L, 301L, 302L, 304L, 307L}) {
    INFO(s);
    CHECK(classify_status(s) == Disposition::Retry);
  }
}

TEST_CASE("retry policy: backoff stays within its exponential bound", "[judge][retry]") {
  std::mt19937_64 rng(20240601);
  for (int retry = 1; retry <= 12; ++retry) {
    double bound = std::min(60.0, std::ldexp(1.0, retry - 1));
    double lo = bound, hi = 0;
    for (int i = 0; i < 2000; ++i) {
      double s = backoff_seconds(retry, rng);
      REQUIRE(s >= 0);
      REQUIRE(s <= bound);
      lo = std::min(lo, s);
      hi = std::max(hi, s);
    }
    INFO("retry " << retry);
    // Full jitter uses the whole interval, not just its top.
    CHECK(lo < 0.05 * bound);
    CHECK(hi > 0.95 * bound);
  }
}

TEST_CASE("retry policy: the cap holds for any retry number", "[judge][retry]") {
  std::mt19937_64 rng(7);
  for (int retry : {7, 20, 64, 1000, 1 << 30}) {
    for (int i = 0; i < 200; ++i) {
      double s = backoff_seconds(retry, rng, 0.5, 8.0);
      REQUIRE(std::isfinite(s));
      REQUIRE(s >= 0);
      REQUIRE(s <= 8.0);
    }
  }
  // A retry number below 1 counts as the first retry.
  for (int retry : {0, -3}) {
    for (int i = 0; i < 200; ++i) REQUIRE(backoff_seconds(retry, rng, 2.0, 60.0) <= 2.0);
  }
  CHECK(backoff_seconds(3, rng, 1.0, 0.0) == 0);
}

TEST_CASE("retry policy: full jitter spreads clients apart", "[judge][retry]") {
  std::mt19937_64 rng(1);
  std::set<double> seen;
  double sum = 0;
  const int n = 1000;
  for (int i = 0; i < n; ++i) {
    double s = backoff_seconds(5, rng);  // uniform over [0, 16]
    seen.insert(s);
    sum += s;
  }
  CHECK(seen.size() > 990);
  CHECK(sum / n == Approx(8.0).epsilon(0.1));
}

TEST_CASE("retry policy: Retry-After in seconds", "[judge][retry]") {
  const std::time_t now = 1700000000;
  CHECK(parse_retry_after("120", now) == 120.0);
  CHECK(parse_retry_after("0", now) == 0.0);
  CHECK(parse_retry_after("  7 ", now) == 7.0);
  CHECK(parse_retry_after("\t3", now) == 3.0);
  CHECK(parse_retry_after("1.5", now) == 1.5);
}

TEST_CASE("retry policy: Retry-After as an HTTP date", "[judge][retry]") {
  const std::time_t date = 1445412480;  // Wed, 21 Oct 2015 07:28:00 GMT
  CHECK(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", date - 30) == 30.0);
  CHECK(parse_retry_after(" Wed, 21 Oct 2015 07:28:00 GMT ", date - 30) == 30.0);
  // The obsolete forms HTTP still asks recipients to read.
  CHECK(parse_retry_after("Wednesday, 21-Oct-15 07:28:00 GMT", date - 5) == 5.0);
  CHECK(parse_retry_after("Wed Oct 21 07:28:00 2015", date - 5) == 5.0);
  SECTION("a date in the past means now") {
    CHECK(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", date + 3600) == 0.0);
    CHECK(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", date) == 0.0);
  }
}

TEST_CASE("retry policy: an unreadable Retry-After is ignored", "[judge][retry]") {
  const std::time_t now = 1700000000;
  for (const char* v : {"", "   ", "soon", "-5", "+5", "1e3", "1.", ".5", "1.2.3", "inf", "nan", "0x10", "12abc",
                        "5 seconds", "Wed, 32 Foo 2015"}) {
    INFO('"' << v << '"');
    CHECK_FALSE(parse_retry_after(v, now).has_value());
  }
}
