// `clinconsensus select --count N [--difficulty D] --seed S`: a balanced subset written
// as a case-id list; `--split K` cuts K disjoint parts of the same balance.
#include <iostream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/cli_context.h"
#include "core/number_format.h"
#include "core/renderer.h"
#include "coverage/case_facts.h"
#include "coverage/coverage_messages.h"
#include "coverage/coverage_render.h"
#include "coverage/selection.h"

namespace cc::cli {
namespace {

// "heldout.txt", part 2 → "heldout-2.txt"; "ids" → "ids-2".
std::string part_path(const std::string& path, int part) {
  size_t slash = path.find_last_of('/');
  size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) dot = path.size();
  return path.substr(0, dot) + "-" + std::to_string(part) + path.substr(dot);
}

std::string describe(Lang lang, const std::string& dimension, const std::string& label, const std::string& label2) {
  std::string what = coverage::coverage_message(lang, dimension == "cell" ? "word/cells" : "dim/subject");
  return what + " " + label + (label2.empty() ? "" : " × " + label2);
}

}  // namespace

void register_select(CLI::App& app, CliContext& ctx, std::function<int()>& run) {
  struct Options {
    int count = 0;
    int split = 1;
    uint64_t seed = 1;
    std::vector<std::string> statuses, difficulties;
    std::string out;
    std::string format = "text";
    bool no_cache = false;
    bool verbose = false;
    long iterations = 0;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("select", "A balanced subset (public tier, held-out set) as a case-id list");
  cmd->add_option("--count", opts->count, "Cases per part (default with --split: the pool divided evenly)")
      ->check(CLI::Range(1, 10000000));
  cmd->add_option("--split", opts->split, "Cut this many disjoint parts of --count cases each")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cmd->add_option("--seed", opts->seed, "Seed of the search: the same seed gives the same list")->capture_default_str();
  cmd->add_option("--status", opts->statuses, "Choose only among cases of this status (repeatable)");
  cmd->add_option("--difficulty", opts->difficulties, "Choose only among cases of this tier (repeatable)");
  cmd->add_option("--out", opts->out, "Write the case ids to FILE (with --split: FILE-1, FILE-2, …), atomically");
  cmd->add_option("--format", opts->format, "Report format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_flag("--no-cache", opts->no_cache, "Neither read nor write the coverage cache");
  cmd->add_option("--iterations", opts->iterations, "Search moves (default: from the pool size)");
  cmd->add_flag("-v,--verbose", opts->verbose, "List every cell the pool has no case for, not only the first few");
  cmd->callback([&ctx, &run, opts] {
    run = [&ctx, opts]() -> int {
      const Lang lang = ctx.lang();
      auto project = ctx.open_project(std::cerr);
      if (!project) return kExitUsage;
      const Config& cfg = project->config;
      if (!check_case_filters(*project, opts->statuses, opts->difficulties, "select", std::cerr)) return kExitUsage;
      coverage::FactsLoad facts = coverage::load_case_facts(cfg, lang, !opts->no_cache);
      if (!facts.diagnostics.empty()) {
        RenderInput in{facts.diagnostics, static_cast<int>(facts.files), lang, ctx.want_color(2)};
        render_text(in, std::cerr);
        std::cerr << "clinconsensus select: "
                  << coverage::coverage_message(lang, "load/refused",
                                                {{"count", std::to_string(facts.diagnostics.size())}})
                  << '\n';
        return kExitFindings;
      }
      coverage::CaseFilter filter{opts->statuses, opts->difficulties};
      std::vector<coverage::CaseFacts> pool;
      for (auto& c : facts.cases)
        if (filter.accepts(c)) pool.push_back(std::move(c));
      if (opts->count <= 0 && opts->split <= 1) {
        std::cerr << "clinconsensus select: --count N is required (or --split K to divide the pool)\n";
        return kExitUsage;
      }
      int count = opts->count > 0 ? opts->count : static_cast<int>(pool.size()) / opts->split;
      if (count <= 0 || static_cast<size_t>(count) * opts->split > pool.size()) {
        std::cerr << "clinconsensus select: "
                  << coverage::coverage_message(lang, "select/too-few",
                                                {{"pool", std::to_string(pool.size())},
                                                 {"need", std::to_string(std::max(1, count) * opts->split)}})
                  << '\n';
        return kExitUsage;
      }
      auto targets = coverage::targets_from_json(cfg.targets, cfg.min_axes_per_case, cfg.min_safety_criteria_per_case)
                         .scaled_to(count);
      if (!opts->difficulties.empty()) targets = targets.without_shares("difficulty");
      coverage::SelectOptions so{count, opts->split, opts->seed, opts->iterations};
      coverage::SelectionResult res = coverage::select_balanced(pool, project->taxonomy, targets, so);

      // The case-id lists.
      std::vector<std::string> lists;
      for (const auto& part : res.parts) {
        std::string ids;
        for (size_t i : part) ids += pool[i].case_id + '\n';
        lists.push_back(std::move(ids));
      }
      std::ostream& report = opts->out.empty() ? std::cerr : std::cout;
      if (!opts->out.empty()) {
        for (size_t p = 0; p < lists.size(); ++p) {
          std::string path = opts->split > 1 ? part_path(opts->out, static_cast<int>(p + 1)) : opts->out;
          if (!write_output(ctx, "select", path, lists[p], std::cerr)) return kExitUsage;
          if (opts->format == "text")
            report << coverage::coverage_message(lang, "select/written", {{"path", path}}) << '\n';
        }
      } else if (opts->format == "text") {
        for (size_t p = 0; p < lists.size(); ++p)
          std::cout << (opts->split > 1 ? "# part " + std::to_string(p + 1) + "\n" : "") << lists[p];
        std::cout.flush();
      }

      // The coverage of what was chosen, against the targets scaled to its size.
      nlohmann::ordered_json jparts = nlohmann::ordered_json::array();
      int unmet = 0;
      if (opts->format == "text")
        report << coverage::coverage_message(lang, "select/pool",
                                             {{"pool", std::to_string(pool.size())},
                                              {"parts", std::to_string(opts->split)},
                                              {"count", std::to_string(count)}})
               << '\n';
      // Cells the pool has no case for: summarised in text, unless --verbose.
      std::set<std::pair<std::string, std::string>> empty_cells;
      int empty_target = 0;
      if (opts->format == "text" && !opts->verbose)
        for (const auto& inf : res.infeasible)
          if (inf.id == "select/unmet-pool" && inf.dimension == "cell" && inf.pool == 0) {
            empty_cells.emplace(inf.label, inf.label2);
            empty_target = inf.target;
          }
      if (!empty_cells.empty()) {
        std::string first;
        int shown = 0;
        for (const auto& inf : res.infeasible) {
          if (inf.dimension != "cell" || !empty_cells.count({inf.label, inf.label2}) || shown == 3) continue;
          first += (shown++ ? ", " : "") + inf.label + " × " + inf.label2;
        }
        size_t total = project->taxonomy.specialties.labels.size() * project->taxonomy.tasks.labels.size();
        report << "  ! "
               << coverage::coverage_message(
                      lang, "select/empty-cells",
                      {{"n", std::to_string(empty_cells.size())},
                       {"total", std::to_string(total)},
                       {"first", first},
                       {"more",
                        empty_cells.size() > 3 ? coverage::coverage_message(lang, "select/empty-cells-more") : ""}})
               << '\n';
      }
      for (const auto& inf : res.infeasible) {
        if (inf.dimension == "cell" && empty_cells.count({inf.label, inf.label2})) continue;
        std::string what = describe(lang, inf.dimension, inf.label, inf.label2);
        std::string msg = coverage::coverage_message(lang, inf.id,
                                                     {{"what", what},
                                                      {"target", std::to_string(inf.target)},
                                                      {"pool", std::to_string(inf.pool)},
                                                      {"sum", std::to_string(inf.target)},
                                                      {"count", std::to_string(inf.pool)}});
        if (opts->format == "text") report << "  ! " << msg << '\n';
      }
      for (size_t p = 0; p < res.parts.size(); ++p) {
        std::vector<coverage::CaseFacts> chosen;
        for (size_t i : res.parts[p]) chosen.push_back(pool[i]);
        coverage::CoverageReport cov = coverage::compute_coverage(chosen, project->taxonomy, targets);
        const auto& w = res.worst[p];
        nlohmann::ordered_json junmet = nlohmann::ordered_json::array();
        if (opts->format == "text") {
          report << coverage::coverage_message(
                        lang, "select/part",
                        {{"part", std::to_string(p + 1)},
                         {"count", std::to_string(chosen.size())},
                         {"dev", format_fixed(std::abs(w.share_pct - w.target_pct), 2)},
                         {"where", w.dimension + " " + w.label + " " + format_fixed(w.share_pct, 1) + "% / " +
                                       format_fixed(w.target_pct, 1) + "%"}})
                 << '\n';
          coverage::render_marginals_text(cov, lang, report);
        }
        int unmet_empty = 0;
        for (const auto& u : res.unmet) {
          if (u.part != static_cast<int>(p + 1)) continue;
          ++unmet;
          if (u.dimension == "cell" && empty_cells.count({u.label, u.label2})) {
            ++unmet_empty;
            continue;  // summarised below; the JSON report lists every one
          }
          std::string msg = coverage::coverage_message(lang, "select/unmet",
                                                       {{"part", std::to_string(u.part)},
                                                        {"what", describe(lang, u.dimension, u.label, u.label2)},
                                                        {"actual", std::to_string(u.actual)},
                                                        {"op", u.is_min ? "≥" : "≤"},
                                                        {"target", std::to_string(u.target)}});
          if (opts->format == "text") report << "  ! " << msg << '\n';
          junmet.push_back({{"dimension", u.dimension},
                            {"label", u.label},
                            {"label2", u.label2},
                            {"actual", u.actual},
                            {"bound", u.is_min ? "min" : "max"},
                            {"target", u.target},
                            {"pool_allows", u.feasible},
                            {"message", msg}});
        }
        if (unmet_empty > 0)
          report << "  ! "
                 << coverage::coverage_message(lang, "select/unmet-empty",
                                               {{"part", std::to_string(p + 1)},
                                                {"n", std::to_string(unmet_empty)},
                                                {"target", std::to_string(empty_target)}})
                 << '\n';
        nlohmann::ordered_json ids = nlohmann::ordered_json::array();
        for (size_t i : res.parts[p]) ids.push_back(pool[i].case_id);
        nlohmann::ordered_json shares = nlohmann::ordered_json::object();
        for (const auto& m : cov.marginals) {
          if (m.dimension != "difficulty" && m.dimension != "care_stage" && m.dimension != "audience") continue;
          for (const auto& row : m.rows) shares[m.dimension][row.label] = std::round(row.share_pct * 100) / 100;
        }
        jparts.push_back({{"part", p + 1},
                          {"case_ids", std::move(ids)},
                          {"shares_pct", std::move(shares)},
                          {"worst_deviation",
                           {{"dimension", w.dimension},
                            {"label", w.label},
                            {"share_pct", w.share_pct},
                            {"target_pct", w.target_pct}}},
                          {"unmet", std::move(junmet)}});
      }
      if (opts->format == "json") {
        nlohmann::ordered_json jinf = nlohmann::ordered_json::array();
        for (const auto& inf : res.infeasible)
          jinf.push_back({{"kind", inf.id},
                          {"dimension", inf.dimension},
                          {"label", inf.label},
                          {"label2", inf.label2},
                          {"target", inf.target},
                          {"available", inf.pool}});
        nlohmann::ordered_json doc{{"pool", pool.size()},
                                   {"count", count},
                                   {"parts", std::move(jparts)},
                                   {"seed", opts->seed},
                                   {"cannot_be_met", std::move(jinf)}};
        std::cout << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      }
      return unmet > 0 ? kExitFindings : kExitOk;
    };
  });
}

}  // namespace cc::cli
