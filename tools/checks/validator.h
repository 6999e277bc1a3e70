#pragma once
// Validator: the `validate` pipeline — find the files, check each one (from the cache
// when unchanged) on all cores, run the cross-file checks, apply the configured
// severities. Produces Diagnostics only; the CLI picks the renderer.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checks/integrity_check.h"
#include "checks/schema_check.h"
#include "core/benchmark_summary.h"
#include "core/config.h"
#include "core/diagnostic.h"
#include "core/file_reader.h"
#include "core/messages.h"
#include "core/run_outcome.h"
#include "core/taxonomy.h"

namespace cc {

// Everything a run needs that does not change from file to file.
struct Project {
  Config config;
  Taxonomy taxonomy;
  SchemaChecker case_schema;
  SchemaChecker rubric_schema;
  SchemaChecker config_schema;
  uint64_t fingerprint = 0;  // of tool version, language, schemas, taxonomy and config
  Lang lang = Lang::En;
  std::vector<Diagnostic> config_findings;  // about clinconsensus.yaml itself; every run reports them
};

struct ProjectLoad {
  std::optional<Project> project;
  std::vector<Diagnostic> diagnostics;  // why the project could not be loaded
};

// Loads config, taxonomy and schemas of the repository at `root`.
ProjectLoad load_project(const std::string& root, Lang lang);

struct ValidateOptions {
  std::vector<std::string> paths;  // files or folders (absolute or cwd-relative); empty: all
  bool use_cache = true;
  unsigned threads = 0;  // 0: one per core
  // Where the files are read: null for the work tree (a DiskFileReader at the root), the
  // git index for `validate --staged`, memory in a test. Also where the cases a partial
  // run does not check are read for integrity/duplicate-case-text (through the case-text
  // cache, keyed by the reader's identities).
  std::shared_ptr<const FileReader> reader;
  // A listing from elsewhere than the work tree's folders (the git index): exactly these
  // files are checked, `listing` stands in for the folders in the cross-file checks, and
  // the result cache is not used.
  struct Content {
    std::vector<std::string> files;  // root-relative paths, read through `reader`
    BenchmarkListing listing;
  };
  std::optional<Content> content;
};

struct ValidateReport {
  std::vector<Diagnostic> diagnostics;  // sorted
  int files_checked = 0;
  bool input_error = false;  // a path could not be read at all: exit 2
  BenchmarkSummary summary;  // of the files checked
};

// Checks the files `options` names (all of the benchmark by default), reading them through
// options.reader, and runs the cross-file checks; findings sorted, severities applied. A
// file the reader cannot give is that file's io/read finding (and sets input_error); the
// other files are still checked.
ValidateReport validate(const Project& project, const ValidateOptions& options);

// How a run ended: Unusable when a path could not be read at all, Findings when an error
// remains after the configured severities, else Done (tools/cli/exit_status.h maps it).
RunOutcome validate_outcome(const ValidateReport& report);

// Checks one file's bytes on their own: YAML, schema, per-file integrity.
FileResult check_file(const Project& project, const std::string& rel_path, std::string text);

}  // namespace cc
