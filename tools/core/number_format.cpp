#include "core/number_format.h"

#include <charconv>
#include <cmath>

namespace cc {

std::string format_fixed(double v, int decimals) {
  if (!std::isfinite(v)) return "–";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  std::string s(buf, res.ptr);
  if (s.size() > 1 && s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

std::string format_fixed(const std::optional<double>& v, int decimals) { return v ? format_fixed(*v, decimals) : "–"; }

}  // namespace cc
