// `clinconsensus judge --responses PATH... --judge NAME [--judge NAME2] [--arbiter NAME]
// [--second-judge-sample F] [--seed S] [--out DIR] [--dry-run] [--repeat N] [--no-cache]`:
// responses into verdicts (tools/judge); `judge batch export|import`: the same calls
// through the Batch API; `judge export-sft`: distillation data from a run.
#include <iostream>

#include "cli/eval_support.h"
#include "judge/judge_run.h"
#include "judge/sft_export.h"

namespace cc::cli {
namespace {

// The options that say which items are judged by whom: judge and batch export share them.
void add_item_options(CLI::App* cmd, judge::JudgeOptions& opts, judge::RunSettings& settings) {
  cmd->add_option("--responses", opts.responses, "Response JSONL files or folders: rows {case_id, model?, response}");
  cmd->add_option("--judge", opts.judges,
                  "Judge endpoint (a name under endpoints: in clinconsensus.yaml); give two for two judges");
  cmd->add_option("--repeat", opts.repeat, "Judge every item N times (stability); repeat r>1 is judge \"NAME#r\"")
      ->capture_default_str();
  cmd->add_option("--second-judge-sample", opts.second_judge_sample,
                  "The second judge gets this seeded fraction of items, stratified by specialty (default 1: all)");
  cmd->add_option("--seed", settings.seed, "Seed of the second judge's sample")->capture_default_str();
}

std::string item_command(const std::string& head, const judge::JudgeOptions& opts, const judge::RunSettings& settings) {
  std::string command = head;
  for (const auto& r : opts.responses) command += " --responses " + r;
  for (const auto& j : opts.judges) command += " --judge " + j;
  if (opts.repeat != 1) command += " --repeat " + std::to_string(opts.repeat);
  if (opts.second_judge_sample != 1)
    command += " --second-judge-sample " + std::to_string(opts.second_judge_sample) + " --seed " +
               std::to_string(settings.seed);
  if (!opts.arbiter.empty()) command += " --arbiter " + opts.arbiter;
  return command;
}

// --responses and --judge are required of judge and batch export, not of the other subcommands.
bool has_items(const judge::JudgeOptions& opts, const std::string& command) {
  if (!opts.responses.empty() && !opts.judges.empty()) return true;
  std::cerr << "clinconsensus " << command << ": --responses and --judge are required\n";
  return false;
}

void register_batch(CLI::App* judge_cmd, CliContext& ctx, std::function<int()>& run) {
  CLI::App* batch =
      judge_cmd->add_subcommand("batch", "The judge's calls through the OpenAI Batch API (half the price)");
  batch->require_subcommand(1);
  auto opts = std::make_shared<judge::JudgeOptions>();
  auto settings = std::make_shared<judge::RunSettings>();
  auto out = std::make_shared<std::string>();
  CLI::App* exp = batch->add_subcommand("export", "Write the calls the cache cannot answer as Batch API request files");
  add_item_options(exp, *opts, *settings);
  exp->add_option("--out", *out, "Folder for requests-001.jsonl, ...")->required();
  exp->add_option("--max-lines", opts->batch_limits.max_lines, "Lines per request file, at most")
      ->capture_default_str();
  exp->add_option("--max-bytes", opts->batch_limits.max_bytes, "Bytes per request file, at most")
      ->capture_default_str();
  exp->callback([&ctx, &run, opts, settings, out] {
    run = [&ctx, opts, settings, out] {
      if (!has_items(*opts, "judge batch export")) return static_cast<int>(kExitUsage);
      auto config = open_eval_config(ctx, std::cerr);
      if (!config) return static_cast<int>(kExitUsage);
      start_run(ctx, *config, "", *settings);
      opts->batch_export_dir = resolve_out_dir(ctx, *config, *out);
      settings->command = item_command("clinconsensus judge batch export", *opts, *settings);
      auto res = judge::run_judge(*config, *opts, *settings);
      if (!res) return report_error("judge batch export", res.error(), std::cerr);
      return finish_run("judge batch export", res->text, res->written, false, false);
    };
  });
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* imp = batch->add_subcommand("import", "Store a Batch API output file's answers in the cache");
  imp->add_option("files", *files, "OUTPUT.jsonl [ERRORS.jsonl] as the Batch API gives them")
      ->required()
      ->expected(1, 2);
  imp->callback([&ctx, &run, files] {
    run = [&ctx, files] {
      auto config = open_eval_config(ctx, std::cerr);
      if (!config) return static_cast<int>(kExitUsage);
      std::vector<std::string> paths;
      for (const auto& f : *files) paths.push_back(resolve_out_dir(ctx, *config, f));
      auto res = judge::import_batch_output(judge::llm_cache_path(*config), paths, ctx.lang());
      if (!res) return report_error("judge batch import", res.error(), std::cerr);
      std::cout << res->text;
      return static_cast<int>(kExitOk);
    };
  });
}

void register_export_sft(CLI::App* judge_cmd, CliContext& ctx, std::function<int()>& run) {
  auto o = std::make_shared<judge::SftExportOptions>();
  auto from = std::make_shared<std::string>();
  CLI::App* cmd = judge_cmd->add_subcommand(
      "export-sft", "Training rows {instruction, output} for a local judge from a run's teacher, split by case");
  cmd->add_option("--from", *from, "The judge run's folder (default: results/)");
  cmd->add_option("--teacher", o->teacher, "The judge whose answers are the outputs")->required();
  cmd->add_option("--gold", o->gold, "Physician labels (review import): they override the teacher's verdicts");
  cmd->add_option("--out", o->out_dir, "Folder for train.jsonl, dev.jsonl and data_card.md")->required();
  cmd->add_option("--dev-fraction", o->dev_fraction, "Share of cases in dev.jsonl")->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed of the split")->capture_default_str();
  cmd->add_option("--responses", o->responses, "Response files, when the run's own are no longer where it read them");
  cmd->callback([&ctx, &run, o, from] {
    run = [&ctx, o, from] {
      auto config = open_eval_config(ctx, std::cerr);
      if (!config) return static_cast<int>(kExitUsage);
      o->from_dir = resolve_out_dir(ctx, *config, *from);
      o->out_dir = resolve_out_dir(ctx, *config, o->out_dir);
      if (!o->gold.empty()) o->gold = resolve_out_dir(ctx, *config, o->gold);
      auto res = judge::export_sft(*config, *o, ctx.lang());
      if (!res) return report_error("judge export-sft", res.error(), std::cerr);
      return finish_run("judge export-sft", res->text, res->written, false, false);
    };
  });
}

}  // namespace

void register_judge(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  auto opts = std::make_shared<judge::JudgeOptions>();
  auto out = std::make_shared<std::string>();
  auto settings = std::make_shared<judge::RunSettings>();
  CLI::App* cmd =
      app.add_subcommand("judge", "Judge candidate responses against every criterion with an LLM judge endpoint");
  add_item_options(cmd, *opts, *settings);
  cmd->add_option("--arbiter", opts->arbiter,
                  "Endpoint that settles the judges' disagreements (judge.policy: escalate)");
  add_run_flags(cmd, *out, *settings);
  register_batch(cmd, ctx, run);
  register_export_sft(cmd, ctx, run);
  cmd->callback([cmd, &ctx, &run, opts, out, settings] {
    if (!cmd->get_subcommands().empty()) return;  // a subcommand set `run`
    run = [&ctx, opts, out, settings] {
      if (!has_items(*opts, "judge")) return static_cast<int>(kExitUsage);
      auto config = open_eval_config(ctx, std::cerr);
      if (!config) return static_cast<int>(kExitUsage);
      start_run(ctx, *config, *out, *settings);
      settings->command = item_command("clinconsensus judge", *opts, *settings);
      auto res = judge::run_judge(*config, *opts, *settings);
      if (!res) return report_error("judge", res.error(), std::cerr);
      return finish_run("judge", res->text, res->written, res->interrupted, res->failed > 0);
    };
  });
}

}  // namespace cc::cli
