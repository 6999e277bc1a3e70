#pragma once
// Compile-time checks of a message table, as ccache checks its tables with static_assert:
// every id unique, both languages written, and the same placeholders in both (a "{name}"
// the Chinese text lacks would silently drop what the English says). Used on the one
// catalog of findings and on each library's report-text table.
#include <cstddef>
#include <span>
#include <string_view>

#include "core/messages.h"

namespace cc::messages {

constexpr bool is_placeholder_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The placeholder name that starts at `t[i]` ('{'), or empty: "{name}" and the argument of
// an ICU "{name, plural, …}" count; braces around other text ("an unclosed '{'") do not.
constexpr std::string_view placeholder_at(std::string_view t, size_t i) {
  size_t j = i + 1;
  while (j < t.size() && is_placeholder_char(t[j])) ++j;
  if (j == i + 1 || j >= t.size() || (t[j] != '}' && t[j] != ',')) return {};
  return t.substr(i + 1, j - i - 1);
}

constexpr bool has_placeholder(std::string_view t, std::string_view name) {
  for (size_t i = 0; i < t.size(); ++i)
    if (t[i] == '{' && placeholder_at(t, i) == name) return true;
  return false;
}

// Whether every placeholder of `a` is also in `b`. A name ending in "_en" is English-only
// text (a schema's description, written in English) that the Chinese text leaves out on
// purpose; the suffix says so where the template is written.
constexpr bool placeholders_in(std::string_view a, std::string_view b) {
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] == '{') {
      std::string_view name = placeholder_at(a, i);
      if (name.size() > 3 && name.substr(name.size() - 3) == "_en") continue;
      if (!name.empty() && !has_placeholder(b, name)) return false;
    }
  return true;
}

// The first entry of `table` that breaks a rule, or table.size() when none does.
constexpr size_t first_bad_entry(std::span<const MessageEntry> table) {
  for (size_t i = 0; i < table.size(); ++i) {
    const MessageEntry& e = table[i];
    if (e.id.empty() || e.en.empty() || e.zh.empty()) return i;
    if (!placeholders_in(e.en, e.zh) || !placeholders_in(e.zh, e.en)) return i;
    for (size_t j = i + 1; j < table.size(); ++j)
      if (table[j].id == e.id) return j;
  }
  return table.size();
}

constexpr bool well_formed(std::span<const MessageEntry> table) { return first_bad_entry(table) == table.size(); }

}  // namespace cc::messages
