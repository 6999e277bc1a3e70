#include "core/suggest.h"

#include <algorithm>

namespace cc {
namespace {

std::u32string decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    size_t len;
    if (c < 0x80)
      cp = c, len = 1;
    else if ((c >> 5) == 0x6)
      cp = c & 0x1F, len = 2;
    else if ((c >> 4) == 0xE)
      cp = c & 0x0F, len = 3;
    else
      cp = c & 0x07, len = 4;
    for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    if (cp < 0x80) cp = static_cast<char32_t>(std::tolower(static_cast<int>(cp)));
    out.push_back(cp);
    i += len;
  }
  return out;
}

size_t distance(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

size_t edit_distance(std::string_view a, std::string_view b) { return distance(decode(a), decode(b)); }

std::optional<std::string> nearest(std::string_view value, const std::vector<std::string>& candidates) {
  const std::u32string v = decode(value);
  if (v.empty()) return std::nullopt;
  std::optional<std::string> best;
  size_t best_score = SIZE_MAX;
  for (const auto& cand : candidates) {
    const std::u32string c = decode(cand);
    size_t d = distance(v, c);
    size_t longer = std::max(v.size(), c.size());
    bool contained =
        c.size() >= 2 && v.size() >= 2 && (c.find(v) != std::u32string::npos || v.find(c) != std::u32string::npos);
    bool close = d * 3 <= longer + 1 || contained;
    if (close && d < best_score) {
      best_score = d;
      best = cand;
    }
  }
  return best;
}

}  // namespace cc
