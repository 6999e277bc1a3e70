// `clinconsensus judge --responses PATH... --judge NAME [--judge NAME2] [--out DIR]
// [--dry-run] [--repeat N] [--no-cache]`: responses into verdicts (tools/judge).
#include <iostream>

#include "cli/eval_support.h"
#include "judge/judge_run.h"

namespace cc::cli {

void register_judge(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  auto opts = std::make_shared<judge::JudgeOptions>();
  auto out = std::make_shared<std::string>();
  auto settings = std::make_shared<judge::RunSettings>();
  CLI::App* cmd = app.add_subcommand("judge", "Judge candidate responses against every criterion with an LLM judge endpoint");
  cmd->add_option("--responses", opts->responses, "Response JSONL files or folders: rows {case_id, model?, response}")
      ->required();
  cmd->add_option("--judge", opts->judges, "Judge endpoint (a name under endpoints: in clinconsensus.yaml); give two for two judges")
      ->required();
  cmd->add_option("--repeat", opts->repeat, "Judge every item N times (stability); repeat r>1 is judge \"NAME#r\"")
      ->capture_default_str();
  cmd->add_option("--second-judge-sample", opts->second_judge_sample,
                  "The second judge gets this seeded fraction of items, stratified by specialty (default 1: all)");
  cmd->add_option("--arbiter", opts->arbiter, "Endpoint that settles the judges' disagreements (judge.policy: escalate)");
  cmd->add_option("--seed", settings->seed, "Seed of the second judge's sample")->capture_default_str();
  add_run_flags(cmd, *out, *settings);
  cmd->callback([&ctx, &run, opts, out, settings] {
    run = [&ctx, opts, out, settings] {
      auto config = open_eval_config(ctx, std::cerr);
      if (!config) return static_cast<int>(kExitUsage);
      start_run(ctx, *config, *out, *settings);
      std::string command = "clinconsensus judge";
      for (const auto& r : opts->responses) command += " --responses " + r;
      for (const auto& j : opts->judges) command += " --judge " + j;
      if (opts->repeat != 1) command += " --repeat " + std::to_string(opts->repeat);
      if (opts->second_judge_sample != 1)
        command += " --second-judge-sample " + std::to_string(opts->second_judge_sample) + " --seed " +
                   std::to_string(settings->seed);
      if (!opts->arbiter.empty()) command += " --arbiter " + opts->arbiter;
      settings->command = command;
      auto res = judge::run_judge(*config, *opts, *settings);
      if (!res) return report_error("judge", res.error(), std::cerr);
      return finish_run("judge", res->text, res->written, res->interrupted, res->failed > 0);
    };
  });
}

}  // namespace cc::cli
