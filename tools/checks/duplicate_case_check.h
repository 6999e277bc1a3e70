#pragma once
// Duplicate case text in validate: records each case's normalised text key in its
// FileFacts (so it is cached with the file), and reports `integrity/duplicate-case-text`
// across the checked files — on a warm cache too, since cross-file checks always run.
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "checks/case_text_cache.h"
#include "checks/file_facts.h"
#include "core/document.h"
#include "core/messages.h"
#include "core/yaml_loader.h"

namespace cc {

// Fills facts.text_key / text_line / text_column from a loaded case document.
void record_case_text(const Document& doc, FileFacts& facts);

// Reads one file's bytes; nullopt when it cannot.
using ReadBytes = std::function<std::optional<std::string>(const std::string& path)>;

// Where the cases a partial run does not check come from: a cheap identity of each file's
// bytes (for the cache; "" when there is none), asked for all paths at once so a source
// can share the work between them, and how to read them on a cache miss.
struct ReferenceSource {
  std::function<std::vector<std::string>(const std::vector<std::string>& paths)> identities;
  ReadBytes read;
};

// What the rule needs of the cases a partial run does not check (validate PATH, validate
// --staged): their ids, status and text keys, from `cache` when it has them, else loaded
// on all cores (and put in the cache). A file that cannot be read or parsed is left out:
// it is not in the run, and a full run reports it.
std::vector<std::pair<std::string, FileFacts>> reference_case_facts(const std::vector<std::string>& paths,
                                                                    const ReferenceSource& source,
                                                                    const LoadLimits& limits, unsigned threads,
                                                                    CaseTextCache* cache);

// One error per checked case whose text, after normalisation, repeats an earlier case's
// or any reference case's.
void check_duplicate_case_text(const std::vector<std::pair<std::string, FileFacts>>& checked,
                               const std::vector<std::pair<std::string, FileFacts>>& references, Lang lang,
                               std::vector<Diagnostic>& out);

}  // namespace cc
