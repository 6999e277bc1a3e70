// clinconsensus: the command-line driver. It parses flags and hands over to the
// subcommand files; all the work is in the libraries under tools/.
#include <exception>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"
#include "cli/stdout_guard.h"
#include "cli/usage_errors.h"
#include "core/messages.h"
#include "core/suggest.h"
#include "core/version.h"

namespace {

// When parsing stopped before any subcommand and the first word left over is not an
// option, that word was meant as a command: the message naming it, with the nearest
// command's name if it looks like a slip.
std::optional<std::string> unknown_command(CLI::App& app, cc::Lang lang) {
  if (!app.get_subcommands().empty()) return std::nullopt;
  for (const auto& word : app.remaining()) {
    if (word.empty() || word[0] == '-') continue;
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
      names.push_back(sub->get_name());
    auto near = cc::nearest(word, names);
    // A short command inside a long word ("cat" in "frobnicate") is no slip.
    if (near && near->size() * 2 < word.size() && cc::edit_distance(word, *near) > 2) near.reset();
    return cc::message(
        lang, "cli/unknown-command",
        {{"name", word}, {"suggestion", near ? cc::message(lang, "word/did-you-mean", {{"value", *near}}) : ""}});
  }
  return std::nullopt;
}

// The language of a parse error's message. CLI11 stores an option's value only once the
// whole line has parsed, so after an error mid-line (`--lang zh export --out`) --lang is
// read from what the parser collected for it.
cc::Lang parse_error_lang(CLI::App& app, const cc::cli::CliContext& ctx) {
  if (!ctx.global.lang.empty()) return ctx.lang();
  if (const CLI::Option* opt = app.get_option_no_throw("--lang"); opt && !opt->results().empty())
    return opt->results().back() == "zh" ? cc::Lang::Zh : cc::Lang::En;
  return ctx.lang();
}

// Parses the command line into `ctx` and runs the chosen subcommand; its exit status.
int run_command(int argc, char** argv, cc::cli::CliContext& ctx) {
  using namespace cc::cli;
  try {
    CLI::App app{"clinconsensus: author, check, balance, release and score the ClinConsensus benchmark"};
    app.set_version_flag("--version", std::string("clinconsensus ") + cc::kToolVersion);
    app.require_subcommand(1);
    add_global_options(app, ctx.global);

    std::function<int()> run;
    register_validate(app, ctx, run);
    register_new(app, ctx, run);
    register_fix(app, ctx, run);
    register_score(app, ctx, run);
    register_agree(app, ctx, run);
    register_export(app, ctx, run);
    register_import(app, ctx, run);
    register_release(app, ctx, run);
    register_hook(app, ctx, run);
    register_schema(app, ctx, run);
    register_coverage(app, ctx, run);
    register_select(app, ctx, run);
    register_dedup(app, ctx, run);
    register_generate(app, ctx, run);
    register_judge(app, ctx, run);
    register_eval(app, ctx, run);
    register_leak(app, ctx, run);
    register_irt(app, ctx, run);
    register_rank_corr(app, ctx, run);
    register_cat(app, ctx, run);
    register_review(app, ctx, run);

    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      const cc::Lang lang = parse_error_lang(app, ctx);
      if (auto unknown = unknown_command(app, lang)) {
        std::cerr << "clinconsensus: " << *unknown << '\n';
        return kExitUsage;
      }
      return report_parse_error(app, e, lang, std::cout, std::cerr);
    }
    if (!run) return kExitUsage;
    if (!ctx.enter_directories(std::cerr)) return kExitUsage;
    return run();
  } catch (const std::exception& e) {
    std::cerr << "clinconsensus: " << e.what() << '\n';
    return kExitUsage;
  } catch (...) {
    std::cerr << "clinconsensus: unexpected failure\n";
    return kExitUsage;
  }
}

}  // namespace

int main(int argc, char** argv) {
  cc::cli::StdoutGuard out;  // every write to stdout checked; SIGPIPE ignored
  cc::cli::CliContext ctx;
  int status = run_command(argc, argv, ctx);
  return out.finish(status, ctx.lang(), std::cerr);
}
