// `clinconsensus eval --endpoint NAME --judge NAME [--out DIR]`: generate, judge and
// score in one resumable command (tools/judge).
#include <iostream>

#include "cli/eval_support.h"
#include "judge/eval_run.h"

namespace cc::cli {

void register_eval(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  auto opts = std::make_shared<judge::EvalOptions>();
  auto out = std::make_shared<std::string>();
  auto settings = std::make_shared<judge::RunSettings>();
  CLI::App* cmd = app.add_subcommand("eval", "Generate, judge and score a model in one resumable command");
  cmd->add_option("--endpoint", opts->endpoint, "The model's endpoint (a name under endpoints:)")->required();
  cmd->add_option("--judge", opts->judge, "The judge's endpoint")->required();
  cmd->add_option("--ids", opts->ids_file, "Only the case ids listed in this file");
  cmd->add_option("--samples", opts->samples, "Answers per case")->capture_default_str();
  cmd->add_option("--bootstrap", opts->resamples, "Bootstrap resamples of the scores")->capture_default_str();
  add_run_flags(cmd, *out, *settings);
  cmd->callback([&ctx, &run, opts, out, settings] {
    run = [&ctx, opts, out, settings] {
      auto config = open_eval_config(ctx, std::cerr);
      if (!config) return static_cast<int>(kExitUsage);
      opts->lang = ctx.lang();
      start_run(ctx, *config, *out, *settings);
      settings->command = "clinconsensus eval --endpoint " + opts->endpoint + " --judge " + opts->judge;
      auto res = judge::run_eval(*config, *opts, *settings);
      if (!res) return report_error("eval", res.error(), std::cerr);
      int code = finish_run("eval", res->text, res->written, res->interrupted, res->failed() > 0);
      return code == kExitOk && res->scored ? exit_status(res->score_outcome) : code;
    };
  });
}

}  // namespace cc::cli
