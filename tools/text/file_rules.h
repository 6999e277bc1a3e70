#pragma once
// File rules: text rules that need more than one string value — whitespace at line
// ends (over the raw file, comments included) and unit spellings that differ within
// one file (mL / ml, μg / ug / mcg, ℃ / °C).
#include <string>
#include <string_view>
#include <vector>

#include "core/messages.h"
#include "text/text_finding.h"

namespace cc {

// text/trailing-space over the raw file; ranges are file byte offsets.
void check_trailing_space(std::string_view file_text, Lang lang, TextFindings& out);

// One unit written in one spelling at one place of one value.
struct UnitMention {
  size_t value_index = 0;  // which of the values passed in
  size_t begin = 0, end = 0;
  std::string unit;      // the unit's canonical name: "mL", "μg", "℃"
  std::string spelling;  // as written
};

// All unit mentions of `values` that belong to a unit with several spellings.
std::vector<UnitMention> find_unit_mentions(const std::vector<std::string_view>& values);

// text/unit-spelling: for each unit written in more than one way in the file, the
// mentions that differ from its most common spelling (ties: the first seen), as
// findings on their value (the caller maps value_index back).
std::vector<std::pair<size_t, TextFinding>> check_unit_spelling(const std::vector<std::string_view>& values, Lang lang);

}  // namespace cc
