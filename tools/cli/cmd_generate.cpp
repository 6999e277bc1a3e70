// `clinconsensus generate --endpoint NAME [--ids FILE] [--out DIR] [--samples N]`:
// candidate responses from an OpenAI-compatible endpoint (tools/judge).
#include <iostream>
#include <unistd.h>

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
  cmd->add_option("--out", *out, "Output folder (default: results/)");
  cmd->add_option("--samples", opts->samples, "Answers per case; sample s>1 is model \"NAME#s\"")->capture_default_str();
  cmd->add_flag("--dry-run", settings->dry_run, "Print the calls still needed, estimated tokens and cost; send nothing");
  cmd->add_flag("--no-cache", [settings](int64_t) { settings->use_cache = false; }, "Neither read nor write the answer cache");
  cmd->add_flag("-q,--quiet", settings->quiet, "No progress on stderr");
  cmd->callback([&ctx, &run, opts, out, settings] {
    run = [&ctx, opts, out, settings] {
      auto config = open_eval_config(ctx, std::cerr);
      if (!config) return static_cast<int>(kExitUsage);
      settings->out_dir = resolve_out_dir(ctx, *config, *out);
      settings->progress = &std::cerr;
      settings->progress_fd = STDERR_FILENO;
      settings->stop = install_stop_handler();
      settings->command = "clinconsensus generate --endpoint " + opts->endpoint +
                          (opts->ids_file.empty() ? "" : " --ids " + opts->ids_file) +
                          (opts->samples != 1 ? " --samples " + std::to_string(opts->samples) : "");
      auto res = judge::run_generate(*config, *opts, *settings);
      if (!res) return report_error("generate", res.error(), std::cerr);
      std::cout << res->text;
      for (const auto& f : res->written) std::cout << "wrote " << f << '\n';
      std::cout.flush();
      if (res->interrupted) {
        std::cerr << "clinconsensus generate: interrupted; run the same command again to resume\n";
        return kExitInterrupted;
      }
      return res->failed > 0 ? static_cast<int>(kExitFindings) : static_cast<int>(kExitOk);
    };
  });
}

}  // namespace cc::cli
