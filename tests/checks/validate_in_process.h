#pragma once
// validate in process: what `clinconsensus validate --format json` does — load_project,
// validate, the JSON renderer, the exit status tools/cli/exit_status.h gives the run's
// outcome — without starting the binary, in the JsonRun shape of tests/validate_findings.h.
// For the tests whose point is a finding (its rule, line, column, message, fix); what only
// the binary shows (stdout and stderr, options, formats, locale, signals) stays in
// tests/cli.
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "checks/schema_sync.h"
#include "checks/validator.h"
#include "cli/exit_status.h"
#include "core/file_reader.h"
#include "core/renderer.h"
#include "core/repository.h"
#include "test_support.h"
#include "validate_findings.h"

namespace cc::test {

// Validates the benchmark holding `dir` as `clinconsensus validate --format json [paths]`
// run in `dir` would, in `lang`, reading the files through `reader` (null: from disk);
// without `use_cache`, as `validate --no-cache` would. `paths` are relative to `dir`. When the project cannot be
// loaded, `run.err` holds the findings as the binary prints them on stderr, `doc` is null and the exit code is 2.
inline JsonRun validate_in_process(const std::string& dir, const std::vector<std::string>& paths = {},
                                   Lang lang = Lang::En, std::shared_ptr<const FileReader> reader = nullptr,
                                   bool use_cache = true) {
  JsonRun r;
  auto root = find_repository_root(dir);
  REQUIRE(root);
  ProjectLoad load = load_project(*root, lang);
  if (!load.project) {
    std::ostringstream err;
    render_text(RenderInput{load.diagnostics, 0, lang}, err);
    r.run.err = err.str();
    r.run.exit_code = cc::cli::exit_status(RunOutcome::Unusable);
    return r;
  }
  ValidateOptions options;
  for (const auto& p : paths) options.paths.push_back(dir + "/" + p);
  options.reader = std::move(reader);
  options.use_cache = use_cache;
  ValidateReport report = validate(*load.project, options);
  std::ostringstream out;
  render_json(RenderInput{report.diagnostics, report.files_checked, lang}, out);
  r.run.out = out.str();
  r.run.exit_code = cc::cli::exit_status(validate_outcome(report));
  r.doc = json::parse(r.run.out, nullptr, false);
  if (r.doc.is_discarded()) r.doc = nullptr;
  return r;
}

// What `clinconsensus schema sync` does in the benchmark holding `dir`: the taxonomy's
// labels and the configured criteria count written into its schemas.
inline void sync_schemas_in_process(const std::string& dir) {
  auto load = load_project(dir, Lang::En);
  REQUIRE(load.project);
  REQUIRE(sync_schemas(load.project->config, load.project->taxonomy, false));
}

// Overlays `fixture` on `repo`, validates it in process, and checks that the findings are
// exactly `expected` and the exit code would be `exit_code`.
inline JsonRun expect_fixture_in_process(const TempRepo& repo, const std::string& fixture,
                                         const std::vector<Expect>& expected, int exit_code) {
  repo.overlay_fixture(fixture);
  JsonRun r = validate_in_process(repo.path());
  check_fixture_run(r, fixture, expected, exit_code);
  return r;
}

}  // namespace cc::test
