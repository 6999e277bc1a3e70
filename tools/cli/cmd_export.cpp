// `clinconsensus export [--out F] [--public]`: the public JSONL of the approved cases.
#include <iostream>

#include "cli/cli_context.h"
#include "core/renderer.h"
#include "release/export_run.h"
#include "release/release_messages.h"

namespace cc::cli {

void register_export(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  struct Options {
    std::string out;
    bool public_only = false;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("export", "Write the approved cases as JSONL in the public release format");
  cmd->add_option("-o,--out", opts->out, "Output file (default: standard output)");
  cmd->add_flag("--public", opts->public_only, "Only the public tier (difficulty low)");
  cmd->callback([&ctx, &run, opts] {
    run = [&ctx, opts]() -> int {
      auto project = ctx.open_project(std::cerr);
      if (!project) return kExitUsage;
      ExportRun r = run_export(*project, ExportOptions{opts->public_only});
      if (r.outcome != RunOutcome::Done) {
        RenderInput in{r.findings, 0, ctx.lang(), ctx.want_color(2)};
        render_text(in, std::cerr);
        std::cerr << "clinconsensus export: " << release_message(ctx.lang(), "export/invalid") << '\n';
        return exit_status(r.outcome);
      }
      if (!r.result.without_rubric.empty()) {
        std::string ids;
        for (const auto& id : r.result.without_rubric) ids += (ids.empty() ? "" : ", ") + id;
        std::cerr << "clinconsensus export: " << release_message(ctx.lang(), "export/without-rubric", {{"ids", ids}})
                  << '\n';
      }
      if (r.result.rows == 0) {
        // Valid, but almost always a mistake (cases still in draft or review): say so.
        std::string tier = opts->public_only ? (ctx.lang() == Lang::Zh ? "低难度" : " of difficulty low") : "";
        std::cerr << "clinconsensus export: " << release_message(ctx.lang(), "export/empty", {{"tier", tier}}) << '\n';
      }
      if (opts->out.empty()) {
        std::cout << r.result.jsonl;
        std::cout.flush();
        return kExitOk;
      }
      if (!write_output(ctx, "export", opts->out, r.result.jsonl, std::cerr)) return kExitUsage;
      std::cout << release_message(ctx.lang(), "export/done",
                                   {{"rows", std::to_string(r.result.rows)}, {"path", opts->out}})
                << '\n';
      return kExitOk;
    };
  });
}

}  // namespace cc::cli
