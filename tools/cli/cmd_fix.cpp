// `clinconsensus fix [PATH...]`: applies the safe fixes of the text rules in place;
// `--check` changes nothing and exits 1 if anything would change.
#include <iostream>

#include "checks/fix_report.h"
#include "checks/fixer.h"
#include "cli/cli_context.h"
#include "cli/exit_status.h"
#include "core/renderer.h"

namespace cc::cli {

void register_fix(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  struct Options {
    std::vector<std::string> paths;
    bool check = false;
    bool traditional = false;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "fix", "Apply the safe text fixes in place (punctuation width, invisible characters, NFC, ...)");
  cmd->add_option("paths", opts->paths, "Files or folders (default: the whole benchmark)");
  cmd->add_flag("--check", opts->check, "Change nothing; list what would change and exit 1 if anything would");
  cmd->add_flag("--fix-traditional", opts->traditional, "Also convert traditional characters to simplified");
  cmd->callback([&ctx, &run, opts] {
    run = [&ctx, opts]() -> int {
      auto project = ctx.open_project(std::cerr);
      if (!project) return kExitUsage;
      FixOptions fo;
      fo.check_only = opts->check;
      fo.text.fix_traditional = opts->traditional;
      FixRun fixed = fix_files(*project, opts->paths, fo);
      render_fix_report(fixed, ctx.lang(), std::cout);
      if (!fixed.problems.empty()) {
        RenderInput in{fixed.problems, static_cast<int>(fixed.files.size()), ctx.lang(), ctx.want_color(2)};
        render_text(in, std::cerr);
      }
      return exit_status(fix_outcome(fixed));
    };
  });
}

}  // namespace cc::cli
