// `clinconsensus leak --corpus PATH... [--threshold F] [--ngram N] [--criteria]
// [--format text|json|csv]`: the benchmark's cases looked for in corpora; and
// `leak --probe ENDPOINT [--dry-run]`: whether a model continues public cases word for word.
#include <iostream>
#include <unistd.h>

#include "cli/cli_context.h"
#include "cli/eval_support.h"
#include "core/benchmark_loader.h"
#include "core/renderer.h"
#include "leak/case_texts.h"
#include "leak/corpus_files.h"
#include "leak/corpus_scan.h"
#include "leak/leak_messages.h"
#include "leak/leak_probe.h"
#include "leak/leak_render.h"

namespace cc::cli {
namespace {

struct LeakOptions {
  std::vector<std::string> corpus;
  std::string probe;
  double threshold = -1;  // -1: the mode's default
  int ngram = 13;
  bool criteria = false;
  std::string format = "text";
  unsigned jobs = 2;
  bool no_cache = false, quiet = false, dry_run = false;
};

int run_scan(const CliContext& ctx, const LeakOptions& o, const Benchmark& benchmark, bool incomplete) {
  auto files = leak::list_corpus(o.corpus, ctx.lang());
  if (!files) return report_error("leak", files.error(), std::cerr);
  leak::ScanOptions so;
  so.ngram = o.ngram;
  if (o.threshold >= 0) so.threshold = o.threshold;
  so.threads = o.jobs;
  auto report = leak::scan_corpus(leak::case_texts(benchmark, o.criteria), *files, so, ctx.lang());
  if (!report) return report_error("leak", report.error(), std::cerr);
  if (o.format == "json")
    leak::render_scan_json(*report, std::cout);
  else if (o.format == "csv")
    leak::render_scan_csv(*report, std::cout);
  else
    leak::render_scan_text(*report, ctx.lang(), std::cout);
  std::cout.flush();
  return report->listed.empty() && !incomplete ? kExitOk : kExitFindings;
}

int run_probe(const CliContext& ctx, const LeakOptions& o, const Project& project, const Benchmark& benchmark,
              bool incomplete) {
  judge::RunSettings settings;
  settings.use_cache = !o.no_cache;
  settings.quiet = o.quiet;
  settings.dry_run = o.dry_run;
  settings.progress = &std::cerr;
  settings.progress_fd = STDERR_FILENO;
  settings.stop = install_stop_handler();
  leak::ProbeOptions po;
  po.endpoint = o.probe;
  po.ngram = o.ngram;
  if (o.threshold >= 0) po.threshold = o.threshold;
  auto report = leak::run_probe(project.config, benchmark, po, settings, ctx.lang());
  if (!report) return report_error("leak", report.error(), std::cerr);
  if (report->interrupted) {
    std::cerr << "clinconsensus leak: " << leak::leak_message(ctx.lang(), "probe/interrupted") << '\n';
    return kExitInterrupted;
  }
  if (report->dry_run) {
    if (o.format == "json")
      leak::render_probe_dry_run_json(*report, std::cout);
    else
      leak::render_probe_dry_run_text(*report, ctx.lang(), std::cout);
    std::cout.flush();
    return kExitOk;
  }
  if (o.format == "json")
    leak::render_probe_json(*report, std::cout);
  else if (o.format == "csv")
    leak::render_probe_csv(*report, std::cout);
  else
    leak::render_probe_text(*report, ctx.lang(), std::cout);
  std::cout.flush();
  const bool clean = report->listed.empty() && report->failed.empty() && !incomplete;
  return clean ? kExitOk : kExitFindings;
}

}  // namespace

void register_leak(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  auto opts = std::make_shared<LeakOptions>();
  CLI::App* cmd =
      app.add_subcommand("leak", "Find the benchmark's cases in corpora, or probe a model for memorised cases");
  auto* corpus =
      cmd->add_option("--corpus", opts->corpus, "Corpus files or folders: text, JSONL, .gz, .zst (repeatable)");
  auto* probe =
      cmd->add_option("--probe", opts->probe, "Endpoint to probe: does it continue public-tier cases word for word?");
  corpus->excludes(probe);
  cmd->add_option("--threshold", opts->threshold,
                  "List cases at or over this share (default 0.2 of n-grams found; probe: 0.5 LCS or n-grams)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--ngram", opts->ngram, "Characters per n-gram")->check(CLI::Range(4, 64))->capture_default_str();
  cmd->add_flag("--criteria", opts->criteria, "Look for each case's criteria too");
  cmd->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  cmd->add_option("-j,--jobs", opts->jobs, "Worker threads")->check(CLI::Range(1u, 256u))->capture_default_str();
  cmd->add_flag("--no-cache", opts->no_cache, "Probe: neither read nor write the answer cache");
  cmd->add_flag("-q,--quiet", opts->quiet, "Probe: no progress on stderr");
  cmd->add_flag("--dry-run", opts->dry_run,
                "Probe: print the endpoint, the cases, the calls still needed with their estimated tokens and cost, "
                "and the first prompt; send nothing")
      ->needs(probe);
  cmd->callback([&ctx, &run, opts] {
    run = [&ctx, opts]() -> int {
      if (opts->corpus.empty() && opts->probe.empty()) {
        std::cerr << "clinconsensus leak: " << message(ctx.lang(), "corpus/none") << '\n';
        return kExitUsage;
      }
      auto project = ctx.open_project(std::cerr);
      if (!project) return kExitUsage;
      BenchmarkLoad load = load_benchmark(project->config, ctx.lang());
      if (!load.diagnostics.empty()) {
        RenderInput in{load.diagnostics, 0, ctx.lang(), want_color(2)};
        render_text(in, std::cerr);
      }
      const bool incomplete = !load.diagnostics.empty();
      return opts->probe.empty() ? run_scan(ctx, *opts, load.benchmark, incomplete)
                                 : run_probe(ctx, *opts, *project, load.benchmark, incomplete);
    };
  });
}

}  // namespace cc::cli
