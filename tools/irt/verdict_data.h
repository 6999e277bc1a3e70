#pragma once
// Verdict data for the irt commands: the cases (a benchmark repository or a public JSONL
// export, as `score` finds them) and every verdict of the --verdicts inputs, read by the
// scorer's readers. Unlike `score`, verdicts that are missing are allowed: IRT treats
// them as unobserved.
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/result.h"
#include "scoring/run_setup.h"
#include "scoring/input/verdict_collection.h"

namespace cc::irt {

struct VerdictData {
  scoring::RunSetup setup;              // its cases are present
  scoring::VerdictCollection verdicts;  // tables sorted by judge, then model
  std::vector<Diagnostic> warnings;     // findings at warning severity, for the caller to show

  const scoring::CaseSet& cases() const { return *setup.cases.cases; }
  // Every table, one per respondent.
  std::vector<const scoring::VerdictTable*> tables() const;
};

// The errors among `diags`, sorted, as the text renderer prints them (for an Error).
std::string error_lines(const std::vector<Diagnostic>& diags, Lang lang);

// Loads cases and verdicts. Fails (Usage) on arguments that cannot work, (Input) when
// an input is unreadable or has errors; the Error's message then lists them as
// "file:line: message" lines.
Result<VerdictData> load_verdict_data(const std::string& start_dir, const std::string& cases_arg,
                                      const std::vector<std::string>& verdict_args, Lang lang, unsigned threads);

}  // namespace cc::irt
