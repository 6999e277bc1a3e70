// `clinconsensus generate --endpoint NAME [--ids FILE] [--out DIR] [--samples N]`:
// candidate responses from an OpenAI-compatible endpoint (tools/judge).
#include <iostream>

#include "cli/eval_support.h"
#include "judge/generate_run.h"

namespace cc::cli {

void register_generate(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  auto opts = std::make_shared<judge::GenerateOptions>();
  auto out = std::make_shared<std::string>();
  auto settings = std::make_shared<judge::RunSettings>();
  CLI::App* cmd = app.add_subcommand("generate", "Ask an endpoint every case and write its responses");
  cmd->add_option("--endpoint", opts->endpoint, "Endpoint (a name under endpoints: in clinconsensus.yaml)")->required();
  cmd->add_option("--ids", opts->ids_file, "Only the case ids listed in this file (one per line, as select writes)");
  cmd->add_option("--samples", opts->samples, "Answers per case; sample s>1 is model \"NAME#s\"")
      ->capture_default_str();
  add_run_flags(cmd, *out, *settings);
  cmd->callback([&ctx, &run, opts, out, settings] {
    run = [&ctx, opts, out, settings] {
      auto config = open_eval_config(ctx, std::cerr);
      if (!config) return static_cast<int>(kExitUsage);
      start_run(ctx, *config, *out, *settings);
      settings->command = "clinconsensus generate --endpoint " + opts->endpoint +
                          (opts->ids_file.empty() ? "" : " --ids " + opts->ids_file) +
                          (opts->samples != 1 ? " --samples " + std::to_string(opts->samples) : "");
      auto res = judge::run_generate(*config, *opts, *settings);
      if (!res) return report_error("generate", res.error(), std::cerr);
      return finish_run("generate", res->text, res->written, res->interrupted, res->failed > 0);
    };
  });
}

}  // namespace cc::cli
