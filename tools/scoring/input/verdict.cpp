#include "scoring/input/verdict.h"

#include <array>
#include <cctype>

namespace cc::scoring {

std::optional<bool> verdict_from_text(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (text.size() > 8) return std::nullopt;
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::array<std::string_view, 4> kTrue = {"true", "1", "yes", "met"};
  static constexpr std::array<std::string_view, 6> kFalse = {"false", "0", "no", "not met", "not_met", "unmet"};
  for (auto t : kTrue)
    if (lower == t) return true;
  for (auto f : kFalse)
    if (lower == f) return false;
  return std::nullopt;
}

uint32_t FileVerdicts::intern(std::string_view name) {
  for (size_t i = names.size(); i-- > 0;)
    if (names[i] == name) return static_cast<uint32_t>(i);
  names.emplace_back(name);
  return static_cast<uint32_t>(names.size() - 1);
}

uint32_t FileVerdicts::source(std::string_view model, std::string_view judge) {
  uint32_t m = intern(model), j = intern(judge);
  for (size_t i = sources.size(); i-- > 0;)
    if (sources[i].first == m && sources[i].second == j) return static_cast<uint32_t>(i);
  sources.emplace_back(m, j);
  return static_cast<uint32_t>(sources.size() - 1);
}

std::string model_from_file_name(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  constexpr std::string_view kSuffix = "_judge";
  if (name.size() > kSuffix.size() && name.substr(name.size() - kSuffix.size()) == kSuffix)
    name.remove_suffix(kSuffix.size());
  return std::string(name);
}

}  // namespace cc::scoring
