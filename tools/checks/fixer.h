#pragma once
// Fixer: `clinconsensus fix` — applies the safe fixes of the text rules to a file in
// place. Only the changed characters change: comments, key order, indentation and
// block scalars stay byte for byte. Files in GB18030 or UTF-16 are converted to UTF-8
// and a leading BOM is dropped. A result that would no longer load is never written.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "checks/validator.h"
#include "core/file_reader.h"
#include "core/run_outcome.h"
#include "text/text_rules.h"

namespace cc {

struct FixOptions {
  bool check_only = false;  // report what would change, write nothing
  TextOptions text;
  // Where the files are read, as in ValidateOptions: null for the work tree (a
  // DiskFileReader at the root), memory in a test. Fixed files are always written to the
  // work tree, through core/atomic_write.
  std::shared_ptr<const FileReader> reader;
};

// One change, for reports: where, which rule, and the bytes before and after.
struct FixChange {
  std::string rule;
  int line = 0;
  int column = 0;
  std::string before;
  std::string after;
};

struct FileFix {
  std::string path;                // root-relative
  std::vector<FixChange> changes;  // in file order
  bool written = false;
  std::vector<Diagnostic> problems;  // why the file could not be fixed (unreadable, unparseable, ...)
};

// Fixes one file (root-relative path) of the project.
FileFix fix_file(const Project& project, const std::string& rel_path, const FixOptions& options);

// The files `fix` works on: the given paths (files or folders), or the whole benchmark.
// Unusable paths are returned as diagnostics.
std::vector<std::string> fix_targets(const Project& project, const std::vector<std::string>& paths,
                                     std::vector<Diagnostic>& problems);

// What one `fix` run did: the files it worked on, what changed in each, and why some
// could not be fixed.
struct FixRun {
  bool check_only = false;
  std::vector<std::string> files;       // the targets, root-relative, sorted
  std::vector<FileFix> fixes;           // one per file of `files`, in that order
  std::vector<Diagnostic> problems;     // unusable paths first, then each file's problems
  std::map<std::string, int> per_rule;  // rule → number of changes
  int changed_files = 0;
  int changes = 0;
};

// Fixes `paths` (files or folders; empty: the whole benchmark) as `clinconsensus fix`
// does: fix_targets, then fix_file on each.
FixRun fix_files(const Project& project, const std::vector<std::string>& paths, const FixOptions& options);

// How the run ended: Unusable when a file could not be read or written, Findings when a
// file could not be fixed or, with check_only, when anything would change; else Done.
RunOutcome fix_outcome(const FixRun& run);

}  // namespace cc
