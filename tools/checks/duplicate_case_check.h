#pragma once
// Duplicate case text in validate: records each case's normalised text key in its
// FileFacts (so it is cached with the file), and reports `integrity/duplicate-case-text`
// across the checked files — on a warm cache too, since cross-file checks always run.
#include <string>
#include <utility>
#include <vector>

#include "checks/file_facts.h"
#include "core/document.h"
#include "core/messages.h"

namespace cc {

// Fills facts.text_key / text_line / text_column from a loaded case document.
void record_case_text(const Document& doc, FileFacts& facts);

// One error per case whose text, after normalisation, repeats an earlier case's.
void check_duplicate_case_text(const std::vector<std::pair<std::string, FileFacts>>& checked, Lang lang,
                               std::vector<Diagnostic>& out);

}  // namespace cc
