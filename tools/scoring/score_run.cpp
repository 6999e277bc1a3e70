#include "scoring/score_run.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <thread>

#include "core/atomic_write.h"
#include "core/sha256.h"
#include "core/utf8.h"
#include "core/version.h"
#include "scoring/stats/bootstrap.h"
#include "scoring/stats/item_analysis.h"
#include "core/parallel.h"
#include "scoring/run_setup.h"
#include "scoring/output/score_outputs.h"
#include "scoring/output/score_writers.h"
#include "scoring/scoring_messages.h"
#include "scoring/output/text_format.h"

namespace cc::scoring {
namespace {

bool has_errors(const std::vector<Diagnostic>& d) { return count_diagnostics(d).errors > 0; }

// Wall time per phase on stderr when CC_SCORE_TIMING is set (for bench/, never in outputs).
class PhaseTimer {
 public:
  PhaseTimer() : on_(std::getenv("CC_SCORE_TIMING") != nullptr), last_(std::chrono::steady_clock::now()) {}
  void mark(const char* phase) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "timing: %-12s %8.1f ms\n", phase,
                 std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
  }
  bool on() const { return on_; }
  // The time one task took (e.g. formatting one output file on a worker thread).
  void task(const std::string& name, std::chrono::steady_clock::time_point since) const {
    if (!on_) return;
    std::fprintf(stderr, "timing:   %-22s %8.1f ms\n", name.c_str(),
                 std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count());
  }

 private:
  bool on_;
  std::chrono::steady_clock::time_point last_;
};

// Reports the verdicts `table` lacks: per case (at most `limit` lines), then the total.
void report_missing(const CaseSet& cases, const VerdictTable& t, bool allowed, Lang lang,
                    std::vector<Diagnostic>& out) {
  constexpr int kLimit = 10;
  long missing = 0, missing_cases = 0;
  int listed = 0;
  for (uint32_t c = 0; c < cases.cases.size(); ++c) {
    std::vector<std::string> ids;
    for (uint32_t i = 0; i < cases.criteria_count(c); ++i) {
      Verdict v = t.cells[cases.first_cell(c) + i];
      if (v == Verdict::None || v == Verdict::Unreadable) ids.push_back(cases.cases[c].criteria[i].criterion_id);
    }
    if (ids.empty()) continue;
    missing += static_cast<long>(ids.size());
    ++missing_cases;
    if (allowed || listed >= kLimit) continue;
    ++listed;
    std::string msg;
    if (ids.size() == cases.criteria_count(c)) {
      msg = scoring_message(
          lang, "verdict/missing-case",
          {{"model", t.model}, {"case", cases.cases[c].case_id}, {"count", std::to_string(ids.size())}});
    } else {
      std::string list;
      for (size_t i = 0; i < ids.size() && i < 8; ++i) list += (i ? ", " : "") + ids[i];
      if (ids.size() > 8) list += ", … (" + std::to_string(ids.size()) + ")";
      msg = scoring_message(lang, "verdict/missing-criteria",
                            {{"model", t.model}, {"criteria", list}, {"case", cases.cases[c].case_id}});
    }
    out.push_back(file_diagnostic("verdict/missing", Severity::Error, t.first_file, msg));
  }
  if (missing == 0) return;
  out.push_back(file_diagnostic("verdict/missing", allowed ? Severity::Warning : Severity::Error, t.first_file,
                                scoring_message(lang, allowed ? "verdict/missing-allowed" : "verdict/missing-total",
                                                {{"model", t.model},
                                                 {"count", std::to_string(missing)},
                                                 {"total", std::to_string(cases.cell_count())},
                                                 {"cases", std::to_string(missing_cases)}})));
}

std::string leaderboard_text(const ScoreReport& r) {
  const std::string k = std::to_string(r.settings.k);
  std::vector<std::vector<std::string>> rows{{"rank", "model", "CACS@" + k, "pass@" + k, "Rubric Acc.", "missing"}};
  std::vector<size_t> order = r.leaderboard();
  for (size_t i = 0; i < order.size(); ++i) {
    const ModelResult& m = r.models[order[i]];
    MetricIntervals ci;
    if (!r.bootstrap.intervals.empty()) ci = r.bootstrap.intervals[0][order[i]];
    rows.push_back(
        {std::to_string(i + 1), m.model, format_with_interval(m.slices[0].cacs_at_k_pct.value_or(0), ci.cacs_at_k),
         format_with_interval(m.slices[0].pass_at_k_pct.value_or(0), ci.pass_at_k),
         format_with_interval(m.slices[0].rubric_accuracy_pct, ci.rubric_accuracy), std::to_string(m.missing)});
  }
  std::vector<size_t> width(rows[0].size(), 0);
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size(); ++c)
      width[c] = std::max<size_t>(width[c], static_cast<size_t>(display_width(row[c])));
  std::string out;
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      std::string pad(width[c] - static_cast<size_t>(display_width(row[c])), ' ');
      out += (c == 1 ? row[c] + pad : pad + row[c]) + (c + 1 < row.size() ? "  " : "\n");
    }
  }
  return out;
}

}  // namespace

ScoreOutcome run_score(const ScoreOptions& o) {
  ScoreOutcome out;
  const Lang lang = o.lang;
  if (o.out_dir.empty()) {
    out.usage_error = "--out DIR is required";
    out.outcome = RunOutcome::Unusable;
    return out;
  }
  if (o.resamples < 0 || o.ci_level <= 0 || o.ci_level >= 100) {
    out.usage_error = "--bootstrap must be at least 0 and --ci between 0 and 100 (exclusive)";
    out.outcome = RunOutcome::Unusable;
    return out;
  }
  PhaseTimer timer;
  // The verdict files are read and hashed while the cases load: neither needs the other.
  std::vector<VerdictInput> inputs = verdict_inputs(o.verdicts, o.start_dir, unnamed_judge);
  VerdictFiles opened;
  std::thread reader;
  struct Joiner {
    std::thread& t;
    ~Joiner() {
      if (t.joinable()) t.join();
    }
  } joiner{reader};
  try {
    reader = std::thread([&] {
      try {
        opened = open_verdict_files(inputs, lang, o.threads);
      } catch (...) {
        opened = VerdictFiles{};  // out of memory: reported as unreadable input
        opened.unreadable = true;
        opened.diagnostics.push_back(
            file_diagnostic("io/read", Severity::Error, "", "out of memory reading the verdicts"));
      }
    });
  } catch (...) {
    opened = open_verdict_files(inputs, lang, o.threads);
  }
  RunSetup setup = prepare_run(o.start_dir, o.cases, lang, o.threads);
  if (reader.joinable()) reader.join();
  timer.mark("cases");
  if (!setup.usage_error.empty()) {
    out.usage_error = setup.usage_error;
    out.outcome = RunOutcome::Unusable;
    return out;
  }
  out.diagnostics = setup.cases.diagnostics;
  if (setup.cases.unreadable || !setup.cases.cases) {
    out.outcome = RunOutcome::Unusable;
    return out;
  }
  const CaseSet& cases = *setup.cases.cases;
  const Taxonomy* taxonomy = setup.taxonomy ? &*setup.taxonomy : nullptr;
  const int k = o.k.value_or(setup.config ? setup.config->k : 10);
  const int max_k = std::max(1, cases.max_criteria());
  if (k < 1 || k > max_k) {
    out.usage_error = "--k must be between 1 and " + std::to_string(max_k) + " (the most criteria a case has)";
    out.outcome = RunOutcome::Unusable;
    return out;
  }
  ReadVerdictsOptions ro;
  ro.lang = lang;
  ro.threads = o.threads;
  VerdictCollection verdicts = read_verdicts(std::move(opened), cases, ro);
  timer.mark("verdicts");
  out.diagnostics.insert(out.diagnostics.end(), verdicts.diagnostics.begin(), verdicts.diagnostics.end());
  out.files_read = static_cast<int>(verdicts.inputs.size() + setup.cases.inputs.size());
  if (verdicts.unreadable) {
    out.outcome = RunOutcome::Unusable;
    return out;
  }
  // The judge: the one asked for, or the only one there is.
  std::vector<std::string> judges = verdicts.judges();
  std::string judge_list;
  for (const auto& j : judges) judge_list += (judge_list.empty() ? "" : ", ") + judge_display_name(j);
  std::string judge;
  if (o.judge) {
    if (std::find(judges.begin(), judges.end(), *o.judge) == judges.end()) {
      out.usage_error =
          "no verdicts from judge '" + *o.judge + "'; the inputs hold: " + (judge_list.empty() ? "none" : judge_list);
      out.outcome = has_errors(out.diagnostics) ? RunOutcome::Findings : RunOutcome::Unusable;
      return out;
    }
    judge = *o.judge;
  } else if (judges.size() > 1) {
    out.usage_error = "verdicts from several judges (" + judge_list + "): choose one with --judge";
    out.outcome = RunOutcome::Unusable;
    return out;
  } else if (judges.size() == 1) {
    judge = judges[0];
  }
  std::vector<const VerdictTable*> tables = verdicts.for_judge(judge);
  if (tables.empty()) {
    // Files already reported empty become the errors; otherwise the run itself is named.
    bool named = false;
    for (auto& d : out.diagnostics)
      if (d.rule == "verdict/empty") {
        d.severity = Severity::Error;
        d.message = scoring_message(lang, "verdict/nothing");
        named = true;
      }
    if (!named)
      out.diagnostics.push_back(file_diagnostic("verdict/empty", Severity::Error,
                                                o.verdicts.empty() ? "" : o.verdicts[0],
                                                scoring_message(lang, "verdict/nothing")));
    out.outcome = RunOutcome::Findings;
    std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(), diagnostic_less);
    return out;
  }
  std::map<std::string, bool> scored;
  for (const auto* t : tables) scored[t->model] = true;
  for (const auto& t : verdicts.tables)
    if (!scored.count(t.model)) {
      scored[t.model] = false;
      out.diagnostics.push_back(file_diagnostic(
          "verdict/model-absent", Severity::Warning, t.first_file,
          scoring_message(lang, "verdict/model-absent", {{"model", t.model}, {"judge", judge_display_name(judge)}})));
    }
  if (o.allow_missing)
    for (auto& d : out.diagnostics)
      if (d.rule == "verdict/value") d.severity = Severity::Warning;
  for (const auto* t : tables) report_missing(cases, *t, o.allow_missing, lang, out.diagnostics);
  std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(), diagnostic_less);
  if (has_errors(out.diagnostics)) {
    out.outcome = RunOutcome::Findings;
    return out;
  }

  // The figures.
  ScoreReport r;
  r.settings = {k, o.k_sweep, max_k, o.resamples, o.seed, o.ci_level, judge, o.allow_missing};
  r.tool_version = kToolVersion;
  r.cases_source = setup.cases_source;
  r.cases = &cases;
  r.slices = build_slices(cases, taxonomy);
  r.judges = judges;
  r.retired_skipped = setup.cases.retired_skipped;
  r.models.resize(tables.size());
  parallel_for(tables.size(), o.threads, [&](size_t m) {
    ModelResult& mr = r.models[m];
    mr.model = tables[m]->model;
    mr.table = tables[m];
    mr.outcomes = case_outcomes(cases, *tables[m]);
    for (const auto& s : r.slices) mr.slices.push_back(score_slice(s, mr.outcomes, *tables[m], k));
    for (const auto& oc : mr.outcomes) mr.missing += oc.missing;
    mr.sweep = k_sweep(mr.outcomes, max_k);  // cheap; report.html always draws the curves
  });
  for (const auto& m : r.models) r.missing_total += m.missing;
  r.coerced_verdicts = verdicts.coerced;
  r.coerced_example = verdicts.coerced_example;
  timer.mark("figures");
  BootstrapInput bi;
  bi.slices = &r.slices;
  std::vector<const std::vector<CaseOutcome>*> outcomes;
  for (const auto& m : r.models) {
    bi.outcomes.push_back(&m.outcomes);
    bi.tables.push_back(m.table);
    bi.overall.push_back(m.slices[0]);
    outcomes.push_back(&m.outcomes);
  }
  r.bootstrap = run_bootstrap(bi, {o.resamples, o.seed, o.ci_level, k, o.threads});
  timer.mark("bootstrap");
  r.items = analyse_items(cases, tables, outcomes, verdicts, o.threads);
  timer.mark("items");
  if (judges.size() > 1) {
    std::vector<Slice> agreement_slices;
    for (const auto& sl : r.slices)
      if (sl.dimension == "overall" || sl.dimension == "axis") agreement_slices.push_back(sl);
    for (const auto& other : judges)
      if (other != judge)
        r.agreement.push_back(compare_raters(cases, agreement_slices, judge_display_name(judge), tables,
                                             judge_display_name(other), verdicts.for_judge(other), nullptr));
    timer.mark("agreement");
  }
  r.inputs = setup.inputs;
  r.inputs.insert(r.inputs.end(), setup.cases.inputs.begin(), setup.cases.inputs.end());
  r.inputs.insert(r.inputs.end(), verdicts.inputs.begin(), verdicts.inputs.end());

  // The files: formatted on all cores (the largest in parts), then each hashed and written
  // by one task; then the manifest with every other file's hash — when it is there, all it
  // lists is complete.
  const std::string dir = resolve_path(o.start_dir, o.out_dir);
  const auto outputs = score_outputs();
  std::vector<std::pair<size_t, size_t>> tasks;  // (output, part)
  for (size_t f = 0; f < outputs.size(); ++f)
    for (size_t p = 0; p < outputs[f].parts; ++p) tasks.emplace_back(f, p);
  std::vector<std::string> parts(tasks.size());
  parallel_for(tasks.size(), o.threads, [&](size_t t) {
    const ScoreOutput& output = outputs[tasks[t].first];
    const auto started = std::chrono::steady_clock::now();
    parts[t] = output.format(r, tasks[t].second, output.parts);
    if (output.parts == 1) timer.task("format " + std::string(output.file_name), started);
  });
  std::vector<std::string> contents(outputs.size());
  for (size_t t = 0; t < tasks.size(); ++t) {
    contents[tasks[t].first] += parts[t];
    parts[t] = std::string();
  }
  std::vector<std::string> errors(outputs.size() + 1), hashes(outputs.size());
  parallel_for(outputs.size(), o.threads, [&](size_t i) {
    hashes[i] = sha256_hex(contents[i]);
    if (auto w = write_file_atomic(dir + "/" + std::string(outputs[i].file_name), contents[i]); !w)
      errors[i] = w.error().message;
  });
  std::vector<std::pair<std::string, std::string>> listed;
  for (size_t i = 0; i < outputs.size(); ++i) listed.emplace_back(outputs[i].file_name, hashes[i]);
  const std::string manifest_name = "run_manifest.json";
  bool all_written = std::all_of(errors.begin(), errors.end(), [](const std::string& e) { return e.empty(); });
  if (all_written) {
    if (auto w = write_file_atomic(dir + "/" + manifest_name, run_manifest_json(r, o.command, listed)); !w)
      errors.back() = w.error().message;
  } else
    errors.back() = "not written: another output failed";
  for (size_t i = 0; i <= outputs.size(); ++i) {
    const std::string name = i < outputs.size() ? std::string(outputs[i].file_name) : manifest_name;
    if (!errors[i].empty()) {
      out.diagnostics.push_back(file_diagnostic("io/write", Severity::Error, o.out_dir + "/" + name, errors[i]));
      out.outcome = RunOutcome::Unusable;
    } else {
      out.written.push_back(o.out_dir + "/" + name);
    }
  }
  timer.mark("format+write");
  out.leaderboard = leaderboard_text(r);
  return out;
}

}  // namespace cc::scoring
