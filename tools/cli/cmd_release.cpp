// `clinconsensus release cut V | diff A B | verify V [--export F] | list`: versioned
// releases as annotated git tags with a manifest and a changelog.
#include <iostream>

#include "cli/cli_context.h"
#include "core/renderer.h"
#include "leak/release_leaks.h"
#include "release/release_cut.h"
#include "release/release_messages.h"
#include "release/release_query.h"
#include "release/release_verify.h"

namespace cc::cli {
namespace {

int print_problems(const std::vector<Diagnostic>& problems, const CliContext& ctx) {
  if (problems.empty()) return kExitOk;
  RenderInput in{problems, 0, ctx.lang(), ctx.want_color(2)};
  render_text(in, std::cerr);
  return kExitOk;
}

}  // namespace

void register_release(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  struct Options {
    std::string version, from, to, export_file;
    std::vector<std::string> leak_corpus;
    bool leak_fail = false;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* release = app.add_subcommand("release", "Cut, compare, verify and list releases (annotated git tags)");
  release->require_subcommand(1);

  CLI::App* cut = release->add_subcommand("cut", "Cut release VERSION: reports, manifest, changelog, commit, tag");
  cut->add_option("version", opts->version, "Semantic version, e.g. 1.2.0")->required();
  cut->add_option("--leak-corpus", opts->leak_corpus,
                  "List approved cases found in this corpus in CHANGES.md (repeatable)");
  cut->add_flag("--leak-fail", opts->leak_fail, "Refuse the cut when --leak-corpus finds an approved case");
  cut->callback([&ctx, &run, opts] {
    run = [&ctx, opts]() -> int {
      auto project = ctx.open_project(std::cerr);
      if (!project) return kExitUsage;
      CutOptions co{opts->version, {}, opts->leak_fail};
      if (!opts->leak_corpus.empty())
        co.leak_check = [&ctx, opts](const Benchmark& b) {
          return leak::release_leaks(b, opts->leak_corpus, ctx.lang());
        };
      CutResult r = cut_release(*project, co);
      for (const auto& note : r.notes) std::cerr << "clinconsensus release cut: " << note << '\n';
      if (r.outcome != RunOutcome::Done) {
        if (!r.findings.empty()) {
          RenderInput in{r.findings, 0, ctx.lang(), ctx.want_color(2)};
          render_text(in, std::cerr);
        }
        std::cerr << "clinconsensus release cut: " << r.message << '\n';
        return exit_status(r.outcome);
      }
      std::cout << r.message << '\n' << r.summary << '\n';
      for (const auto& f : r.files) std::cout << "  " << f << '\n';
      std::cout << "manifest-sha256: " << r.manifest_hash << '\n';
      return kExitOk;
    };
  });

  CLI::App* diff = release->add_subcommand("diff", "The semantic diff between two releases (or any revisions)");
  diff->add_option("from", opts->from, "Older version or revision")->required();
  diff->add_option("to", opts->to, "Newer version or revision")->required();
  diff->callback([&ctx, &run, opts] {
    run = [&ctx, opts]() -> int {
      auto project = ctx.open_project(std::cerr);
      if (!project) return kExitUsage;
      auto d = git::diff_revisions(project->config, opts->from, opts->to, ctx.lang());
      if (!d) {
        std::cerr << "clinconsensus release diff: " << d.error().message << '\n';
        return kExitUsage;
      }
      print_problems(d->problems, ctx);
      std::cout << diff_markdown(d->diff, git::revision_label(opts->from), git::revision_label(opts->to), ctx.lang());
      return kExitOk;
    };
  });

  CLI::App* verify = release->add_subcommand("verify", "Check that a release's tag, manifest and export agree");
  verify->add_option("version", opts->version, "The release to verify")->required();
  verify->add_option("--export", opts->export_file, "A downloaded export file to check against the release");
  verify->callback([&ctx, &run, opts] {
    run = [&ctx, opts]() -> int {
      auto project = ctx.open_project(std::cerr);
      if (!project) return kExitUsage;
      VerifyResult r = verify_release(*project, opts->version, opts->export_file);
      for (const auto& c : r.checks)
        std::cout << (c.ok ? "ok    " : "FAIL  ") << c.what << (c.ok ? "" : ": " + c.detail) << '\n';
      if (r.outcome == RunOutcome::Unusable) {
        std::cerr << "clinconsensus release verify: " << r.error << '\n';
        return kExitUsage;
      }
      int failed = 0;
      for (const auto& c : r.checks) failed += !c.ok;
      std::string tag = git::revision_label(opts->version);
      std::cout << (failed ? release_message(ctx.lang(), "verify/failed", {{"tag", tag}, {"n", std::to_string(failed)}})
                           : release_message(ctx.lang(), "verify/ok", {{"tag", tag}}))
                << '\n';
      return failed ? kExitFindings : kExitOk;
    };
  });

  CLI::App* list = release->add_subcommand("list", "The releases, oldest first");
  list->callback([&ctx, &run] {
    run = [&ctx]() -> int {
      auto project = ctx.open_project(std::cerr);
      if (!project) return kExitUsage;
      auto tags = git::list_releases(project->config, project->lang);
      if (!tags) {
        std::cerr << "clinconsensus release list: " << tags.error().message << '\n';
        return kExitUsage;
      }
      if (tags->empty()) std::cout << release_message(ctx.lang(), "release/none") << '\n';
      for (const auto& t : *tags)
        std::cout << t.name << "  " << git::utc_date(t.time) << "  "
                  << (t.annotated ? git::summary_of(t.message) : "(lightweight tag)") << '\n';
      return kExitOk;
    };
  });
}

}  // namespace cc::cli
