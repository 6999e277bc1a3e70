#pragma once
// Text check: runs the text and privacy rules (tools/text) over every string value of
// a document and over its raw lines, turning findings into Diagnostics at exact
// positions and, for `fix`, into byte edits of the file.
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "core/messages.h"
#include "text/text_rules.h"

namespace cc {

// One replacement of bytes [begin, end) of a file.
struct TextEdit {
  size_t begin = 0;
  size_t end = 0;
  std::string replacement;
  std::string rule;
};

// Appends the findings for `doc`; when `edits` is given, also the safe fixes that map
// exactly onto the file. Values listed under pii_exceptions (reviewed matches) are not
// reported by the privacy rules.
void check_text(const Document& doc, const TextOptions& options, Lang lang, std::vector<Diagnostic>& out,
                std::vector<TextEdit>* edits = nullptr);

}  // namespace cc
