// `clinconsensus new --subject S --task T`: writes a case and its rubric skeleton with
// the next free id.
#include <filesystem>
#include <iostream>

#include "cli/cli_context.h"
#include "core/atomic_write.h"
#include "core/repository.h"
#include "core/scaffold.h"

namespace cc::cli {

void register_new(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  struct Options {
    std::string subject, task, difficulty = "medium", care_stage, audience = "lay", user_role, id;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("new", "Write a new case and its rubric, ready to fill in");
  cmd->add_option("--subject", opts->subject, "Primary specialty: Chinese name, English name or code")->required();
  cmd->add_option("--task", opts->task, "Primary task type: Chinese name, English name or code")->required();
  cmd->add_option("--difficulty", opts->difficulty, "low, medium or high")->capture_default_str();
  cmd->add_option("--care-stage", opts->care_stage, "Care stage (Chinese name or code)");
  cmd->add_option("--audience", opts->audience, "lay or professional")->capture_default_str();
  cmd->add_option("--user-role", opts->user_role, "Who asks, e.g. 患者家属");
  cmd->add_option("--id", opts->id, "Case id to use instead of the next free one");
  cmd->callback([&ctx, &run, opts] {
    run = [&ctx, opts]() -> int {
      auto project = ctx.open_project(std::cerr);
      if (!project) return kExitUsage;
      const Config& cfg = project->config;
      const Taxonomy& tax = project->taxonomy;
      auto unknown = [&](const char* what, const std::string& value, const Dimension& dim) {
        std::cerr << "clinconsensus new: unknown " << what << " '" << value << "'";
        if (const Label* near = dim.suggest(value))
          std::cerr << "; did you mean " << near->zh << " (" << near->code << ")?";
        std::cerr << '\n';
        return static_cast<int>(kExitUsage);
      };
      ScaffoldRequest req;
      req.subject = tax.find_specialty_any(opts->subject);
      if (!req.subject) return unknown("specialty", opts->subject, tax.specialties);
      req.task = tax.find_task_any(opts->task);
      if (!req.task) return unknown("task type", opts->task, tax.tasks);
      if (!tax.difficulty.find(opts->difficulty)) return unknown("difficulty", opts->difficulty, tax.difficulty);
      if (!tax.audiences.find(opts->audience)) return unknown("audience", opts->audience, tax.audiences);
      req.difficulty = opts->difficulty;
      req.audience = opts->audience;
      req.user_role = opts->user_role;
      if (!opts->care_stage.empty()) {
        const Label* stage = tax.care_stages.find(opts->care_stage);
        for (const auto& l : tax.care_stages.labels)
          if (!stage && l.code == opts->care_stage) stage = &l;
        if (!stage) return unknown("care stage", opts->care_stage, tax.care_stages);
        req.care_stage = stage->zh;
      }
      std::vector<std::string> stems;
      for (const auto& dir : {cfg.cases_dir, cfg.rubrics_dir})
        for (const auto& f : list_yaml_files(cfg.root, dir)) stems.push_back(file_stem(f));
      req.case_id = opts->id.empty() ? next_case_id(cfg, stems) : opts->id;
      if (std::find(stems.begin(), stems.end(), req.case_id) != stems.end()) {
        std::cerr << "clinconsensus new: " << req.case_id << " already exists; choose another --id\n";
        return kExitUsage;
      }
      std::string case_rel = cfg.cases_dir + "/" + req.subject->code + "/" + req.case_id + ".yaml";
      std::string rubric_rel = cfg.rubrics_dir + "/" + req.subject->code + "/" + req.case_id + ".yaml";
      Result<std::string> case_text = scaffold_case(cfg, tax, req);
      Result<std::string> rubric_text = scaffold_rubric(cfg, tax, req);
      for (const auto* text : {&case_text, &rubric_text})
        if (!text->ok()) {
          std::cerr << "clinconsensus new: " << text->error().message << '\n';
          return kExitUsage;
        }
      if (auto w = write_file_atomic(cfg.abs(case_rel), *case_text); !w) {
        std::cerr << "clinconsensus new: " << w.error().message << '\n';
        return kExitUsage;
      }
      if (auto w = write_file_atomic(cfg.abs(rubric_rel), *rubric_text); !w) {
        std::filesystem::remove(cfg.abs(case_rel));  // never leave half a pair behind
        std::cerr << "clinconsensus new: " << w.error().message << '\n';
        return kExitUsage;
      }
      std::cout << (ctx.lang() == Lang::Zh ? "已创建 " : "created ") << case_rel << '\n'
                << (ctx.lang() == Lang::Zh ? "已创建 " : "created ") << rubric_rel << '\n';
      return kExitOk;
    };
  });
}

}  // namespace cc::cli
