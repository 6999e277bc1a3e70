#pragma once
// Text rules: checks of the Chinese prose in one string value — Unicode form, invisible
// characters, full-/half-width forms, punctuation, spacing, traditional characters —
// each finding with a safe replacement where one exists. Privacy rules live in
// pii_rules.h; rules over a whole file (unit spellings, trailing space) in file_rules.h.
#include <string_view>

#include <unicode/umachine.h>

#include "core/messages.h"
#include "text/text_finding.h"

namespace cc {

struct TextOptions {
  bool fix_traditional = false;  // offer simplified forms as fixes for text/traditional
};

// Runs every value rule over `value` and appends the findings.
void check_text_value(std::string_view value, const TextOptions& options, Lang lang, TextFindings& out);

// The families, callable on their own (tests, benchmarks).
void check_unicode_form(std::string_view value, Lang lang, TextFindings& out);  // nfc, invisible, fullwidth-alnum
void check_punctuation(std::string_view value, Lang lang, TextFindings& out);   // punct width, quotes, repeats, spaces
void check_traditional(std::string_view value, const TextOptions& options, Lang lang, TextFindings& out);

// text/placeholder: the "（请填写…）" placeholders `clinconsensus new` writes, still in
// the file. An error, or a warning in a draft (`draft`), so a skeleton can be committed
// as a draft but never approved or released with its blanks.
void check_placeholder(std::string_view value, bool draft, Lang lang, TextFindings& out);

// The simplified form of a traditional ideograph, or 0 when `c` is not one (or is on
// the allow-list of forms standard in simplified text, such as 著 in 显著).
UChar32 simplified_form(UChar32 c);

}  // namespace cc
