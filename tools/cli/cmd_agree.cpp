// `clinconsensus agree --verdicts A B [--gold G]`: agreement between two judges, and of
// each with physician labels; `agree --verdicts DIR --judge A --repeats [--k K]`: one
// judge's test-retest across judge --repeat N.
#include <iostream>

#include "cli/cli_context.h"
#include "core/renderer.h"
#include "scoring/agree_run.h"

namespace cc::cli {

void register_agree(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  auto opts = std::make_shared<scoring::AgreeOptions>();
  CLI::App* cmd = app.add_subcommand("agree", "Agreement between two judges, and of each with physician labels");
  cmd->add_option("--cases", opts->cases,
                  "Cases: a public-format JSONL export, or a benchmark repository folder (default: this repository)");
  cmd->add_option("--verdicts", opts->verdicts,
                  "Two verdict files or folders (one judge each, NAME=PATH names it), or one holding two judges")
      ->required();
  cmd->add_option("--judge", opts->judges, "A judge to compare (give it twice to pick two of several)");
  cmd->add_option("--gold", opts->gold, "Physician labels (same formats): each judge's agreement with them");
  cmd->add_option("--out", opts->out_dir,
                  "Folder for agreement.csv, agreement.json, disagreements.csv, run_manifest.json");
  cmd->add_flag("--repeats", opts->repeats,
                "One judge against itself across judge --repeat N: kappa between repeats, SD of each model's CACS@k");
  auto k = std::make_shared<int>(0);
  CLI::Option* k_opt = cmd->add_option("--k", *k, "k of CACS@k for --repeats (default: the config's k)");
  cmd->add_option("-j,--jobs", opts->threads, "Worker threads (default: one per core)");
  cmd->callback([&ctx, &run, opts, k, k_opt] {
    if (k_opt->count()) opts->k = *k;
    run = [&ctx, opts] {
      opts->start_dir = ctx.start_dir();
      opts->lang = ctx.lang();
      std::string command = "clinconsensus agree";
      if (!opts->cases.empty()) command += " --cases " + opts->cases;
      command += " --verdicts";
      for (const auto& v : opts->verdicts) command += " " + v;
      for (const auto& j : opts->judges) command += " --judge " + j;
      for (const auto& g : opts->gold) command += " --gold " + g;
      if (opts->repeats) command += " --repeats";
      if (opts->k) command += " --k " + std::to_string(*opts->k);
      opts->command = command;
      scoring::AgreeOutcome res = scoring::run_agree(*opts);
      if (!res.diagnostics.empty()) {
        RenderInput in{res.diagnostics, res.files_read, ctx.lang(), ctx.want_color(2)};
        render_text(in, std::cerr);
      }
      if (!res.usage_error.empty()) std::cerr << "clinconsensus agree: " << res.usage_error << '\n';
      std::cout << res.text;
      for (const auto& f : res.written) std::cout << (ctx.lang() == Lang::Zh ? "已写出 " : "wrote ") << f << '\n';
      std::cout.flush();
      return exit_status(res.outcome);
    };
  });
}

}  // namespace cc::cli
