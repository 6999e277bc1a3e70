#pragma once
// CliContext: what every subcommand shares — the global flags, finding the repository,
// loading the project, and the exit codes of CLI.md.
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "checks/validator.h"
#include "core/messages.h"

namespace cc::cli {

enum ExitCode : int { kExitOk = 0, kExitFindings = 1, kExitUsage = 2 };

struct GlobalOptions {
  std::string directory;  // -C DIR
  std::string lang = "en";
};

struct CliContext {
  GlobalOptions global;
  Lang lang() const { return global.lang == "zh" ? Lang::Zh : Lang::En; }
  // Finds the repository and loads config, taxonomy and schemas; on failure prints why
  // to `err` and returns nullopt (the caller exits with kExitUsage).
  std::optional<Project> open_project(std::ostream& err) const;
  // Finds the repository root (the folder holding clinconsensus.yaml) upward from
  // start_dir(); on failure prints why to `err` and returns nullopt.
  std::optional<std::string> find_root(std::ostream& err) const;
  // The folder commands run from: -C DIR, else the current one.
  std::string start_dir() const;
};

// Checks --status / --difficulty values against the taxonomy (coverage, select, dedup);
// on an unknown one prints the allowed values to `err` and returns false (exit kExitUsage).
bool check_case_filters(const Project& project, const std::vector<std::string>& statuses,
                        const std::vector<std::string>& difficulties, std::string_view command, std::ostream& err);

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

}  // namespace cc::cli
