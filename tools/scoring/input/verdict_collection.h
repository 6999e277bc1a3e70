#pragma once
// Verdict collection: every verdict of a run's --verdicts inputs (files or folders, in
// our JSONL or the public layout, read on all cores) placed in one table per judge and
// model, with duplicates, conflicts, unknown cases and unknown criteria reported by file
// and line.
#include <cstdint>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/messages.h"
#include "scoring/input/case_set.h"
#include "scoring/input/source_file.h"
#include "scoring/input/verdict.h"
#include "scoring/input/verdict_files.h"

namespace cc::scoring {

// One judge's verdicts on one model's answers: one cell per criterion of the case set.
struct VerdictTable {
  std::string judge;
  std::string model;
  std::vector<Verdict> cells;  // indexed by CaseSet cell
  std::string first_file;      // the first input file it came from, for messages
  size_t count(Verdict v) const;
};

// How read_verdicts works: language of messages, threads, and how gold labels are named.
struct ReadVerdictsOptions {
  Lang lang = Lang::En;
  unsigned threads = 0;
  std::string role = "verdicts";  // as recorded in the manifest ("gold" for physician labels)
  bool force_judge = false;       // every verdict gets its input's judge name (gold labels)
};

// Everything read from a set of inputs.
struct VerdictCollection {
  std::vector<VerdictTable> tables;     // sorted by judge, then model
  std::vector<InputRecord> inputs;      // every file read, for the manifest
  std::vector<Diagnostic> diagnostics;  // sorted; errors make score refuse
  bool unreadable = false;              // an input could not be read at all (exit 2)
  size_t verdicts = 0;                  // verdicts placed
  // criteria_met values of the public layout that were not JSON booleans but were read as
  // the public evaluator reads them ("yes", 1, " TRUE "); each file with any has a
  // verdict/coerced warning at its first. `coerced_example` is the first as "file:line".
  size_t coerced = 0;
  std::string coerced_example;

  std::vector<std::string> judges() const;  // distinct judge names, sorted
  // The tables of one judge, sorted by model.
  std::vector<const VerdictTable*> for_judge(const std::string& judge) const;
};

// Places the verdicts of files already read (open_verdict_files), or of `inputs`.
VerdictCollection read_verdicts(VerdictFiles files, const CaseSet& cases, const ReadVerdictsOptions& options);
VerdictCollection read_verdicts(const std::vector<VerdictInput>& inputs, const CaseSet& cases,
                                const ReadVerdictsOptions& options);

// Shown for a judge without a name.
std::string judge_display_name(const std::string& judge);

}  // namespace cc::scoring
