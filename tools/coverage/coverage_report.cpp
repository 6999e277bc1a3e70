#include "coverage/coverage_report.h"

#include <algorithm>
#include <cmath>

#include "coverage/balance.h"
#include "coverage/collation.h"

namespace cc::coverage {
namespace {

LabelCount make_row(std::string label, std::string code, int count = 0) {
  LabelCount r;
  r.label = std::move(label);
  r.code = std::move(code);
  r.count = count;
  return r;
}

int index_of(const std::vector<const Label*>& labels, const Dimension& dim, const std::string& value) {
  for (size_t i = 0; i < labels.size(); ++i)
    if (dim.file_name_of(*labels[i]) == value) return static_cast<int>(i);
  return -1;
}

// Seeds a marginal with the dimension's labels in taxonomy order; values the taxonomy
// lacks are appended as they are met.
struct MarginalBuilder {
  Marginal m;
  const Dimension* dim = nullptr;

  MarginalBuilder(std::string name, const Dimension* d) : dim(d) {
    m.dimension = std::move(name);
    if (d)
      for (const auto& l : d->labels) m.rows.push_back(make_row(d->file_name_of(l), l.code));
  }
  void add(const std::string& label, int n = 1) {
    if (label.empty()) return;
    m.total += n;
    for (auto& r : m.rows)
      if (r.label == label) return void(r.count += n);
    m.rows.push_back(make_row(label, "", n));
  }
  Marginal finish(const ShareTarget* target, double tolerance, std::vector<TargetMiss>& misses) {
    for (auto& r : m.rows) r.share_pct = m.total ? 100.0 * r.count / m.total : 0;
    if (target) {
      std::vector<int> counts;
      std::vector<double> shares;
      for (auto& r : m.rows) {
        double t = 0;
        for (const auto& [label, pct] : target->shares)
          if (label == r.label || (!r.code.empty() && label == r.code)) t = pct, r.target_pct = pct;
        counts.push_back(r.count);
        shares.push_back(t);
        if (r.target_pct && std::fabs(r.share_pct - *r.target_pct) > tolerance + 1e-9) {
          r.out_of_tolerance = true;
          misses.push_back({TargetMiss::Kind::Share, m.dimension, r.label, "", r.share_pct, *r.target_pct});
        }
      }
      m.chi_square = chi_square_distance(counts, shares);
    }
    return std::move(m);
  }
};

}  // namespace

bool CaseFilter::accepts(const CaseFacts& c) const {
  auto in = [](const std::vector<std::string>& set, const std::string& v) {
    return set.empty() || std::find(set.begin(), set.end(), v) != set.end();
  };
  return in(statuses, c.status) && in(difficulties, c.difficulty);
}

const Marginal* CoverageReport::marginal(const std::string& dimension) const {
  for (const auto& m : marginals)
    if (m.dimension == dimension) return &m;
  return nullptr;
}

CoverageReport compute_coverage(const std::vector<CaseFacts>& cases, const Taxonomy& tax,
                                const CoverageTargets& targets) {
  CoverageReport r;
  r.targets = targets;
  std::vector<std::string> zh;
  for (const auto& l : tax.specialties.labels) zh.push_back(l.zh);
  for (size_t i : pinyin_order(zh)) r.specialties.push_back(&tax.specialties.labels[i]);
  for (const auto& l : tax.tasks.labels) r.tasks.push_back(&l);
  const size_t S = r.specialties.size(), T = r.tasks.size();
  r.primary.assign(S, std::vector<int>(T, 0));
  r.all_labels.assign(S, std::vector<int>(T, 0));
  r.specialty_totals.assign(S, 0);
  r.task_totals.assign(T, 0);

  MarginalBuilder difficulty("difficulty", &tax.difficulty), stage("care_stage", &tax.care_stages),
      audience("audience", &tax.audiences), status("status", &tax.statuses), subject("subject", nullptr),
      task("task", nullptr), axis("axis", &tax.axes), critical("critical", nullptr);
  for (const Label* l : r.specialties) subject.m.rows.push_back(make_row(l->zh, l->code));
  for (const Label* l : r.tasks) task.m.rows.push_back(make_row(l->zh, l->code));
  critical.m.rows = {make_row("critical", "critical"), make_row("not-critical", "not-critical")};
  std::string safety_axis;
  for (const auto& l : tax.axes.labels)
    if (l.code == "safety") safety_axis = tax.axes.file_name_of(l);

  for (const CaseFacts& c : cases) {
    ++r.cases;
    difficulty.add(c.difficulty);
    stage.add(c.care_stage);
    audience.add(c.audience);
    status.add(c.status);
    subject.add(c.subject);
    task.add(c.task);
    const int s = index_of(r.specialties, tax.specialties, c.subject);
    const int t = index_of(r.tasks, tax.tasks, c.task);
    if (s >= 0 && t >= 0) {
      ++r.primary[s][t];
      ++r.specialty_totals[s];
      ++r.task_totals[t];
    } else {
      ++r.cases_off_taxonomy;
    }
    // All labels: the primary label counts even when a list forgot it, and a label
    // written twice counts once.
    std::vector<int> ss, ts;
    auto collect = [](std::vector<int>& out, int v) {
      if (v >= 0 && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    };
    collect(ss, s);
    for (const auto& l : c.subject_labels) collect(ss, index_of(r.specialties, tax.specialties, l));
    collect(ts, t);
    for (const auto& l : c.task_labels) collect(ts, index_of(r.tasks, tax.tasks, l));
    for (int a : ss)
      for (int b : ts) ++r.all_labels[a][b];

    if (!c.has_rubric) {
      ++r.cases_without_rubric;
      continue;
    }
    r.criteria += c.criteria;
    for (const auto& [name, n] : c.axes) axis.add(name, n);
    critical.add("critical", c.critical);
    critical.add("not-critical", c.criteria - c.critical);
    if (static_cast<int>(c.axes.size()) < targets.min_axes_per_case) ++r.cases_below_min_axes;
    auto it = c.axes.find(safety_axis);
    if ((it == c.axes.end() ? 0 : it->second) < targets.min_safety_per_case) ++r.cases_below_min_safety;
  }

  using Kind = TargetMiss::Kind;
  if (targets.total_cases > 0 && r.cases < targets.total_cases)
    r.misses.push_back({Kind::TotalCases, "total", "", "", double(r.cases), double(targets.total_cases)});
  r.specialty_out_of_range.assign(S, false);
  for (size_t s = 0; s < S; ++s) {
    if (r.specialty_totals[s] < targets.specialty_min) {
      r.misses.push_back({Kind::SpecialtyMin, "subject", r.specialties[s]->zh, "", double(r.specialty_totals[s]),
                          double(targets.specialty_min)});
      r.specialty_out_of_range[s] = true;
    }
    if (targets.specialty_max > 0 && r.specialty_totals[s] > targets.specialty_max) {
      r.misses.push_back({Kind::SpecialtyMax, "subject", r.specialties[s]->zh, "", double(r.specialty_totals[s]),
                          double(targets.specialty_max)});
      r.specialty_out_of_range[s] = true;
    }
  }
  for (size_t s = 0; s < S; ++s)
    for (size_t t = 0; t < T; ++t)
      if (r.primary[s][t] < targets.cell_min)
        r.misses.push_back({Kind::CellMin, "cell", r.specialties[s]->zh, r.tasks[t]->zh, double(r.primary[s][t]),
                            double(targets.cell_min)});

  const double tol = targets.tolerance_pct;
  r.marginals.push_back(difficulty.finish(targets.share_target("difficulty"), tol, r.misses));
  r.marginals.push_back(stage.finish(targets.share_target("care_stage"), tol, r.misses));
  r.marginals.push_back(audience.finish(targets.share_target("audience"), tol, r.misses));
  r.marginals.push_back(status.finish(nullptr, tol, r.misses));
  r.marginals.push_back(subject.finish(nullptr, tol, r.misses));
  r.marginals.push_back(task.finish(nullptr, tol, r.misses));
  r.marginals.push_back(axis.finish(nullptr, tol, r.misses));
  r.marginals.push_back(critical.finish(nullptr, tol, r.misses));
  if (r.cases_below_min_axes > 0)
    r.misses.push_back(
        {Kind::MinAxes, "axis", "", "", double(r.cases_below_min_axes), double(targets.min_axes_per_case)});
  if (r.cases_below_min_safety > 0)
    r.misses.push_back({Kind::MinSafety, "axis", safety_axis, "", double(r.cases_below_min_safety),
                        double(targets.min_safety_per_case)});

  std::vector<int> cells;
  for (const auto& row : r.primary) cells.insert(cells.end(), row.begin(), row.end());
  r.balance.specialty_entropy = normalized_entropy(r.specialty_totals);
  r.balance.specialty_gini = gini(r.specialty_totals);
  r.balance.specialty_chi_square = chi_square_distance(r.specialty_totals, std::vector<double>(S, 1.0));
  r.balance.cell_entropy = normalized_entropy(cells);
  r.balance.cell_gini = gini(cells);
  r.balance.cell_chi_square = chi_square_distance(cells, std::vector<double>(cells.size(), 1.0));
  return r;
}

}  // namespace cc::coverage
