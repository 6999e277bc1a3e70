#pragma once
// What generate, judge and eval share at the command line: the Ctrl-C flag, the run
// settings from common flags, and the exit code for a run's outcome (130 after Ctrl-C,
// as shells expect for SIGINT).
#include <atomic>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli_context.h"
#include "cli/exit_status.h"
#include "core/result.h"
#include "judge/run_settings.h"

namespace cc::cli {

// Installs a SIGINT/SIGTERM handler that sets the returned flag the first time (a run
// then stops sending, stores what is in flight, and returns) and restores the default
// action, so a second Ctrl-C ends the process at once.
const std::atomic<bool>* install_stop_handler();

// Loads the config of the repository (only the config: generate and judge need no
// schemas), printing why not to `err`. Reports config findings at error severity about
// endpoints: or judge: and refuses to run with them.
std::optional<Config> open_eval_config(const CliContext& ctx, std::ostream& err);

// --out relative to where the command started; default <root>/results.
std::string resolve_out_dir(const CliContext& ctx, const Config& config, const std::string& out);

// The flags every evaluation command has: --out, --dry-run, --no-cache, -q.
void add_run_flags(CLI::App* cmd, std::string& out, judge::RunSettings& settings);

// Fills what the flags do not: the output folder, progress on stderr, the stop flag.
void start_run(const CliContext& ctx, const Config& config, const std::string& out, judge::RunSettings& settings);

// Prints a run's summary and the files written to stdout, and returns the exit code:
// 130 when interrupted (saying the same command resumes), 1 when items failed, else 0.
int finish_run(const std::string& command, const std::string& text, const std::vector<std::string>& written,
               bool interrupted, bool failed);

// Prints a library Error and returns its exit code (2 for all but Failed, which is 1).
int report_error(const std::string& command, const Error& error, std::ostream& err);

}  // namespace cc::cli
