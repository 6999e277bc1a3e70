#pragma once
// Suggest: "did you mean" for misspelt keys and labels, by edit distance over code
// points so a one-character slip in a Chinese label is as close as one in English.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

// Levenshtein distance between two UTF-8 strings, counted in code points.
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `value`, if it is close enough to be a plausible slip
// (distance at most about a third of the longer string, or one string contains the
// other). Comparison ignores ASCII case.
std::optional<std::string> nearest(std::string_view value, const std::vector<std::string>& candidates);

}  // namespace cc
