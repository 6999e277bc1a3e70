#pragma once
// CliContext: what every subcommand shares — the global flags, finding the repository,
// loading the project (the exit codes of CLI.md are in cli/exit_status.h).
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "checks/validator.h"
#include "cli/exit_status.h"
#include "core/messages.h"

namespace cc::cli {

// The options every subcommand takes, before or after its name (`-C DIR validate` and
// `validate -C DIR` are the same).
struct GlobalOptions {
  std::vector<std::string> directories;  // -C DIR, each relative to the one before, as git's
  std::string lang;                      // --lang en|zh; empty: from the locale (lang_from_locale)
  std::string color = "auto";            // --color auto|always|never
};

// Registers -C, --lang and --color on `app` and lets every subcommand added after this pass them
// (and only them) up to `app`, so they work on either side of the subcommand's name.
void add_global_options(CLI::App& app, GlobalOptions& global);

// The language of messages the environment asks for, as gettext reads it: LANGUAGE (its
// first entry), else LC_ALL, else LC_MESSAGES, else LANG; Chinese when that names zh
// (zh_CN.UTF-8, zh_TW, zh), English otherwise, and for the C and POSIX locales.
Lang lang_from_locale();

struct CliContext {
  GlobalOptions global;
  // --lang when given, else the locale's language.
  Lang lang() const {
    if (global.lang.empty()) return lang_from_locale();
    return global.lang == "zh" ? Lang::Zh : Lang::En;
  }
  // Whether text output on descriptor `fd` is coloured: --color always or never, else
  // what the terminal and the environment say (core's want_color).
  bool want_color(int fd) const;
  // Finds the repository and loads config, taxonomy and schemas; on failure prints why
  // to `err` and returns nullopt (the caller exits with kExitUsage).
  std::optional<Project> open_project(std::ostream& err) const;
  // Finds the repository root (the folder holding clinconsensus.yaml) upward from
  // start_dir(); on failure prints why to `err` and returns nullopt.
  std::optional<std::string> find_root(std::ostream& err) const;
  // Moves into each -C DIR in turn, so that the command runs as if started there and every
  // relative path argument resolves against it (as `git -C`). On failure prints why to
  // `err` and returns false (the caller exits with kExitUsage).
  bool enter_directories(std::ostream& err) const;
  // The folder commands run from: the current one, which -C has already moved into.
  std::string start_dir() const;
};

// Checks --status / --difficulty values against the taxonomy (coverage, select, dedup);
// on an unknown one prints the allowed values to `err` and returns false (exit kExitUsage).
bool check_case_filters(const Project& project, const std::vector<std::string>& statuses,
                        const std::vector<std::string>& difficulties, std::string_view command, std::ostream& err);

// Writes a command's report to the --out file `path` (core/output_file.h); on failure
// prints "clinconsensus COMMAND: cannot write PATH: why" to `err` and returns false (the
// caller exits with kExitUsage).
bool write_output(const CliContext& ctx, std::string_view command, const std::string& path, std::string_view content,
                  std::ostream& err);

// Each subcommand registers itself and sets the function that runs it.
void register_validate(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_new(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_fix(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_score(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_agree(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_export(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_import(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_release(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_hook(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_coverage(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_select(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_dedup(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_generate(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_judge(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_eval(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_leak(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_irt(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_rank_corr(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_cat(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_schema(CLI::App& app, CliContext& ctx, std::function<int()>& run);
void register_review(CLI::App& app, CliContext& ctx, std::function<int()>& run);

}  // namespace cc::cli
