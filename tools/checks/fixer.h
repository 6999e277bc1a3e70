#pragma once
// Fixer: `clinconsensus fix` — applies the safe fixes of the text rules to a file in
// place. Only the changed characters change: comments, key order, indentation and
// block scalars stay byte for byte. Files in GB18030 or UTF-16 are converted to UTF-8
// and a leading BOM is dropped. A result that would no longer load is never written.
#include <map>
#include <string>
#include <vector>

#include "checks/validator.h"
#include "text/text_rules.h"

namespace cc {

struct FixOptions {
  bool check_only = false;  // report what would change, write nothing
  TextOptions text;
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

}  // namespace cc
