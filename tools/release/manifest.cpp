#include "release/manifest.h"

#include "core/sha256.h"

namespace cc {

Manifest manifest_of(const std::map<std::string, std::string>& files) {
  Manifest m;
  for (const auto& [name, bytes] : files) m.emplace(name, sha256_hex(bytes));
  return m;
}

std::string manifest_text(const Manifest& m) {
  std::string s;
  for (const auto& [name, hex] : m) s += hex + "  " + name + "\n";
  return s;
}

std::optional<Manifest> parse_manifest(std::string_view text) {
  Manifest m;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    if (line.empty()) continue;
    if (line.size() < 67 || line.substr(64, 2) != "  ") return std::nullopt;
    std::string_view hex = line.substr(0, 64);
    if (hex.find_first_not_of("0123456789abcdef") != std::string_view::npos) return std::nullopt;
    m.emplace(std::string(line.substr(66)), std::string(hex));
  }
  return m;
}

}  // namespace cc
