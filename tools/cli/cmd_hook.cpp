// `clinconsensus hook install [--force]`: the git pre-commit hook running
// `validate --staged`.
#include <filesystem>
#include <iostream>

#include "cli/cli_context.h"
#include "core/repository.h"
#include "release/hook.h"

namespace cc::cli {

void register_hook(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  auto force = std::make_shared<bool>(false);
  CLI::App* hook = app.add_subcommand("hook", "Git hooks");
  hook->require_subcommand(1);
  CLI::App* install = hook->add_subcommand("install", "Install the pre-commit hook (validate --staged)");
  install->add_flag("--force", *force, "Replace a pre-commit hook that clinconsensus did not write");
  install->callback([&ctx, &run, force] {
    run = [&ctx, force]() -> int {
      auto root = find_repository_root(ctx.start_dir());
      if (!root) {
        std::cerr << "clinconsensus: " << message(ctx.lang(), "config/not-found", {{"dir", ctx.start_dir()}}) << '\n';
        return kExitUsage;
      }
      std::error_code ec;
      std::string self = std::filesystem::read_symlink("/proc/self/exe", ec).string();
      HookInstallResult r = install_hook(*root, self, *force, ctx.lang());
      const bool installed = r.outcome == RunOutcome::Done;
      (installed ? std::cout : std::cerr) << (installed ? "" : "clinconsensus hook: ") << r.message << '\n';
      return exit_status(r.outcome);
    };
  });
}

}  // namespace cc::cli
