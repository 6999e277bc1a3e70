#include "text/file_rules.h"

#include <algorithm>
#include <map>

#include "text/char_class.h"

namespace cc {

void check_trailing_space(std::string_view t, Lang lang, TextFindings& out) {
  size_t line_start = 0;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i < t.size() && t[i] != '\n') continue;
    size_t end = i;
    if (end > line_start && t[end - 1] == '\r') --end;  // a CRLF line ending is not trailing space
    size_t b = end;
    while (b > line_start && (t[b - 1] == ' ' || t[b - 1] == '\t')) --b;
    if (b < end) {
      TextFinding f;
      f.rule = "text/trailing-space";
      f.severity = Severity::Warning;
      f.begin = b;
      f.end = end;
      f.replacement = "";
      f.message = message(lang, "text/trailing-space");
      out.push_back(std::move(f));
    }
    line_start = i + 1;
  }
}

namespace {

// Spellings of units that clinicians write in several ways; the first is the canonical name.
struct UnitSpellings {
  const char* unit;
  std::vector<const char*> spellings;
};

const std::vector<UnitSpellings>& unit_table() {
  static const std::vector<UnitSpellings> table = {
      {"mL", {"mL", "ml"}},
      {"μg", {"μg", "µg", "ug", "mcg"}},
      {"℃", {"℃", "°C"}},
      {"dL", {"dL", "dl"}},
  };
  return table;
}

bool latin_letter_at(std::string_view v, size_t i) {
  return i < v.size() && text::is_ascii_alpha(static_cast<unsigned char>(v[i]));
}

}  // namespace

std::vector<UnitMention> find_unit_mentions(const std::vector<std::string_view>& values) {
  std::vector<UnitMention> out;
  for (size_t vi = 0; vi < values.size(); ++vi) {
    std::string_view v = values[vi];
    for (const auto& u : unit_table()) {
      for (const char* s : u.spellings) {
        std::string_view sp(s);
        for (size_t at = v.find(sp); at != std::string_view::npos; at = v.find(sp, at + sp.size())) {
          // A unit is its own token: not inside a Latin word (html, drug, mcgill).
          bool ascii_start = text::is_ascii_alpha(static_cast<unsigned char>(sp[0]));
          bool ascii_end = text::is_ascii_alpha(static_cast<unsigned char>(sp.back()));
          if (ascii_start && at > 0 && latin_letter_at(v, at - 1)) continue;
          if (ascii_end && latin_letter_at(v, at + sp.size())) continue;
          // "ml" inside "mmol" cannot happen; "mL" after "m" (mmL) is not a unit.
          out.push_back(UnitMention{vi, at, at + sp.size(), u.unit, std::string(sp)});
        }
      }
    }
  }
  return out;
}

std::vector<std::pair<size_t, TextFinding>> check_unit_spelling(const std::vector<std::string_view>& values,
                                                                Lang lang) {
  std::vector<std::pair<size_t, TextFinding>> out;
  std::vector<UnitMention> mentions = find_unit_mentions(values);
  // "First seen" is text order: by value (the caller passes them in file order), then offset.
  std::sort(mentions.begin(), mentions.end(), [](const UnitMention& a, const UnitMention& b) {
    return a.value_index != b.value_index ? a.value_index < b.value_index : a.begin < b.begin;
  });
  std::map<std::string, std::vector<const UnitMention*>> by_unit;
  for (const auto& m : mentions) by_unit[m.unit].push_back(&m);
  for (const auto& [unit, list] : by_unit) {
    std::map<std::string, int> counts;
    std::vector<std::string> order;
    for (const auto* m : list)
      if (counts[m->spelling]++ == 0) order.push_back(m->spelling);
    if (counts.size() < 2) continue;
    std::string common = order.front();
    for (const auto& s : order)
      if (counts[s] > counts[common]) common = s;
    for (const auto* m : list) {
      if (m->spelling == common) continue;
      TextFinding f;
      f.rule = "text/unit-spelling";
      f.severity = Severity::Warning;
      f.begin = m->begin;
      f.end = m->end;
      f.message = message(lang, "text/unit-spelling", {{"text", m->spelling}, {"other", common}});
      out.emplace_back(m->value_index, std::move(f));
    }
  }
  return out;
}

}  // namespace cc
