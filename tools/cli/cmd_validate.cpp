// `clinconsensus validate [PATH...]`: all checks, rendered in the chosen format.
#include <iostream>

#include "cli/cli_context.h"
#include "core/renderer.h"
#include "release/staged.h"

namespace cc::cli {

void register_validate(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  struct Options {
    std::vector<std::string> paths;
    std::string format = "text";
    bool no_cache = false;
    bool summary = false;
    bool staged = false;
    unsigned jobs = 0;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("validate", "Check cases and rubrics: schema, integrity, labels");
  cmd->add_option("paths", opts->paths, "Files or folders to check (default: the whole benchmark)");
  cmd->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "github", "sarif"}))
      ->capture_default_str();
  cmd->add_flag("--no-cache", opts->no_cache, "Neither read nor write the result cache");
  cmd->add_flag("--summary", opts->summary, "Also print what the checked files hold: counts per dimension");
  cmd->add_flag("--staged", opts->staged,
                "Check what the git index holds (the next commit), not the work tree: changed files only");
  cmd->add_option("-j,--jobs", opts->jobs, "Worker threads (default: one per core)");
  cmd->callback([&ctx, &run, opts] {
    run = [&ctx, opts] {
      auto project = ctx.open_project(std::cerr);
      if (!project) return static_cast<int>(kExitUsage);
      ValidateOptions vo;
      vo.paths = opts->paths;
      vo.use_cache = !opts->no_cache;
      vo.threads = opts->jobs;
      if (opts->staged) {
        if (!opts->paths.empty()) {
          std::cerr << "clinconsensus validate: --staged checks the index; it takes no paths\n";
          return static_cast<int>(kExitUsage);
        }
        auto staged = git::staged_content(project->config);
        if (!staged) {
          std::cerr << "clinconsensus validate --staged: " << staged.error().message << '\n';
          return static_cast<int>(kExitUsage);
        }
        vo.content = std::move(*staged);
      }
      ValidateReport report = validate(*project, vo);
      RenderInput in{report.diagnostics, report.files_checked, ctx.lang(), want_color(1),
                     opts->summary ? &report.summary : nullptr};
      render(*parse_output_format(opts->format), in, std::cout);
      std::cout.flush();
      if (report.input_error) return static_cast<int>(kExitUsage);
      return count_diagnostics(report.diagnostics).errors > 0 ? static_cast<int>(kExitFindings)
                                                              : static_cast<int>(kExitOk);
    };
  });
}

}  // namespace cc::cli
