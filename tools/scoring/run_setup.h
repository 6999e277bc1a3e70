#pragma once
// Run set-up shared by `score` and `agree`: the project around the working folder (its
// config and taxonomy, when there is one), the cases (benchmark folders or a JSONL
// export), and the --verdicts arguments turned into inputs.
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/taxonomy.h"
#include "scoring/input/case_source.h"
#include "scoring/input/verdict_collection.h"

namespace cc::scoring {

// What prepare_run found: project settings, taxonomy and cases, or why it could not.
struct RunSetup {
  std::optional<Config> config;      // the repository's, when one was found
  std::optional<Taxonomy> taxonomy;  // its taxonomy, when it loaded
  CaseLoad cases;
  std::string cases_source;         // what the cases were read from, for reports
  std::vector<InputRecord> inputs;  // config and taxonomy files (cases are in `cases.inputs`)
  std::string usage_error;          // set when the arguments cannot work (exit 2)
};

// `cases_arg`: a JSONL export, or a folder inside a benchmark repository, or "" for the
// repository around `start_dir`. Relative paths start at `start_dir`.
RunSetup prepare_run(const std::string& start_dir, const std::string& cases_arg, Lang lang, unsigned threads);

// `path` made absolute against `start_dir` (unchanged when already absolute).
std::string resolve_path(const std::string& start_dir, const std::string& path);

// One input per --verdicts argument. "NAME=PATH" names the judge of verdicts that name
// none (when PATH exists and the argument itself does not); otherwise such verdicts get
// `default_judge(path)`.
std::vector<VerdictInput> verdict_inputs(const std::vector<std::string>& args, const std::string& start_dir,
                                         std::string (*default_judge)(const std::string& path));

// Default judge names: "" (unnamed) for score; the file or folder name for agree.
std::string unnamed_judge(const std::string& path);
std::string judge_from_path(const std::string& path);

}  // namespace cc::scoring
