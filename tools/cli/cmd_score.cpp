// `clinconsensus score --cases P --verdicts P... --out DIR`: metrics for every model found.
#include <iostream>

#include "cli/cli_context.h"
#include "core/renderer.h"
#include "scoring/score_run.h"

namespace cc::cli {
namespace {

// The command as the manifest records it: the options that shape the figures.
std::string canonical_command(const scoring::ScoreOptions& o) {
  std::string s = "clinconsensus score";
  if (!o.cases.empty()) s += " --cases " + o.cases;
  s += " --verdicts";
  for (const auto& v : o.verdicts) s += " " + v;
  if (o.k) s += " --k " + std::to_string(*o.k);
  if (o.k_sweep) s += " --k-sweep";
  if (o.judge) s += " --judge " + *o.judge;
  if (o.allow_missing) s += " --allow-missing";
  s += " --bootstrap " + std::to_string(o.resamples) + " --seed " + std::to_string(o.seed);
  return s;
}

}  // namespace

void register_score(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  auto opts = std::make_shared<scoring::ScoreOptions>();
  auto k = std::make_shared<int>(0);
  auto judge = std::make_shared<std::string>();
  auto quiet = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("score", "Score judge verdicts: Rubric Accuracy, pass@k, CACS@k with intervals");
  cmd->add_option("--cases", opts->cases,
                  "Cases: a public-format JSONL export, or a benchmark repository folder (default: this repository)");
  cmd->add_option(
         "--verdicts", opts->verdicts,
         "Verdict files or folders: our JSONL or the public <model>_judge.json layout (NAME=PATH names the judge)")
      ->required();
  CLI::Option* k_opt =
      cmd->add_option("--k", *k, "Threshold k of pass@k and CACS@k (default: k in clinconsensus.yaml, else 10)");
  cmd->add_flag("--k-sweep", opts->k_sweep, "Also report pass@k and CACS@k for every k from 1 to R");
  CLI::Option* judge_opt =
      cmd->add_option("--judge", *judge, "Score the verdicts of this judge (needed when there are several)");
  cmd->add_flag("--allow-missing", opts->allow_missing,
                "Score missing verdicts as not met (and say so in every output)");
  cmd->add_option("--bootstrap", opts->resamples, "Bootstrap resamples over cases (0: no intervals)")
      ->capture_default_str();
  cmd->add_option("--seed", opts->seed, "Seed of the bootstrap")->capture_default_str();
  cmd->add_option("--ci", opts->ci_level, "Confidence level of the intervals, in percent")->capture_default_str();
  cmd->add_option("--out", opts->out_dir,
                  "Folder for summary.csv, case_scores.csv, summary.json, item_analysis.csv, report.md, report.html, "
                  "run_manifest.json")
      ->required();
  cmd->add_option("-j,--jobs", opts->threads, "Worker threads (default: one per core)");
  cmd->add_flag("-q,--quiet", *quiet, "Do not print the leaderboard");
  cmd->callback([&ctx, &run, opts, k, judge, quiet, k_opt, judge_opt] {
    if (k_opt->count()) opts->k = *k;
    if (judge_opt->count()) opts->judge = *judge;
    run = [&ctx, opts, quiet] {
      opts->start_dir = ctx.start_dir();
      opts->lang = ctx.lang();
      opts->command = canonical_command(*opts);
      scoring::ScoreOutcome res = scoring::run_score(*opts);
      if (!res.diagnostics.empty()) {
        RenderInput in{res.diagnostics, res.files_read, ctx.lang(), ctx.want_color(2)};
        render_text(in, std::cerr);
      }
      if (!res.usage_error.empty()) std::cerr << "clinconsensus score: " << res.usage_error << '\n';
      if (res.outcome == RunOutcome::Findings && res.usage_error.empty())
        std::cerr << "clinconsensus score: "
                  << (ctx.lang() == Lang::Zh ? "输入有误，未写出任何结果" : "nothing written: fix the errors above")
                  << '\n';
      if (!*quiet && !res.leaderboard.empty()) std::cout << res.leaderboard;
      for (const auto& f : res.written) std::cout << (ctx.lang() == Lang::Zh ? "已写出 " : "wrote ") << f << '\n';
      std::cout.flush();
      return exit_status(res.outcome);
    };
  });
}

}  // namespace cc::cli
