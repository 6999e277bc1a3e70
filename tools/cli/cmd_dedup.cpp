// `clinconsensus dedup`: near-duplicate cases and criteria, with their similarity and
// both file:line locations.
#include <iostream>
#include <sstream>

#include "cli/cli_context.h"
#include "core/renderer.h"
#include "coverage/coverage_messages.h"
#include "coverage/dedup_benchmark.h"
#include "coverage/dedup_render.h"

namespace cc::cli {

void register_dedup(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  struct Options {
    double threshold = 0.8;
    std::string format = "text";
    std::vector<std::string> statuses, difficulties;
    bool no_criteria = false;
    std::string out;
    unsigned jobs = 0;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("dedup", "Near-duplicate cases and criteria, with similarity");
  cmd->add_option("--threshold", opts->threshold, "Report pairs with Jaccard similarity at least this")
      ->check(CLI::Range(0.05, 1.0))
      ->capture_default_str();
  cmd->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--status", opts->statuses, "Compare only cases of this status (repeatable)");
  cmd->add_option("--difficulty", opts->difficulties, "Compare only cases of this tier (repeatable)");
  cmd->add_flag("--no-criteria", opts->no_criteria, "Skip the criteria within each case");
  cmd->add_option("--out", opts->out, "Write the report to FILE (atomically) instead of stdout");
  cmd->add_option("-j,--jobs", opts->jobs, "Worker threads (default: one per core)");
  cmd->callback([&ctx, &run, opts] {
    run = [&ctx, opts]() -> int {
      auto project = ctx.open_project(std::cerr);
      if (!project) return kExitUsage;
      if (!check_case_filters(*project, opts->statuses, opts->difficulties, "dedup", std::cerr)) return kExitUsage;
      coverage::DedupOptions o;
      o.threshold = opts->threshold;
      o.threads = opts->jobs;
      coverage::CaseFilter filter{opts->statuses, opts->difficulties};
      coverage::DedupReport report =
          coverage::dedup_benchmark(project->config, ctx.lang(), filter, o, !opts->no_criteria);
      if (!report.diagnostics.empty()) {
        RenderInput in{report.diagnostics, 0, ctx.lang(), ctx.want_color(2)};
        render_text(in, std::cerr);
      }
      std::ostringstream text;
      if (opts->format == "json")
        coverage::render_dedup_json(report, text);
      else
        coverage::render_dedup_text(report, ctx.lang(), text);
      if (opts->out.empty()) {
        std::cout << text.str();
        std::cout.flush();
      } else if (!write_output(ctx, "dedup", opts->out, text.str(), std::cerr)) {
        return kExitUsage;
      }
      if (!report.diagnostics.empty())
        std::cerr << "clinconsensus dedup: "
                  << coverage::coverage_message(ctx.lang(), "load/incomplete",
                                                {{"count", std::to_string(report.diagnostics.size())}})
                  << '\n';
      const bool clean = report.diagnostics.empty() && report.case_pairs.empty() && report.criterion_pairs.empty();
      return clean ? kExitOk : kExitFindings;
    };
  });
}

}  // namespace cc::cli
