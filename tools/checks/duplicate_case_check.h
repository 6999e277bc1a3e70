#pragma once
// Duplicate case text in validate: records each case's normalised text key in its
// FileFacts (so it is cached with the file), and reports `integrity/duplicate-case-text`
// across the checked files — on a warm cache too, since cross-file checks always run.
#include <string>
#include <utility>
#include <vector>

#include "checks/case_text_cache.h"
#include "checks/file_facts.h"
#include "core/document.h"
#include "core/file_reader.h"
#include "core/messages.h"
#include "core/yaml_loader.h"

namespace cc {

// Fills facts.text_key / text_line / text_column from a loaded case document.
void record_case_text(const Document& doc, FileFacts& facts);

// What the rule needs of the cases a partial run does not check (validate PATH, validate
// --staged), read through `source` (the work tree, the index): their ids, status and text
// keys, from `cache` under the reader's identity of each file when it has them, else
// loaded on all cores (and put in the cache). A file that cannot be read or parsed is
// left out: it is not in the run, and a full run reports it.
std::vector<std::pair<std::string, FileFacts>> reference_case_facts(const std::vector<std::string>& paths,
                                                                    const FileReader& source, const LoadLimits& limits,
                                                                    unsigned threads, CaseTextCache* cache);

// One error per checked case whose text, after normalisation, repeats an earlier case's
// or any reference case's.
void check_duplicate_case_text(const std::vector<std::pair<std::string, FileFacts>>& checked,
                               const std::vector<std::pair<std::string, FileFacts>>& references, Lang lang,
                               std::vector<Diagnostic>& out);

}  // namespace cc
