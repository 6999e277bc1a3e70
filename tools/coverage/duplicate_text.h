#pragma once
// Duplicate case text: the `integrity/duplicate-case-text` rule of validate — two cases
// whose clinical_context and user_request are equal after normalisation (width, case,
// spacing, punctuation). A cross-file rule fed from each file's cached facts, so a warm
// result cache still sees every pair.
#include <cstdint>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/messages.h"

namespace cc::coverage {

// What the rule needs of one case file.
struct CaseTextEntry {
  std::string path;
  std::string case_id;
  uint64_t key = 0;  // case_text_key; 0: no text, never a duplicate
  int line = 1;      // where clinical_context is written
  int column = 1;
  bool draft = false;  // status: draft
  // Not checked in this run (validate PATH, validate --staged): the case can be the
  // earlier side of a pair but is never reported itself.
  bool reference = false;
};

// The normalised key of a case's text; 0 when both fields are empty after normalisation.
uint64_t case_text_key(const std::string& clinical_context, const std::string& user_request);

// One error per case whose text repeats an earlier one (in path order), naming it. Two
// drafts may share a text (a copy being rewritten, two unfilled `new` skeletons), and a
// file that repeats another's case id is integrity/duplicate-case-id's finding, not this
// rule's; a draft that copies a case under review or approved is reported. A checked case
// that repeats a reference case is reported whatever their path order: it is the one in
// the run (the new case a commit adds, say).
void check_duplicate_case_text(std::vector<CaseTextEntry> entries, Lang lang, std::vector<Diagnostic>& out);

}  // namespace cc::coverage
