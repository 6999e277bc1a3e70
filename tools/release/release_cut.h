#pragma once
// Release cut: turns a clean, valid benchmark into release V — reports/vV/ with the
// public export, its MANIFEST, the coverage report and the CHANGELOG entry (a semantic
// diff against the previous release), one commit, and an annotated tag whose message
// carries the summary and the manifest's hash. All or nothing: every object is built
// first, and if any later step fails the files, index and refs are put back as they were.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "checks/validator.h"
#include "core/diagnostic.h"
#include "core/model.h"
#include "core/result.h"
#include "core/run_outcome.h"

namespace cc {

// What a leak check found in the benchmark being released: a section for CHANGES.md,
// how many approved cases it lists, and the words of a refusal.
struct ReleaseLeaks {
  std::string markdown;
  size_t leaked = 0;
  std::string refusal;
};

struct CutOptions {
  std::string version;  // "1.2.0" or "v1.2.0"
  // The leak gate (`release cut --leak-corpus`): called with the benchmark of the commit
  // being released; its section is appended to CHANGES.md. An Error refuses the cut
  // (exit 2). Unset: no gate.
  std::function<Result<ReleaseLeaks>(const Benchmark&)> leak_check;
  bool leak_fail = false;  // refuse the cut (exit 1) when the leak check lists a case
};

struct CutResult {
  RunOutcome outcome = RunOutcome::Done;  // Findings validation failed; Unusable refused (usage, dirty tree, git)
  std::string message;                    // why it was refused, or what was done
  std::vector<Diagnostic> findings;       // validation findings when outcome is Findings
  std::string tag;                        // "v1.2.0"
  std::string commit;                     // hex of the release commit
  std::string manifest_hash;
  std::string summary;             // the diff summary line
  std::vector<std::string> files;  // root-relative paths written
  std::vector<std::string> notes;  // what else was done (e.g. an interrupted cut's leftovers cleared)
};

// The file names inside reports/<tag>/.
std::string export_file_name(const std::string& tag);  // "clinconsensus-v1.2.0.jsonl"
inline constexpr const char* kCoverageFileName = "coverage.md";
inline constexpr const char* kCoverageHtmlFileName = "coverage.html";  // the same report as one page
inline constexpr const char* kChangesFileName = "CHANGES.md";
inline constexpr const char* kChangelogFileName = "CHANGELOG.md";  // reports/CHANGELOG.md, newest first

// reports/CHANGELOG.md (`old`, nullopt when there is none) with `entry` put first, below
// the title.
std::string prepend_changelog_entry(const std::optional<std::string>& old, const std::string& entry);

// Cuts the release. Only one cut runs at a time in a repository (a lock in .git/; a
// second is refused naming the first's pid). What a killed cut left is cleared first
// when it is provably a cut's own (see unfinished_cut.h), and named otherwise.
CutResult cut_release(Project& project, const CutOptions& options);

}  // namespace cc
