#pragma once
// Case sources: where a scoring run gets its cases and criteria — the benchmark folders
// (through load_benchmark, with axes and critical flags) or a public JSONL export (one
// case per line; the extra keys care_stage, audience and per rubric axis and critical
// are read when present, so an internal export gives every slice).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/diagnostic.h"
#include "core/messages.h"
#include "core/taxonomy.h"
#include "scoring/input/case_set.h"
#include "scoring/input/source_file.h"

namespace cc::scoring {

// A loaded case set, or why there is none.
struct CaseLoad {
  std::optional<CaseSet> cases;         // absent when nothing could be read
  std::vector<Diagnostic> diagnostics;  // errors make the run refuse to score
  std::vector<InputRecord> inputs;      // every file read, for the run manifest
  bool unreadable = false;              // an input could not be read at all (exit 2)
  size_t retired_skipped = 0;           // benchmark cases with status retired, left out
};

// "professional" or "lay" for a free-text user_role: the taxonomy's markers, or the
// default markers of TAXONOMY.md when no taxonomy is at hand.
std::string audience_for_role(const Taxonomy* taxonomy, std::string_view user_role);

// Every case of the repository `config` describes, with its rubric. Retired cases are
// left out. File paths in messages and the manifest are relative to the repository root.
CaseLoad load_cases_from_benchmark(const Config& config, const Taxonomy* taxonomy, Lang lang, unsigned threads);

// Cases from a public-format JSONL export at `open_path` (shown as `display_path`).
CaseLoad load_cases_from_jsonl(const std::string& display_path, const std::string& open_path, const Taxonomy* taxonomy,
                               Lang lang, unsigned threads = 0);

}  // namespace cc::scoring
