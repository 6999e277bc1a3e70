#pragma once
// TextFinding: one finding of a text or privacy rule inside one string value, as a byte
// range of that value. The validate pipeline maps the range to the file's line and
// column; `fix` applies the replacement when the rule offers a safe one.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace cc {

struct TextFinding {
  std::string rule;                     // "text/nfc", "pii/id-card", ...
  Severity severity = Severity::Error;  // the rule's default; config may change it
  size_t begin = 0;                     // byte range [begin, end) in the value
  size_t end = 0;
  std::string message;                     // localized, says what is wrong and what to do
  std::optional<std::string> replacement;  // a safe fix: the bytes to put in the range
};

using TextFindings = std::vector<TextFinding>;

}  // namespace cc
