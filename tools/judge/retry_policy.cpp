#include "judge/retry_policy.h"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace cc::judge {

Disposition classify_status(long http_status) {
  if (http_status >= 200 && http_status <= 299) return Disposition::Success;
  // Timeout, conflict and rate limit: the same request can succeed later.
  if (http_status == 408 || http_status == 409 || http_status == 429) return Disposition::Retry;
  // Any other 4xx says the request itself (or the key) is wrong; repeating it 75,000
  // times would only spend the quota.
  if (http_status >= 400 && http_status <= 499) return Disposition::Refuse;
  // 0 (no response), 5xx, and the 1xx/3xx or nonstandard codes a misbehaving proxy may
  // answer with: none of them says the request is wrong, so another attempt is fair.
  return Disposition::Retry;
}

double backoff_seconds(int retry, std::mt19937_64& rng, double base_s, double cap_s) {
  int exponent = std::max(retry, 1) - 1;
  // ldexp saturates to infinity rather than overflowing, and the cap then applies.
  double ceiling = std::min(cap_s, std::ldexp(base_s, exponent));
  if (!(ceiling > 0)) return 0;
  // Full jitter: clients that failed together spread out over the whole interval
  // instead of retrying in lockstep.
  return std::uniform_real_distribution<double>(0.0, ceiling)(rng);
}

namespace {

std::string_view trim(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// delta-seconds: digits, optionally a point and more digits. Signs, exponents, "inf" and
// "nan" are refused, which from_chars alone would accept.
std::optional<double> parse_seconds(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == 0) return std::nullopt;
  if (i < s.size()) {
    if (s[i] != '.' || i + 1 == s.size()) return std::nullopt;
    for (size_t j = i + 1; j < s.size(); ++j)
      if (!is_digit(s[j])) return std::nullopt;
  }
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

std::optional<double> parse_retry_after(std::string_view value, std::time_t now) {
  std::string_view v = trim(value);
  if (v.empty()) return std::nullopt;
  if (is_digit(v.front())) {
    if (auto seconds = parse_seconds(v)) return seconds;
  }
  // curl_getdate reads the three date forms HTTP allows (IMF-fixdate, RFC 850, asctime)
  // and returns -1 for anything else.
  std::string text(v);
  std::time_t when = curl_getdate(text.c_str(), nullptr);
  if (when == -1) return std::nullopt;
  return std::max(0.0, std::difftime(when, now));
}

}  // namespace cc::judge
