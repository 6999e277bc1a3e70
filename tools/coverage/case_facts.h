#pragma once
// CaseFacts: what coverage and selection need to know of one case and its rubric —
// labels from the case file, and from the rubric only each criterion's axis and critical
// flag. Kept small so a content-hash cache of them makes `coverage` cheap on a benchmark
// that did not change.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/diagnostic.h"
#include "core/file_reader.h"
#include "core/messages.h"
#include "core/model.h"

namespace cc::coverage {

struct CaseFacts {
  std::string case_id;
  std::string path;  // root-relative case file
  std::string status, difficulty, subject, task, care_stage, audience;
  std::vector<std::string> subject_labels, task_labels;
  bool has_rubric = false;
  int criteria = 0;
  int critical = 0;
  std::map<std::string, int> axes;  // axis as written → number of criteria
};

// What a rubric file contributes: its criteria's axes and critical flags.
struct RubricFacts {
  std::string case_id;
  int criteria = 0;
  int critical = 0;
  std::map<std::string, int> axes;
};

struct FactsLoad {
  std::vector<CaseFacts> cases;         // sorted by case_id
  std::vector<Diagnostic> diagnostics;  // files that could not be read or parsed
  size_t files = 0;
  size_t cache_hits = 0;
};

// Loads the facts of every case and rubric on all cores. With `use_cache`, facts of
// files whose bytes are unchanged come from `.clinconsensus/cache/coverage.json`, and the
// cache is rewritten (atomically) when anything changed. The files are listed in the work
// tree and read through `reader`: null for the work tree (a DiskFileReader at the root),
// memory in a test. The cache itself is always on disk.
FactsLoad load_case_facts(const Config& config, Lang lang, bool use_cache, unsigned threads = 0,
                          std::shared_ptr<const FileReader> reader = nullptr);

// The facts of a benchmark already in memory (a release read from git objects), sorted
// by case_id; a case counts its rubric's criteria when the benchmark has one.
std::vector<CaseFacts> facts_of_benchmark(const Benchmark& benchmark);

}  // namespace cc::coverage
