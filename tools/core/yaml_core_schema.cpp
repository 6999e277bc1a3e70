#include "core/yaml_core_schema.h"

#include <charconv>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string_view>

namespace cc {
namespace {

bool is_null_plain(const std::string& v) { return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL"; }

std::optional<bool> bool_plain(const std::string& v) {
  if (v == "true" || v == "True" || v == "TRUE") return true;
  if (v == "false" || v == "False" || v == "FALSE") return false;
  return std::nullopt;
}

bool all_of_digits(std::string_view s, int base) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok = base == 8    ? (c >= '0' && c <= '7')
              : base == 16 ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                           : (c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

}  // namespace

nlohmann::json resolve_plain_scalar(const std::string& v) {
  if (is_null_plain(v)) return nullptr;
  if (auto b = bool_plain(v)) return *b;
  std::string_view s(v);
  // Integers: decimal with optional sign, 0o octal, 0x hex.
  {
    std::string_view body = s;
    bool negative = false;
    if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
      negative = body[0] == '-';
      body.remove_prefix(1);
    }
    int base = 10;
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
      base = s[1] == 'o' ? 8 : 16;
      body = s.substr(2);
      negative = false;
    }
    if (all_of_digits(body, base)) {
      long long value = 0;
      auto [ptr, ec] = std::from_chars(body.data(), body.data() + body.size(), value, base);
      if (ec == std::errc() && ptr == body.data() + body.size()) return negative ? -value : value;
      return std::strtod(v.c_str(), nullptr);  // too large for 64 bits: keep it as a number
    }
  }
  // Floats: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?, and .inf / .nan.
  {
    std::string_view body = s;
    double sign = 1;
    if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
      sign = body[0] == '-' ? -1 : 1;
      body.remove_prefix(1);
    }
    if (body == ".inf" || body == ".Inf" || body == ".INF") return sign * std::numeric_limits<double>::infinity();
    if (s == ".nan" || s == ".NaN" || s == ".NAN") return std::numeric_limits<double>::quiet_NaN();
    size_t i = 0, int_digits = 0, frac_digits = 0;
    while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) ++i, ++int_digits;
    if (i < body.size() && body[i] == '.') {
      ++i;
      while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) ++i, ++frac_digits;
    }
    bool mantissa_ok = int_digits > 0 || frac_digits > 0;
    if (mantissa_ok && i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
      size_t j = i + 1;
      if (j < body.size() && (body[j] == '-' || body[j] == '+')) ++j;
      size_t exp_digits = 0;
      while (j < body.size() && std::isdigit(static_cast<unsigned char>(body[j]))) ++j, ++exp_digits;
      if (exp_digits == 0) mantissa_ok = false;
      i = j;
    }
    if (mantissa_ok && i == body.size() &&
        (body.find('.') != std::string_view::npos || body.find_first_of("eE") != std::string_view::npos))
      return std::strtod(v.c_str(), nullptr);
  }
  return v;
}

}  // namespace cc
