#pragma once
// fix in process: what `clinconsensus fix [--check] [--fix-traditional] [paths]` does —
// load_project, fix_files, the fix report on stdout, the problems rendered as text on
// stderr, the exit status tools/cli/exit_status.h gives the run's outcome — without
// starting the binary, in the RunResult shape of a binary run. For the tests whose point
// is what fix does to the files (their bytes after, what it reports fixed or left); what
// only the binary shows (options, usage errors, the --check listing's format) stays in
// tests/cli/fix_test.cpp.
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "checks/fix_report.h"
#include "checks/fixer.h"
#include "cli/exit_status.h"
#include "core/renderer.h"
#include "test_support.h"

namespace cc::test {

// The outcome of one fix run in process: `run` as the binary's would be, and the run's
// changes file by file.
struct FixInProcess {
  RunResult run;
  FixRun fixed;
};

// Fixes the benchmark at `dir` as `clinconsensus fix` run in `dir` would, with `options`
// (check_only, text, reader as the binary's --check and --fix-traditional set them), in
// `lang`. `paths` are relative to `dir`.
inline FixInProcess fix_in_process(const std::string& dir, const std::vector<std::string>& paths = {},
                                   const FixOptions& options = {}, Lang lang = Lang::En) {
  FixInProcess r;
  ProjectLoad load = load_project(dir, lang);
  REQUIRE(load.project);
  std::vector<std::string> named;
  for (const auto& p : paths) named.push_back(dir + "/" + p);
  r.fixed = fix_files(*load.project, named, options);
  std::ostringstream out, err;
  render_fix_report(r.fixed, lang, out);
  if (!r.fixed.problems.empty())
    render_text(RenderInput{r.fixed.problems, static_cast<int>(r.fixed.files.size()), lang}, err);
  r.run.out = out.str();
  r.run.err = err.str();
  r.run.exit_code = cc::cli::exit_status(fix_outcome(r.fixed));
  return r;
}

// FixOptions for `fix --check` (`check_only`) and `fix --fix-traditional` (`traditional`).
inline FixOptions fix_options(bool check_only, bool traditional = false) {
  FixOptions options;
  options.check_only = check_only;
  options.text.fix_traditional = traditional;
  return options;
}

}  // namespace cc::test
