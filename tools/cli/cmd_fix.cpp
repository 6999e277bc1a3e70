// `clinconsensus fix [PATH...]`: applies the safe fixes of the text rules in place;
// `--check` changes nothing and exits 1 if anything would change.
#include <iostream>
#include <map>

#include "checks/fixer.h"
#include "cli/cli_context.h"
#include "core/renderer.h"

namespace cc::cli {

void register_fix(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  struct Options {
    std::vector<std::string> paths;
    bool check = false;
    bool traditional = false;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "fix", "Apply the safe text fixes in place (punctuation width, invisible characters, NFC, ...)");
  cmd->add_option("paths", opts->paths, "Files or folders (default: the whole benchmark)");
  cmd->add_flag("--check", opts->check, "Change nothing; list what would change and exit 1 if anything would");
  cmd->add_flag("--fix-traditional", opts->traditional, "Also convert traditional characters to simplified");
  cmd->callback([&ctx, &run, opts] {
    run = [&ctx, opts]() -> int {
      auto project = ctx.open_project(std::cerr);
      if (!project) return kExitUsage;
      bool zh = ctx.lang() == Lang::Zh;
      std::vector<Diagnostic> problems;
      std::vector<std::string> files = fix_targets(*project, opts->paths, problems);
      FixOptions fo;
      fo.check_only = opts->check;
      fo.text.fix_traditional = opts->traditional;
      std::map<std::string, int> per_rule;
      int changed_files = 0;
      for (const auto& f : files) {
        FileFix r = fix_file(*project, f, fo);
        problems.insert(problems.end(), r.problems.begin(), r.problems.end());
        if (r.changes.empty()) continue;
        ++changed_files;
        for (const auto& c : r.changes) {
          ++per_rule[c.rule];
          if (opts->check)
            std::cout << f << ':' << c.line << ':' << c.column << ": " << c.rule << ": '" << c.before << "' → '"
                      << c.after << "'\n";
        }
      }
      // Summary: files and changes per rule.
      int total = 0;
      for (const auto& [rule, n] : per_rule) total += n;
      if (zh)
        std::cout << (opts->check ? "将修改 " : "已修改 ") << changed_files << " 个文件，共 " << total << " 处";
      else
        std::cout << (opts->check ? "would change " : "changed ") << changed_files
                  << (changed_files == 1 ? " file, " : " files, ") << total << (total == 1 ? " fix" : " fixes");
      std::cout << (per_rule.empty() ? "" : ":") << '\n';
      for (const auto& [rule, n] : per_rule) std::cout << "  " << rule << "  " << n << '\n';
      if (!problems.empty()) {
        RenderInput in{problems, static_cast<int>(files.size()), ctx.lang(), ctx.want_color(2)};
        render_text(in, std::cerr);
      }
      bool unreadable = std::any_of(problems.begin(), problems.end(),
                                    [](const Diagnostic& d) { return d.rule == "io/read" || d.rule == "io/write"; });
      if (unreadable) return kExitUsage;
      if (opts->check && total > 0) return kExitFindings;
      return problems.empty() ? kExitOk : kExitFindings;
    };
  });
}

}  // namespace cc::cli
