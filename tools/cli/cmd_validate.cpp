// `clinconsensus validate [PATH...]`: all checks, rendered in the chosen format.
#include <iostream>

#include "cli/cli_context.h"
#include "core/display_path.h"
#include "core/renderer.h"
#include "release/git.h"
#include "release/staged.h"
#include "release/staged_project.h"

namespace cc::cli {

namespace {

// The folder the paths of `format` are shown from (core/display_path.h): for github and
// sarif the top of the git work tree holding `root` (else `root`), for text the folder
// the command runs in; json keeps them relative to `root`, as the contract says.
std::string display_base(const CliContext& ctx, const std::string& format, const std::string& root) {
  if (format == "text") return ctx.start_dir();
  if (format == "github" || format == "sarif") {
    if (auto repo = git::open_repository(root, ctx.lang())) {
      std::string top = git::workdir(repo->get());
      if (!top.empty()) return top;
    }
  }
  return root;
}

// Renders `diagnostics` (paths relative to `root`) in `format` to stdout.
void render_findings(const CliContext& ctx, const std::string& format, const std::string& root,
                     std::vector<Diagnostic>& diagnostics, int files_checked, const BenchmarkSummary* summary) {
  rebase_paths(diagnostics, root, display_base(ctx, format, root));
  RenderInput in{diagnostics, files_checked, ctx.lang(), ctx.want_color(1), summary};
  render(*parse_output_format(format), in, std::cout);
}

// --staged: the project by the rules the index holds (its config, taxonomy and schemas)
// and the staged files into `project` and `vo`. An exit code when the commit cannot be
// checked, or when its own rules are broken (then that is the finding).
std::optional<int> prepare_staged(const CliContext& ctx, const std::string& format, std::optional<Project>& project,
                                  ValidateOptions& vo) {
  auto root = ctx.find_root(std::cerr);
  if (!root) return kExitUsage;
  auto rules = git::staged_project(*root, ctx.lang());
  if (!rules) {
    std::cerr << "clinconsensus validate --staged: " << rules.error().message << '\n';
    return kExitUsage;
  }
  if (!rules->project) {
    render_findings(ctx, format, *root, rules->diagnostics, 0, nullptr);
    return kExitFindings;
  }
  project = std::move(rules->project);
  auto staged = git::staged_content(project->config, project->lang);
  if (!staged) {
    std::cerr << "clinconsensus validate --staged: " << staged.error().message << '\n';
    return kExitUsage;
  }
  vo.content = std::move(staged->content);
  vo.reader = std::move(staged->reader);
  return std::nullopt;
}

}  // namespace

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
      ValidateOptions vo;
      vo.paths = opts->paths;
      vo.use_cache = !opts->no_cache;
      vo.threads = opts->jobs;
      std::optional<Project> project;
      if (opts->staged) {
        if (!opts->paths.empty()) {
          std::cerr << "clinconsensus validate: --staged checks the index; it takes no paths\n";
          return static_cast<int>(kExitUsage);
        }
        if (auto exit = prepare_staged(ctx, opts->format, project, vo)) return *exit;
      } else {
        project = ctx.open_project(std::cerr);
        if (!project) return static_cast<int>(kExitUsage);
      }
      ValidateReport report = validate(*project, vo);
      render_findings(ctx, opts->format, project->config.root, report.diagnostics, report.files_checked,
                      opts->summary ? &report.summary : nullptr);
      std::cout.flush();
      return exit_status(validate_outcome(report));
    };
  });
}

}  // namespace cc::cli
