// `clinconsensus coverage`: the specialty × task matrix and the marginals against the
// targets of clinconsensus.yaml; `--suggest N` lists the N cases most worth writing next.
#include <iostream>
#include <sstream>

#include "cli/cli_context.h"
#include "coverage/coverage_messages.h"
#include "core/renderer.h"
#include "coverage/case_facts.h"
#include "coverage/coverage_render.h"
#include "coverage/deficits.h"

namespace cc::cli {

void register_coverage(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  struct Options {
    std::string format = "text";
    int suggest = 0;
    std::vector<std::string> statuses, difficulties;
    bool fail_under = false;
    bool all_labels = false;
    bool no_cache = false;
    bool scale = false;
    std::string out;
    unsigned jobs = 0;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("coverage", "Specialty × task matrix and marginals against the targets");
  cmd->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "md", "csv", "html"}))
      ->capture_default_str();
  cmd->add_option("--suggest", opts->suggest, "Also list the N cases most worth writing next")
      ->check(CLI::Range(0, 100000));
  cmd->add_option("--status", opts->statuses, "Count only cases of this status (repeatable)");
  cmd->add_option("--difficulty", opts->difficulties, "Count only cases of this tier (repeatable)");
  cmd->add_flag("--fail-under", opts->fail_under, "Exit 1 when any target is missed (a CI gate)");
  cmd->add_flag("--all-labels", opts->all_labels, "text and md: also print the matrix by all labels");
  cmd->add_flag("--no-cache", opts->no_cache, "Neither read nor write the coverage cache");
  cmd->add_flag("--scale", opts->scale,
                "Scale the count targets to the cases counted (e.g. with --difficulty low: a public tier)");
  cmd->add_option("--out", opts->out, "Write the report to FILE (atomically) instead of stdout");
  cmd->add_option("-j,--jobs", opts->jobs, "Worker threads (default: one per core)");
  cmd->callback([&ctx, &run, opts] {
    run = [&ctx, opts]() -> int {
      auto project = ctx.open_project(std::cerr);
      if (!project) return kExitUsage;
      if (!check_case_filters(*project, opts->statuses, opts->difficulties, "coverage", std::cerr)) return kExitUsage;
      const Config& cfg = project->config;
      coverage::FactsLoad facts = coverage::load_case_facts(cfg, ctx.lang(), !opts->no_cache, opts->jobs);
      if (!facts.diagnostics.empty()) {
        RenderInput in{facts.diagnostics, static_cast<int>(facts.files), ctx.lang(), ctx.want_color(2)};
        render_text(in, std::cerr);
      }
      coverage::CaseFilter filter{opts->statuses, opts->difficulties};
      std::vector<coverage::CaseFacts> chosen;
      for (auto& c : facts.cases)
        if (filter.accepts(c)) chosen.push_back(std::move(c));
      auto targets = coverage::targets_from_json(cfg.targets, cfg.min_axes_per_case, cfg.min_safety_criteria_per_case);
      if (!opts->difficulties.empty()) targets = targets.without_shares("difficulty");
      if (opts->scale) targets = targets.scaled_to(static_cast<int>(chosen.size()));
      coverage::CoverageReport report = coverage::compute_coverage(chosen, project->taxonomy, targets);
      std::vector<coverage::CaseRequest> requests;
      if (opts->suggest > 0) requests = coverage::suggest_cases(report, opts->suggest);
      coverage::CoverageRenderInput in{report, opts->suggest > 0 ? &requests : nullptr, ctx.lang(), opts->all_labels};
      in.title = coverage::coverage_message(ctx.lang(), "report/title");
      std::ostringstream text;
      coverage::render_coverage(*coverage::parse_coverage_format(opts->format), in, text);
      if (opts->out.empty()) {
        std::cout << text.str();
        std::cout.flush();
      } else if (!write_output(ctx, "coverage", opts->out, text.str(), std::cerr)) {
        return kExitUsage;
      }
      if (!facts.diagnostics.empty()) {
        // The figures are incomplete: say so last, where it is seen, and fail.
        std::cerr << "clinconsensus coverage: "
                  << coverage::coverage_message(ctx.lang(), "load/incomplete",
                                                {{"count", std::to_string(facts.diagnostics.size())}})
                  << '\n';
        return kExitFindings;
      }
      return opts->fail_under && !report.misses.empty() ? kExitFindings : kExitOk;
    };
  });
}

}  // namespace cc::cli
