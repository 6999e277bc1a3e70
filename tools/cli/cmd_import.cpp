// `clinconsensus import F.jsonl`: public-format rows into cases/ and rubrics/ YAML.
#include <filesystem>
#include <iostream>

#include "cli/cli_context.h"
#include "core/yaml_loader.h"
#include "release/import_jsonl.h"
#include "release/release_messages.h"

namespace cc::cli {

void register_import(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  struct Options {
    std::string file;
    bool keep_invalid = false;
    bool dry_run = false;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("import", "Turn a public-format JSONL file into case and rubric YAML files");
  cmd->add_option("file", opts->file, "The JSONL file")->required();
  cmd->add_flag("--keep-invalid", opts->keep_invalid, "Also write rows whose files would have errors, to fix by hand");
  cmd->add_flag("-n,--dry-run", opts->dry_run, "Report what would be imported; write nothing");
  cmd->callback([&ctx, &run, opts] {
    run = [&ctx, opts]() -> int {
      auto project = ctx.open_project(std::cerr);
      if (!project) return kExitUsage;
      auto text = read_file(opts->file);
      if (!text) {
        std::cerr << "clinconsensus import: " << opts->file << ": " << text.error().message << '\n';
        return kExitUsage;
      }
      ImportOptions io;
      io.source_name = std::filesystem::path(opts->file).filename().string();
      io.keep_invalid = opts->keep_invalid;
      ImportPlan plan = plan_import(*project, *text, io);
      if (!opts->dry_run)
        if (auto written = write_import(*project, plan); !written) {
          std::cerr << "clinconsensus import: " << written.error().message << '\n';
          return kExitUsage;
        }
      const Lang lang = ctx.lang();
      int with_errors = 0;
      for (const auto& c : plan.cases) {
        std::cout << c.case_path << '\n' << c.rubric_path << '\n';
        with_errors += !c.errors.empty();
      }
      std::cout << release_message(lang, "import/done",
                                   {{"n", std::to_string(plan.cases.size())}, {"rows", std::to_string(plan.rows)}})
                << '\n';
      if (!plan.cases.empty()) std::cout << release_message(lang, "import/placeholders") << '\n';
      if (with_errors)
        std::cout << release_message(lang, "import/with-errors", {{"n", std::to_string(with_errors)}}) << '\n';
      if (!plan.rejected.empty()) {
        std::cerr << release_message(lang, "import/rejected", {{"n", std::to_string(plan.rejected.size())}}) << '\n';
        for (const auto& p : plan.rejected)
          std::cerr << "  " << opts->file << ":" << p.line << (p.case_id.empty() ? "" : " " + p.case_id) << ": "
                    << p.reason << '\n';
      }
      return plan.rejected.empty() && with_errors == 0 ? kExitOk : kExitFindings;
    };
  });
}

}  // namespace cc::cli
