#pragma once
// Import: a public-format JSONL file back into case and rubric YAML files, placed by
// subject, readable (literal blocks for prose) and valid — every file is checked with
// validate's own per-file checks before it is written, and read back to prove it holds
// exactly the row, so export(import(F)) == F for a canonical F.
//
// The public row lacks what only the maintainers know. Import writes:
//   status: approved        the public file holds released cases only
//   audience                from user_role by the taxonomy's professional markers
//   care_stage              guessed from the task type, marked "# TODO(import)"
//   axis                    准确性 on every criterion, marked "# TODO(import)"
//   critical                left out (unknown)
//   authors, provenance     a placeholder author; provenance.source: imported
#include <string>
#include <string_view>
#include <vector>

#include "checks/validator.h"
#include "core/diagnostic.h"

namespace cc {

struct ImportOptions {
  std::string source_name;    // the file's name, recorded in provenance.notes
  bool keep_invalid = false;  // write rows whose files have findings at error severity too
};

// One row the import could not take, and why.
struct ImportProblem {
  int line = 0;         // 1-based line of the JSONL file
  std::string case_id;  // when the row had one
  std::string reason;
};

// The two files one row becomes.
struct ImportedCase {
  std::string case_id;
  std::string case_path, rubric_path;  // root-relative
  std::string case_yaml, rubric_yaml;
  // Set when the row was half-imported by an interrupted import: that file is already
  // there with exactly these bytes, and only the other one is written.
  bool case_present = false, rubric_present = false;
  int warnings = 0;                // findings below error severity in the two files
  std::vector<Diagnostic> errors;  // only with keep_invalid
};

struct ImportPlan {
  std::vector<ImportedCase> cases;
  std::vector<ImportProblem> rejected;
  int rows = 0;  // non-blank lines read
};

// Works out what `jsonl` would become in the benchmark of `project`, writing nothing.
// Rows whose case id already exists in the benchmark are rejected, except a row that an
// interrupted import half wrote: when exactly one of its two files is there, at its
// place and with the bytes this row gives it, the other is planned; when that file
// differs, the row is rejected naming the orphan and what to do.
ImportPlan plan_import(const Project& project, std::string_view jsonl, const ImportOptions& options);

// Writes the planned files, the two of a row as one step (both staged, then both
// renamed), so a kill leaves a row whole or absent but for the instant between the two
// renames, which the next plan_import completes. Temp files a killed import left are
// removed first. When one write fails, removes the files this call already wrote and
// returns the Error.
Result<void> write_import(const Project& project, const ImportPlan& plan);

}  // namespace cc
