// `clinconsensus review export [--from DIR] [--out sheet.csv] [--all] [--responses PATH...]`
// and `clinconsensus review import SHEET --reviewer NAME [--out labels.jsonl]`: the
// physician review round trip (tools/judge/review_sheet.h).
#include <iostream>

#include "cli/eval_support.h"
#include "judge/review_sheet.h"

namespace cc::cli {

void register_review(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  CLI::App* review =
      app.add_subcommand("review", "Physician review: a sheet of what the judges disagree on, and its labels back");
  review->require_subcommand(1);

  auto ex = std::make_shared<judge::ReviewExportOptions>();
  auto from = std::make_shared<std::string>();
  CLI::App* exp = review->add_subcommand("export", "Write a CSV (UTF-8 with BOM) of the criteria to review");
  exp->add_option("--from", *from, "The judge run's folder (default: results/)");
  exp->add_option("--out", ex->out, "The sheet (default: DIR/review.csv)");
  exp->add_flag("--all", ex->all, "Every judged criterion, not only disagreements and those without a final verdict");
  exp->add_option("--responses", ex->responses, "Response files, when the run's own are no longer where it read them");
  exp->callback([&ctx, &run, ex, from] {
    run = [&ctx, ex, from] {
      auto config = open_eval_config(ctx, std::cerr);
      if (!config) return static_cast<int>(kExitUsage);
      ex->from_dir = resolve_out_dir(ctx, *config, *from);
      ex->out = ex->out.empty() ? ex->from_dir + "/review.csv" : resolve_out_dir(ctx, *config, ex->out);
      auto res = judge::export_review_sheet(*config, *ex, ctx.lang());
      if (!res) return report_error("review export", res.error(), std::cerr);
      std::cout << res->text;
      return static_cast<int>(kExitOk);
    };
  });

  auto im = std::make_shared<judge::ReviewImportOptions>();
  auto im_from = std::make_shared<std::string>();
  CLI::App* imp =
      review->add_subcommand("import", "Read a filled sheet into the physician label JSONL that agree --gold reads");
  imp->add_option("sheet", im->sheet, "The filled CSV")->required();
  imp->add_option("--reviewer", im->reviewer, "Who labelled it (recorded with every label)")->required();
  imp->add_option("--out", im->out, "The label file (default: results/physician_labels.jsonl); labels there are kept");
  imp->add_option("--from", *im_from, "The judge run's folder, for the default --out (default: results/)");
  imp->callback([&ctx, &run, im, im_from] {
    run = [&ctx, im, im_from] {
      auto config = open_eval_config(ctx, std::cerr);
      if (!config) return static_cast<int>(kExitUsage);
      im->sheet = resolve_out_dir(ctx, *config, im->sheet);
      im->out = im->out.empty() ? resolve_out_dir(ctx, *config, *im_from) + "/physician_labels.jsonl"
                                : resolve_out_dir(ctx, *config, im->out);
      auto res = judge::import_review_sheet(*config, *im, ctx.lang());
      if (!res) return report_error("review import", res.error(), std::cerr);
      std::cout << res->text;
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace cc::cli
