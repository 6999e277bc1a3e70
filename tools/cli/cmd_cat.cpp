// `clinconsensus cat --endpoint M --judge J --items DIR/items.csv [--target-se S]
// [--budget N]`: adaptive testing live — each next case the most informative at the
// current ability, answered by M and graded by J, until the SE target or the budget.
#include <iostream>

#include "cli/cli_context.h"
#include "cli/eval_support.h"
#include "irt/cat_run.h"

namespace cc::cli {

void register_cat(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  auto opts = std::make_shared<irt::CatOptions>();
  auto out = std::make_shared<std::string>();
  auto settings = std::make_shared<judge::RunSettings>();
  CLI::App* cmd =
      app.add_subcommand("cat", "Adaptive testing: ask a model the most informative cases until its ability is known");
  cmd->add_option("--endpoint", opts->endpoint, "The model's endpoint (a name under endpoints: in clinconsensus.yaml)")
      ->required();
  cmd->add_option("--judge", opts->judge, "The judge's endpoint")->required();
  cmd->add_option("--items", opts->items, "items.csv written by irt fit")->required();
  cmd->add_option("--target-se", opts->target_se, "Stop when the ability's standard error is at most this")
      ->capture_default_str();
  cmd->add_option("--budget", opts->budget, "Stop after this many cases")->capture_default_str();
  cmd->add_option("--k", opts->k, "Threshold k of CACS@k (default: k in clinconsensus.yaml)");
  add_run_flags(cmd, *out, *settings);
  cmd->callback([&ctx, &run, opts, out, settings] {
    run = [&ctx, opts, out, settings] {
      auto config = open_eval_config(ctx, std::cerr);
      if (!config) return static_cast<int>(kExitUsage);
      start_run(ctx, *config, *out, *settings);
      settings->command =
          "clinconsensus cat --endpoint " + opts->endpoint + " --judge " + opts->judge + " --items " + opts->items;
      opts->start_dir = ctx.start_dir();
      opts->lang = ctx.lang();
      if (settings->dry_run) {
        std::cerr << "clinconsensus cat: --dry-run cannot run: each next case depends on the answers before it\n";
        return static_cast<int>(kExitUsage);
      }
      auto res = irt::run_cat(*config, *opts, *settings);
      if (!res) return report_error("cat", res.error(), std::cerr);
      return finish_run("cat", res->text, res->written, res->interrupted, false);
    };
  });
}

}  // namespace cc::cli
