#include "release/semver.h"

#include <charconv>

namespace cc {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// A numeric part: digits, no leading zero (except "0" itself).
std::optional<unsigned long> number(std::string_view s) {
  if (!all_digits(s) || (s.size() > 1 && s[0] == '0')) return std::nullopt;
  unsigned long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t at = s.find(sep, pos);
    out.push_back(s.substr(pos, at == std::string_view::npos ? std::string_view::npos : at - pos));
    if (at == std::string_view::npos) break;
    pos = at + 1;
  }
  return out;
}

bool identifier_ok(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-") ==
                           std::string_view::npos;
}

}  // namespace

std::string SemVer::str() const {
  std::string s = std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
  for (size_t i = 0; i < prerelease.size(); ++i) s += (i ? "." : "-") + prerelease[i];
  if (!build.empty()) s += "+" + build;
  return s;
}

std::optional<SemVer> parse_semver(std::string_view text) {
  if (!text.empty() && text[0] == 'v') text.remove_prefix(1);
  SemVer v;
  if (size_t plus = text.find('+'); plus != std::string_view::npos) {
    v.build = std::string(text.substr(plus + 1));
    for (auto id : split(v.build, '.'))
      if (!identifier_ok(id)) return std::nullopt;
    text = text.substr(0, plus);
  }
  if (size_t dash = text.find('-'); dash != std::string_view::npos) {
    for (auto id : split(text.substr(dash + 1), '.')) {
      if (!identifier_ok(id) || (all_digits(id) && id.size() > 1 && id[0] == '0')) return std::nullopt;
      v.prerelease.emplace_back(id);
    }
    text = text.substr(0, dash);
  }
  auto parts = split(text, '.');
  if (parts.size() != 3) return std::nullopt;
  auto a = number(parts[0]), b = number(parts[1]), c = number(parts[2]);
  if (!a || !b || !c) return std::nullopt;
  v.major = *a;
  v.minor = *b;
  v.patch = *c;
  return v;
}

int compare_semver(const SemVer& a, const SemVer& b) {
  if (a.major != b.major) return a.major < b.major ? -1 : 1;
  if (a.minor != b.minor) return a.minor < b.minor ? -1 : 1;
  if (a.patch != b.patch) return a.patch < b.patch ? -1 : 1;
  // A pre-release sorts before its release.
  if (a.prerelease.empty() != b.prerelease.empty()) return a.prerelease.empty() ? 1 : -1;
  for (size_t i = 0; i < a.prerelease.size() && i < b.prerelease.size(); ++i) {
    const std::string &x = a.prerelease[i], &y = b.prerelease[i];
    if (x == y) continue;
    bool nx = all_digits(x), ny = all_digits(y);
    if (nx && ny) {
      if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
      return x < y ? -1 : 1;
    }
    if (nx != ny) return nx ? -1 : 1;  // numeric identifiers sort first
    return x < y ? -1 : 1;
  }
  if (a.prerelease.size() != b.prerelease.size()) return a.prerelease.size() < b.prerelease.size() ? -1 : 1;
  return 0;
}

}  // namespace cc
