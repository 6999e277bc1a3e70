#include "scoring/agree_run.h"

#include <algorithm>

#include "core/atomic_write.h"
#include "core/sha256.h"
#include "core/version.h"
#include "scoring/output/agree_writers.h"
#include "scoring/stats/agreement.h"
#include "scoring/run_setup.h"
#include "scoring/stats/repeatability.h"
#include "scoring/stats/slices.h"

namespace cc::scoring {
namespace {

std::string list_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + judge_display_name(n);
  return out.empty() ? "none" : out;
}

}  // namespace

AgreeOutcome run_agree(const AgreeOptions& o) {
  AgreeOutcome out;
  auto usage = [&](std::string why) {
    out.usage_error = std::move(why);
    out.outcome = RunOutcome::Unusable;
    return out;
  };
  if (o.verdicts.empty() || o.verdicts.size() > 2) return usage("--verdicts takes one or two files or folders");
  if (o.judges.size() > 2) return usage("--judge may be given at most twice");
  RunSetup setup = prepare_run(o.start_dir, o.cases, o.lang, o.threads);
  if (!setup.usage_error.empty()) return usage(setup.usage_error);
  out.diagnostics = setup.cases.diagnostics;
  if (setup.cases.unreadable || !setup.cases.cases) {
    out.outcome = RunOutcome::Unusable;
    return out;
  }
  const CaseSet& cases = *setup.cases.cases;
  // Two paths and no --judge: each path is one rater, named by NAME= or its file name.
  // Otherwise the raters are the judges the verdicts name.
  const bool per_path = o.verdicts.size() == 2 && o.judges.empty();
  std::vector<VerdictInput> inputs = verdict_inputs(o.verdicts, o.start_dir, judge_from_path);
  if (per_path && inputs[0].judge == inputs[1].judge) {
    inputs[0].judge = inputs[0].path;
    inputs[1].judge = inputs[1].path;
  }
  ReadVerdictsOptions ro;
  ro.lang = o.lang;
  ro.threads = o.threads;
  ro.force_judge = per_path;
  VerdictCollection verdicts = read_verdicts(inputs, cases, ro);
  out.diagnostics.insert(out.diagnostics.end(), verdicts.diagnostics.begin(), verdicts.diagnostics.end());
  VerdictCollection gold;
  bool has_gold = !o.gold.empty();
  if (has_gold) {
    ReadVerdictsOptions go = ro;
    go.role = "gold";
    go.force_judge = true;
    std::vector<VerdictInput> gi = verdict_inputs(o.gold, o.start_dir, unnamed_judge);
    for (auto& g : gi) g.judge = "gold";
    gold = read_verdicts(gi, cases, go);
    out.diagnostics.insert(out.diagnostics.end(), gold.diagnostics.begin(), gold.diagnostics.end());
  }
  std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(), diagnostic_less);
  out.files_read = static_cast<int>(verdicts.inputs.size() + gold.inputs.size() + setup.cases.inputs.size());
  if (verdicts.unreadable || gold.unreadable) {
    out.outcome = RunOutcome::Unusable;
    return out;
  }
  std::vector<std::string> judges = verdicts.judges();
  AgreeReport report;
  report.cases = &cases;
  report.cases_source = setup.cases_source;
  report.tool_version = kToolVersion;
  report.inputs = setup.inputs;
  report.inputs.insert(report.inputs.end(), setup.cases.inputs.begin(), setup.cases.inputs.end());
  report.inputs.insert(report.inputs.end(), verdicts.inputs.begin(), verdicts.inputs.end());
  report.inputs.insert(report.inputs.end(), gold.inputs.begin(), gold.inputs.end());
  std::vector<std::pair<std::string, std::string>> files;
  if (o.repeats) {
    if (has_gold) return usage("--repeats measures one judge against itself; leave out --gold");
    std::string judge;
    if (o.judges.size() == 1) {
      judge = o.judges[0];
    } else if (o.judges.empty()) {
      std::vector<std::string> bases;
      for (const auto& j : judges)
        if (j.find('#') == std::string::npos && j != "final") bases.push_back(j);
      if (bases.size() == 1) judge = bases[0];
    }
    if (judge.empty())
      return usage("--repeats needs one judge: name it with --judge; the verdicts hold: " + list_names(judges));
    if (count_diagnostics(out.diagnostics).errors > 0) {
      out.outcome = RunOutcome::Findings;
      return out;
    }
    std::vector<Slice> slices = build_slices(cases, setup.taxonomy ? &*setup.taxonomy : nullptr);
    const int k = o.k.value_or(setup.config ? setup.config->k : 10);
    Repeatability rep = measure_repeatability(cases, slices.front(), verdicts, judge, k);
    if (rep.repeats.size() < 2)
      return usage("no repeats of judge '" + judge + "' in the verdicts (judges " + judge +
                   "#2, ...): run judge --repeat N first");
    out.text = repeatability_text(rep);
    files = {{"repeatability.json", repeatability_json(rep)}};
  } else {
    std::string a, b;
    if (per_path) {
      a = inputs[0].judge;
      b = inputs[1].judge;
    } else if (o.judges.size() == 2) {
      a = o.judges[0];
      b = o.judges[1];
    } else if (judges.size() == 2 && o.judges.empty()) {
      a = judges[0];
      b = judges[1];
    } else {
      return usage("agree compares two judges; the verdicts hold: " + list_names(judges) +
                   ". Pass two --verdicts paths, or --judge A --judge B");
    }
    for (const auto& j : {a, b})
      if (std::find(judges.begin(), judges.end(), j) == judges.end() && !per_path)
        return usage("no verdicts from judge '" + j + "'; the verdicts hold: " + list_names(judges));
    if (count_diagnostics(out.diagnostics).errors > 0) {
      out.outcome = RunOutcome::Findings;
      return out;
    }
    std::vector<Slice> slices = build_slices(cases, setup.taxonomy ? &*setup.taxonomy : nullptr);
    std::vector<const VerdictTable*> gold_tables = gold.for_judge("gold");
    report.agreement = compare_raters(cases, slices, a, verdicts.for_judge(a), b, verdicts.for_judge(b),
                                      has_gold ? &gold_tables : nullptr);
    out.text = agreement_text(report);
    files = {{"agreement.csv", agreement_csv(report)},
             {"agreement.json", agreement_json(report)},
             {"disagreements.csv", disagreements_csv(report)}};
  }
  if (o.out_dir.empty()) return out;
  std::vector<std::pair<std::string, std::string>> hashes;
  for (const auto& [name, content] : files) hashes.emplace_back(name, sha256_hex(content));
  files.emplace_back("run_manifest.json", agree_manifest_json(report, o.command, hashes));
  const std::string dir = resolve_path(o.start_dir, o.out_dir);
  for (const auto& [name, content] : files) {
    if (auto written = write_file_atomic(dir + "/" + name, content); !written) {
      Diagnostic d;
      d.rule = "io/write";
      d.file = o.out_dir + "/" + name;
      d.message = written.error().message;
      out.diagnostics.push_back(std::move(d));
      out.outcome = RunOutcome::Unusable;
      return out;
    }
    out.written.push_back(o.out_dir + "/" + name);
  }
  return out;
}

}  // namespace cc::scoring
