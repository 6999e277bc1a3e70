// `clinconsensus irt fit|select|estimate`: item response theory over judge verdicts —
// calibration, information-maximising subsets, and p-IRT estimates from a subset.
#include <iostream>

#include "cli/cli_context.h"
#include "cli/eval_support.h"
#include "core/renderer.h"
#include "irt/estimate_run.h"
#include "irt/fit_run.h"
#include "irt/irt_messages.h"
#include "irt/select_run.h"

namespace cc::cli {
namespace {

// Shows reading warnings (as `score` does) on stderr.
void show_warnings(const CliContext& ctx, const std::vector<Diagnostic>& warnings) {
  if (warnings.empty()) return;
  RenderInput in{warnings, 0, ctx.lang(), ctx.want_color(2)};
  render_text(in, std::cerr);
}

void register_fit(CLI::App* irt, CliContext& ctx, std::function<int()>& run) {
  struct Options {
    irt::FitRunOptions run;
    std::string unit = "criterion", model = "2pl";
    bool quiet = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = irt->add_subcommand("fit", "Calibrate items (criteria or cases) from verdicts by marginal ML (EM)");
  cmd->add_option("--verdicts", o->run.verdicts,
                  "Verdict files or folders (our JSONL or the public layout); NAME=PATH names the judge")
      ->required();
  cmd->add_option("--cases", o->run.cases,
                  "Cases: a public-format JSONL export, or a benchmark folder (default: this repository)");
  cmd->add_option("--unit", o->unit,
                  "What an item is: a criterion (binary) or a case (its met criteria as binomial trials)")
      ->check(CLI::IsMember({"criterion", "case"}))
      ->capture_default_str();
  cmd->add_option("--model", o->model, "Item model")
      ->check(CLI::IsMember({"1pl", "2pl", "3pl"}))
      ->capture_default_str();
  cmd->add_option("--quadrature", o->run.fit.quadrature_points, "Gauss-Hermite quadrature points")
      ->capture_default_str();
  cmd->add_option("--max-iter", o->run.fit.max_iterations, "Most EM cycles")->capture_default_str();
  cmd->add_option("--tol", o->run.fit.tolerance, "Converged when no parameter moves more than this in a cycle")
      ->capture_default_str();
  cmd->add_option("--prior-slope-sd", o->run.fit.priors.log_a_sd, "SD of the normal prior on log discrimination")
      ->capture_default_str();
  cmd->add_option("--out", o->run.out_dir, "Folder for items.csv, respondents.csv and fit.json")->required();
  cmd->add_option("-j,--jobs", o->run.fit.threads, "Worker threads (default: one per core)");
  cmd->add_flag("-q,--quiet", o->quiet, "Print only warnings and errors");
  cmd->callback([&ctx, &run, o] {
    run = [&ctx, o]() -> int {
      o->run.start_dir = ctx.start_dir();
      o->run.lang = ctx.lang();
      o->run.unit = *irt::unit_from_name(o->unit);
      o->run.fit.model = *irt::model_from_name(o->model);
      auto report = irt::run_irt_fit(o->run);
      if (!report) return report_error("irt fit", report.error(), std::cerr);
      show_warnings(ctx, report->warnings);
      for (const auto& n : report->notes) std::cerr << "clinconsensus irt fit: " << n << '\n';
      if (!o->quiet) {
        std::cout << report->summary << '\n';
        for (const auto& f : report->written)
          std::cout << irt::irt_message(ctx.lang(), "written", {{"path", f}}) << '\n';
      }
      return kExitOk;
    };
  });
}

void register_estimate(CLI::App* irt, CliContext& ctx, std::function<int()>& run) {
  struct Options {
    irt::EstimateRunOptions run;
    bool quiet = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = irt->add_subcommand(
      "estimate", "Estimate full-benchmark Rubric Accuracy and CACS@k from verdicts on a subset (p-IRT)");
  cmd->add_option("--items", o->run.items, "items.csv written by irt fit")->required();
  cmd->add_option("--verdicts", o->run.verdicts, "The subset's verdict files or folders")->required();
  cmd->add_option("--cases", o->run.cases,
                  "Cases: a public-format JSONL export, or a benchmark folder (default: this repository)");
  cmd->add_option("--k", o->run.k, "Threshold k of CACS@k (default: k in clinconsensus.yaml, else 10)");
  cmd->add_option("--ci", o->run.ci_level, "Confidence level of the intervals, in percent")->capture_default_str();
  cmd->add_option("--out", o->run.out, "Also write the estimates as CSV to FILE");
  cmd->add_option("-j,--jobs", o->run.threads, "Worker threads (default: one per core)");
  cmd->add_flag("-q,--quiet", o->quiet, "Do not print the table");
  cmd->callback([&ctx, &run, o] {
    run = [&ctx, o]() -> int {
      o->run.start_dir = ctx.start_dir();
      o->run.lang = ctx.lang();
      auto report = irt::run_irt_estimate(o->run);
      if (!report) return report_error("irt estimate", report.error(), std::cerr);
      show_warnings(ctx, report->warnings);
      for (const auto& n : report->notes) std::cerr << "clinconsensus irt estimate: " << n << '\n';
      if (!o->quiet) std::cout << report->table;
      for (const auto& f : report->written) std::cout << irt::irt_message(ctx.lang(), "written", {{"path", f}}) << '\n';
      return kExitOk;
    };
  });
}

void register_irt_select(CLI::App* irt, CliContext& ctx, std::function<int()>& run) {
  auto o = std::make_shared<irt::SelectRunOptions>();
  CLI::App* cmd = irt->add_subcommand(
      "select", "Choose the N most informative cases, keeping the specialty and task spread of select");
  cmd->add_option("--items", o->items, "items.csv written by irt fit")->required();
  cmd->add_option("--cases", o->cases,
                  "Cases: a public-format JSONL export, or a benchmark folder (default: this repository)");
  cmd->add_option(
         "--unit", [](const CLI::results_t& r) { return r.size() == 1 && r[0] == "case"; },
         "What is chosen: cases (criterion items add up to their case)")
      ->check(CLI::IsMember({"case"}));
  cmd->add_option("--count", o->count, "Cases to choose")->required()->check(CLI::Range(1, 10000000));
  cmd->add_option("--seed", o->seed, "Seed of the search: the same seed gives the same list")->capture_default_str();
  cmd->add_option("--out", o->out, "Write the case ids to FILE, atomically (default: print them)");
  cmd->callback([&ctx, &run, o] {
    run = [&ctx, o]() -> int {
      o->start_dir = ctx.start_dir();
      o->lang = ctx.lang();
      auto report = irt::run_irt_select(*o);
      if (!report) return report_error("irt select", report.error(), std::cerr);
      for (const auto& n : report->notes) std::cerr << "clinconsensus irt select: " << n << '\n';
      std::ostream& info = o->out.empty() ? std::cerr : std::cout;
      if (o->out.empty()) std::cout << report->ids << std::flush;
      info << report->summary << '\n';
      for (const auto& f : report->written) info << irt::irt_message(ctx.lang(), "written", {{"path", f}}) << '\n';
      return kExitOk;
    };
  });
}

}  // namespace

void register_irt(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  CLI::App* irt = app.add_subcommand(
      "irt", "Item response theory: calibrate items, choose informative subsets, estimate from a subset");
  irt->require_subcommand(1);
  register_fit(irt, ctx, run);
  register_estimate(irt, ctx, run);
  register_irt_select(irt, ctx, run);
}

}  // namespace cc::cli
