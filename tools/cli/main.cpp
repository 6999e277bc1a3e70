// clinconsensus: the command-line driver. It parses flags and hands over to the
// subcommand files; all the work is in the libraries under tools/.
#include <exception>
#include <functional>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"
#include "core/version.h"

int main(int argc, char** argv) {
  using namespace cc::cli;
  try {
    CLI::App app{"clinconsensus: author, check, balance, release and score the ClinConsensus benchmark"};
    app.set_version_flag("--version", cc::kToolVersion);
    app.require_subcommand(1);
    CliContext ctx;
    app.add_option("-C", ctx.global.directory, "Run as if started in DIR")->option_text("DIR");
    app.add_option("--lang", ctx.global.lang, "Language of messages")->check(CLI::IsMember({"en", "zh"}))->capture_default_str();

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
    register_coverage(app, ctx, run);
    register_select(app, ctx, run);
    register_dedup(app, ctx, run);
    register_generate(app, ctx, run);
    register_judge(app, ctx, run);
    register_eval(app, ctx, run);
    register_leak(app, ctx, run);

    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      int code = app.exit(e);
      return code == 0 ? kExitOk : kExitUsage;
    }
    return run ? run() : kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "clinconsensus: " << e.what() << '\n';
    return kExitUsage;
  } catch (...) {
    std::cerr << "clinconsensus: unexpected failure\n";
    return kExitUsage;
  }
}
