#include "coverage/selection.h"

// Why a local-search optimiser. The objective is "every dimension at once": tier, stage,
// audience, primary specialty and task, every specialty and task label of multi-label
// cases (a case counts once for each of its labels), and the specialty × task cells,
// under hard per-specialty and per-cell bounds. Iterative stratification (Sechidis et al.
// 2011) handles multi-label data but only one family of labels and no bounds; an exact
// integer program would need a solver the project does not ship. A separable quadratic
// objective can be updated in O(labels of two cases) per swap, so simulated annealing
// over swaps between parts (and the unselected rest) runs hundreds of thousands of moves
// in well under a second, handles bounds as heavy linear penalties, and is reproducible:
// every random choice comes from one std::mt19937_64 seeded by --seed.

#include <algorithm>
#include <cmath>
#include <random>
#include <unordered_map>

namespace cc::coverage {
namespace {

// One counted label: a tier, a specialty label, a cell… with its target per part.
struct Feature {
  std::string dimension, label, label2;
  double target = 0;  // cases per part
  double weight = 1;
  int min = 0;  // hard bounds (0 / -1: none)
  int max = -1;
  int pool = 0;        // cases of the pool that have it
  bool share = false;  // reported as a share deviation
};

constexpr double kPenalty = 1000.0;  // per case outside a hard bound

double cost(const Feature& f, int c) {
  double d = c - f.target;
  double v = f.weight * d * d;
  if (c < f.min) v += kPenalty * (f.min - c);
  if (f.max >= 0 && c > f.max) v += kPenalty * (c - f.max);
  return v;
}

struct Problem {
  std::vector<Feature> features;
  std::vector<std::vector<int>> of_case;
  std::unordered_map<std::string, int> index;

  int feature(const std::string& dim, const std::string& label, const std::string& label2 = "") {
    std::string key = dim + '\x1f' + label + '\x1f' + label2;
    auto [it, fresh] = index.emplace(key, static_cast<int>(features.size()));
    if (fresh) features.push_back({dim, label, label2});
    return it->second;
  }
  const Feature* find(const std::string& dim, const std::string& label, const std::string& label2 = "") const {
    auto it = index.find(dim + '\x1f' + label + '\x1f' + label2);
    return it == index.end() ? nullptr : &features[it->second];
  }
};

Problem build(const std::vector<CaseFacts>& pool, const Taxonomy& tax, const CoverageTargets& t, int count) {
  Problem p;
  // Taxonomy specialties and cells first, so bounds exist even for labels the pool lacks.
  for (const auto& s : tax.specialties.labels) {
    p.feature("subject", s.zh);
    for (const auto& k : tax.tasks.labels) p.feature("cell", s.zh, k.zh);
  }
  p.of_case.resize(pool.size());
  for (size_t i = 0; i < pool.size(); ++i) {
    const CaseFacts& c = pool[i];
    auto& fs = p.of_case[i];
    for (auto [dim, v] : {std::pair{"difficulty", &c.difficulty},
                          {"care_stage", &c.care_stage},
                          {"audience", &c.audience},
                          {"subject", &c.subject},
                          {"task", &c.task}})
      fs.push_back(p.feature(dim, *v));
    fs.push_back(p.feature("cell", c.subject, c.task));
    for (auto [dim, primary, list] : {std::tuple{"subject_labels", &c.subject, &c.subject_labels},
                                      std::tuple{"task_labels", &c.task, &c.task_labels}}) {
      std::vector<std::string> labels{*primary};
      for (const auto& l : *list)
        if (std::find(labels.begin(), labels.end(), l) == labels.end()) labels.push_back(l);
      for (const auto& l : labels) fs.push_back(p.feature(dim, l));
    }
    for (int f : fs) ++p.features[f].pool;
  }
  const double scale = pool.empty() ? 0 : static_cast<double>(count) / pool.size();
  // Configured shares, renormalised over the labels the pool has (a pool filtered to
  // one tier aims at 100 % of that tier).
  std::unordered_map<std::string, double> share_sum;
  for (const auto& st : t.shares)
    for (const auto& [label, pct] : st.shares)
      if (const Feature* f = p.find(st.dimension, label); f && f->pool > 0) share_sum[st.dimension] += pct;
  for (auto& f : p.features) {
    f.target = f.pool * scale;  // by default, mirror the pool (stratified sampling)
    f.share = f.dimension == "difficulty" || f.dimension == "care_stage" || f.dimension == "audience" ||
              f.dimension == "subject" || f.dimension == "task";
    if (const ShareTarget* st = t.share_target(f.dimension); st && share_sum[f.dimension] > 0) {
      f.target = 0;
      for (const auto& [label, pct] : st->shares)
        if (label == f.label && f.pool > 0) f.target = pct / share_sum[f.dimension] * count;
    }
    if (f.dimension == "subject_labels" || f.dimension == "task_labels") f.weight = 0.5;
    if (f.dimension == "cell") {
      f.weight = 0.25;
      f.min = tax.specialties.find(f.label) && tax.tasks.find(f.label2) ? t.cell_min : 0;
    }
    if (f.dimension == "subject" && tax.specialties.find(f.label)) {
      f.min = t.specialty_min;
      f.max = t.specialty_max > 0 ? t.specialty_max : -1;
    }
  }
  return p;
}

}  // namespace

SelectionResult select_balanced(const std::vector<CaseFacts>& pool, const Taxonomy& tax, const CoverageTargets& t,
                                const SelectOptions& o) {
  SelectionResult res;
  const int K = std::max(1, o.parts);
  const size_t n = pool.size();
  Problem prob = build(pool, tax, t, o.count);
  const auto& F = prob.features;

  // What the pool cannot give, whatever is chosen.
  int sum_min = 0, sum_max = 0;
  bool any_max = false;
  for (const auto& f : F) {
    if (f.min > 0 && f.pool < K * f.min)
      res.infeasible.push_back({"select/unmet-pool", f.dimension, f.label, f.label2, f.min, f.pool});
    if (f.dimension == "subject" && tax.specialties.find(f.label)) {
      sum_min += std::min(f.min, f.pool / K);
      sum_max += f.max >= 0 ? f.max : o.count;
      any_max |= f.max >= 0;
    }
  }
  if (sum_min > o.count) res.infeasible.push_back({"select/unmet-sum", "", "", "", sum_min, o.count});
  if (any_max && sum_max < o.count) res.infeasible.push_back({"select/unmet-max", "", "", "", sum_max, o.count});

  // Groups 0..K-1 are the parts; group K holds the rest of the pool.
  const size_t rest = n - static_cast<size_t>(o.count) * K;
  const int G = K + (rest > 0 ? 1 : 0);
  std::mt19937_64 rng(o.seed);
  // Start from systematic sampling over the pool sorted by its labels (random order
  // within equal labels): close to proportional in every dimension from the outset.
  std::vector<uint64_t> tie(n);
  for (auto& x : tie) x = rng();
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const auto &x = pool[a], &y = pool[b];
    if (x.subject != y.subject) return x.subject < y.subject;
    if (x.task != y.task) return x.task < y.task;
    if (x.difficulty != y.difficulty) return x.difficulty < y.difficulty;
    if (x.care_stage != y.care_stage) return x.care_stage < y.care_stage;
    if (x.audience != y.audience) return x.audience < y.audience;
    return tie[a] < tie[b];
  });
  std::vector<double> quota(G);
  for (int g = 0; g < K; ++g) quota[g] = o.count;
  if (G > K) quota[K] = static_cast<double>(rest);
  std::vector<std::vector<size_t>> members(G);
  std::vector<int> group_of(n), pos(n);
  for (size_t k = 0; k < n; ++k) {
    int best = 0;
    double best_gap = -1e300;
    for (int g = 0; g < G; ++g) {
      double gap = quota[g] * (k + 1) / n - static_cast<double>(members[g].size());
      if (members[g].size() < quota[g] && gap > best_gap) best_gap = gap, best = g;
    }
    size_t i = order[k];
    group_of[i] = best;
    pos[i] = static_cast<int>(members[best].size());
    members[best].push_back(i);
  }
  std::vector<std::vector<int>> counts(K, std::vector<int>(F.size(), 0));
  for (int g = 0; g < K; ++g)
    for (size_t i : members[g])
      for (int f : prob.of_case[i]) ++counts[g][f];

  auto apply = [&](int g, size_t i, int d) {
    double delta = 0;
    for (int f : prob.of_case[i]) {
      int& c = counts[g][f];
      delta += cost(F[f], c + d) - cost(F[f], c);
      c += d;
    }
    return delta;
  };
  long iters = o.iterations > 0 ? o.iterations : std::clamp<long>(static_cast<long>(n) * 150, 200000, 3000000);
  const double t0 = 2.0, t1 = 0.005;
  const double cool = std::pow(t1 / t0, 1.0 / static_cast<double>(iters));
  double temp = t0;
  std::uniform_real_distribution<double> unit(0, 1);
  if (G > 1 && o.count > 0)
    for (long it = 0; it < iters; ++it, temp *= cool) {
      int p = static_cast<int>(rng() % K);
      int q = static_cast<int>(rng() % (G - 1));
      if (q >= p) ++q;
      if (members[q].empty()) continue;
      size_t i = members[p][rng() % members[p].size()];
      size_t j = members[q][rng() % members[q].size()];
      double delta = apply(p, i, -1) + apply(p, j, +1);
      if (q < K) delta += apply(q, j, -1) + apply(q, i, +1);
      if (o.value && q == K) delta -= o.value_weight * ((*o.value)[j] - (*o.value)[i]);
      if (delta <= 0 || unit(rng) < std::exp(-delta / temp)) {
        std::swap(members[p][pos[i]], members[q][pos[j]]);
        std::swap(pos[i], pos[j]);
        group_of[i] = q;
        group_of[j] = p;
      } else {
        apply(p, j, -1), apply(p, i, +1);
        if (q < K) apply(q, i, -1), apply(q, j, +1);
      }
    }

  // Report: parts in pool order, bounds not met, the worst share deviation.
  for (int g = 0; g < K; ++g) {
    std::vector<size_t> part = members[g];
    std::sort(part.begin(), part.end());
    res.parts.push_back(std::move(part));
    ShareDeviation worst;
    double worst_gap = -1;
    for (size_t f = 0; f < F.size(); ++f) {
      const int c = counts[g][f];
      res.cost += cost(F[f], c);
      if (c < F[f].min || (F[f].max >= 0 && c > F[f].max)) {
        bool is_min = c < F[f].min;
        bool feasible = !is_min || F[f].pool >= K * F[f].min;
        res.unmet.push_back(
            {g + 1, F[f].dimension, F[f].label, F[f].label2, c, is_min, is_min ? F[f].min : F[f].max, feasible});
      }
      if (F[f].share && o.count > 0 && (F[f].pool > 0 || F[f].target > 0)) {
        double share = 100.0 * c / o.count, target = 100.0 * F[f].target / o.count;
        if (std::fabs(share - target) > worst_gap)
          worst_gap = std::fabs(share - target), worst = {F[f].dimension, F[f].label, share, target};
      }
    }
    res.worst.push_back(worst);
  }
  return res;
}

}  // namespace cc::coverage
