// `clinconsensus schema sync [--check]`: writes the taxonomy's labels and the configured
// criteria count into the case and rubric JSON Schemas (checks/schema_sync.h).
#include <iostream>

#include "checks/schema_sync.h"
#include "cli/cli_context.h"

namespace cc::cli {

void register_schema(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  auto check_only = std::make_shared<bool>(false);
  CLI::App* schema = app.add_subcommand("schema", "The JSON Schemas in schema/");
  schema->require_subcommand(1);
  CLI::App* sync = schema->add_subcommand(
      "sync", "Write the taxonomy's labels and the criteria count into the case and rubric schemas");
  sync->add_flag("--check", *check_only, "Change nothing; exit 1 when a schema is out of date");
  sync->callback([&ctx, &run, check_only] {
    run = [&ctx, check_only]() -> int {
      auto project = ctx.open_project(std::cerr);
      if (!project) return kExitUsage;
      auto states = sync_schemas(project->config, project->taxonomy, *check_only);
      if (!states) {
        std::cerr << "clinconsensus schema sync: " << states.error().message << '\n';
        return kExitUsage;
      }
      bool stale = false;
      for (const auto& s : *states) {
        stale = stale || s.out_of_date;
        const char* id = !s.out_of_date ? "schema/sync-current"
                         : *check_only  ? "schema/sync-stale"
                                        : "schema/sync-updated";
        std::cout << message(ctx.lang(), id, {{"file", s.rel_path}, {"where", s.where}}) << '\n';
      }
      return stale && *check_only ? kExitFindings : kExitOk;
    };
  });
}

}  // namespace cc::cli
