// `clinconsensus rank-corr A.csv B.csv [--metric M] [--ci 95]`: Spearman's ρ and
// Kendall's τ-b between two leaderboards, with Fisher-z intervals.
#include <iostream>

#include "cli/cli_context.h"
#include "cli/eval_support.h"
#include "irt/rank_corr.h"

namespace cc::cli {

void register_rank_corr(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  auto o = std::make_shared<irt::RankCorrOptions>();
  CLI::App* cmd =
      app.add_subcommand("rank-corr", "Spearman rho and Kendall tau between two leaderboards, with intervals");
  cmd->add_option("A", o->a, "First leaderboard: score's summary.csv, or a CSV of model,score")->required();
  cmd->add_option("B", o->b, "Second leaderboard")->required();
  cmd->add_option("--metric", o->metric, "Score column (default: cacs_at_k_pct when present, else the second column)");
  cmd->add_option("--ci", o->ci_level, "Confidence level of the intervals, in percent")->capture_default_str();
  cmd->callback([&ctx, &run, o] {
    run = [&ctx, o]() -> int {
      o->start_dir = ctx.start_dir();
      o->lang = ctx.lang();
      auto report = irt::run_rank_corr(*o);
      if (!report) return report_error("rank-corr", report.error(), std::cerr);
      for (const auto& n : report->notes) std::cerr << "clinconsensus rank-corr: " << n << '\n';
      std::cout << report->text << std::flush;
      return kExitOk;
    };
  });
}

}  // namespace cc::cli
