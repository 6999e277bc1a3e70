#include "checks/schema_detail.h"

#include <string_view>

namespace cc {
namespace {

// valijson's numbers come from std::to_string ("1.000000"): without the zero tail.
std::string plain_number(std::string_view s) {
  size_t end = s.find_first_not_of("-+0123456789.eE");
  std::string n(s.substr(0, end));
  if (n.find('.') != std::string::npos && n.find_first_of("eE") == std::string::npos) {
    while (!n.empty() && n.back() == '0') n.pop_back();
    if (!n.empty() && n.back() == '.') n.pop_back();
  }
  return n;
}

// The text between the first pair of single quotes.
std::string quoted(std::string_view s) {
  size_t open = s.find('\'');
  size_t close = open == std::string_view::npos ? open : s.find('\'', open + 1);
  return close == std::string_view::npos ? "" : std::string(s.substr(open + 1, close - open - 1));
}

// One valijson description, by its opening words, and the catalog entry saying it.
struct Known {
  std::string_view prefix;
  std::string_view id;
};

// Longer prefixes first where one opens another ("greater than or equal to" before
// "greater than").
constexpr Known kRange[] = {
    {"Expected number greater than or equal to ", "schema/detail.minimum"},
    {"Expected number greater than ", "schema/detail.exclusive-minimum"},
    {"Expected number less than or equal to ", "schema/detail.maximum"},
    {"Expected number less than ", "schema/detail.exclusive-maximum"},
};

constexpr Known kInvalid[] = {
    {"Value should be a multiple of ", "schema/detail.multiple-of"},
    {"Object should have no fewer than ", "schema/detail.min-properties"},
    {"Object should have no more than ", "schema/detail.max-properties"},
    {"Failed to match expected value set by 'const'", "schema/detail.const"},
    {"Target value and comparison value are not equal", "schema/detail.const"},
    {"Failed to validate against any schemas allowed by anyOf", "schema/detail.any-of"},
    {"Failed to validate against exactly one child schema", "schema/detail.one-of"},
    {"Failed to validate against any ", "schema/detail.one-of"},
    {"Failed to validate against a conditional schema", "schema/detail.if-then-else"},
    {"Missing dependency '", "schema/detail.dependency"},
    {"Array contains more items than allowed", "schema/detail.additional-items"},
    {"Failed to any values against subschema in 'contains'", "schema/detail.contains"},
};

std::string say(const Known& k, const std::string& d, Lang lang) {
  std::string rest = d.substr(k.prefix.size());
  return message(lang, k.id, {{"n", plain_number(rest)}, {"name", quoted(d)}});
}

}  // namespace

std::string range_detail(const std::string& d, Lang lang) {
  for (const auto& k : kRange)
    if (std::string_view(d).starts_with(k.prefix)) return say(k, d, lang);
  return invalid_detail(d, lang);
}

std::string invalid_detail(const std::string& d, Lang lang) {
  for (const auto& k : kInvalid)
    if (std::string_view(d).starts_with(k.prefix)) return say(k, d, lang);
  return d;
}

}  // namespace cc
