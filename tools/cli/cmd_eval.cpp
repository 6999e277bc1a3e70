// `clinconsensus eval --endpoint NAME --judge NAME [--out DIR]`: generate, judge and
// score in one resumable command (tools/judge).
#include <iostream>
#include <unistd.h>

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
  cmd->add_option("--out", *out, "Output folder (default: results/)");
  cmd->add_flag("--dry-run", settings->dry_run, "Print the calls still needed, estimated tokens and cost; send nothing");
  cmd->add_flag("--no-cache", [settings](int64_t) { settings->use_cache = false; }, "Neither read nor write the answer cache");
  cmd->add_flag("-q,--quiet", settings->quiet, "No progress on stderr");
  cmd->callback([&ctx, &run, opts, out, settings] {
    run = [&ctx, opts, out, settings] {
      auto config = open_eval_config(ctx, std::cerr);
      if (!config) return static_cast<int>(kExitUsage);
      opts->lang = ctx.lang();
      settings->out_dir = resolve_out_dir(ctx, *config, *out);
      settings->progress = &std::cerr;
      settings->progress_fd = STDERR_FILENO;
      settings->stop = install_stop_handler();
      settings->command = "clinconsensus eval --endpoint " + opts->endpoint + " --judge " + opts->judge;
      auto res = judge::run_eval(*config, *opts, *settings);
      if (!res) return report_error("eval", res.error(), std::cerr);
      std::cout << res->text;
      for (const auto& f : res->written) std::cout << "wrote " << f << '\n';
      std::cout.flush();
      if (res->interrupted) {
        std::cerr << "clinconsensus eval: interrupted; run the same command again to resume\n";
        return kExitInterrupted;
      }
      if (res->failed() > 0) return static_cast<int>(kExitFindings);
      return res->scored ? res->score_exit : static_cast<int>(kExitOk);
    };
  });
}

}  // namespace cc::cli
