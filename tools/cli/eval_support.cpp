#include "cli/eval_support.h"

#include <csignal>
#include <filesystem>
#include <iostream>

#include <unistd.h>

#include "core/renderer.h"

namespace cc::cli {
namespace {

std::atomic<bool> g_stop{false};

extern "C" void on_stop_signal(int sig) {
  g_stop.store(true);
  std::signal(sig, SIG_DFL);
}

}  // namespace

const std::atomic<bool>* install_stop_handler() {
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  return &g_stop;
}

std::optional<Config> open_eval_config(const CliContext& ctx, std::ostream& err) {
  auto project = ctx.open_project(err);
  if (!project) return std::nullopt;
  std::vector<Diagnostic> errors;
  for (const Diagnostic& d : project->config_findings)
    if (d.severity == Severity::Error) errors.push_back(d);
  if (!errors.empty()) {
    RenderInput in{errors, 1, ctx.lang(), ctx.want_color(2)};
    render_text(in, err);
    return std::nullopt;
  }
  return std::move(project->config);
}

std::string resolve_out_dir(const CliContext& ctx, const Config& config, const std::string& out) {
  if (out.empty()) return config.root + "/results";
  std::filesystem::path p(out);
  if (p.is_relative()) p = std::filesystem::path(ctx.start_dir()) / p;
  return p.lexically_normal().string();
}

void add_run_flags(CLI::App* cmd, std::string& out, judge::RunSettings& settings) {
  cmd->add_option("--out", out, "Output folder (default: results/)");
  cmd->add_flag("--dry-run", settings.dry_run, "Print the calls still needed, estimated tokens and cost; send nothing");
  cmd->add_flag(
      "--no-cache", [&settings](int64_t) { settings.use_cache = false; }, "Neither read nor write the answer cache");
  cmd->add_flag("-q,--quiet", settings.quiet, "No progress on stderr");
}

void start_run(const CliContext& ctx, const Config& config, const std::string& out, judge::RunSettings& settings) {
  settings.out_dir = resolve_out_dir(ctx, config, out);
  settings.progress = &std::cerr;
  settings.progress_fd = STDERR_FILENO;
  settings.stop = install_stop_handler();
  settings.lang = ctx.lang();
}

int finish_run(const std::string& command, const std::string& text, const std::vector<std::string>& written,
               bool interrupted, bool failed) {
  std::cout << text;
  for (const auto& f : written) std::cout << "wrote " << f << '\n';
  std::cout.flush();
  if (interrupted) {
    std::cerr << "clinconsensus " << command << ": interrupted; run the same command again to resume\n";
    return kExitInterrupted;
  }
  return failed ? kExitFindings : kExitOk;
}

int report_error(const std::string& command, const Error& error, std::ostream& err) {
  err << "clinconsensus " << command << ": " << error.message << '\n';
  return error.kind == Error::Kind::Failed ? kExitFindings : kExitUsage;
}

}  // namespace cc::cli
