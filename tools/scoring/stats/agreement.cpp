#include "scoring/stats/agreement.h"

#include <algorithm>
#include <map>

namespace cc::scoring {
namespace {

bool judged(Verdict v) { return v == Verdict::Met || v == Verdict::NotMet; }

std::optional<double> ratio(long num, long den) {
  if (den == 0) return std::nullopt;
  return static_cast<double>(num) / static_cast<double>(den);
}

// Confusion of A vs B over `cells` of every matched model pair.
void tally(const std::vector<std::pair<const VerdictTable*, const VerdictTable*>>& pairs, const Slice& slice,
           const CaseSet& cases, Confusion& c, long& unpaired) {
  auto count = [&](uint32_t cell) {
    for (const auto& [ta, tb] : pairs) {
      Verdict va = ta->cells[cell], vb = tb->cells[cell];
      bool ja = judged(va), jb = judged(vb);
      if (ja != jb) ++unpaired;
      if (!ja || !jb) continue;
      bool ma = va == Verdict::Met, mb = vb == Verdict::Met;
      (ma ? (mb ? c.both_met : c.a_only) : (mb ? c.b_only : c.neither))++;
    }
  };
  if (slice.per_criterion) {
    for (uint32_t cell : slice.cells) count(cell);
  } else {
    for (uint32_t k : slice.cases)
      for (uint32_t cell = cases.first_cell(k); cell < cases.first_cell(k) + cases.criteria_count(k); ++cell)
        count(cell);
  }
}

std::vector<std::pair<const VerdictTable*, const VerdictTable*>> match(const std::vector<const VerdictTable*>& a,
                                                                       const std::vector<const VerdictTable*>& b) {
  std::map<std::string, const VerdictTable*> by_model;
  for (const auto* t : b) by_model[t->model] = t;
  std::vector<std::pair<const VerdictTable*, const VerdictTable*>> out;
  for (const auto* t : a)
    if (auto it = by_model.find(t->model); it != by_model.end()) out.emplace_back(t, it->second);
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.first->model < y.first->model; });
  return out;
}

}  // namespace

AgreementFigures agreement_figures(const Confusion& c) {
  AgreementFigures f;
  f.n = c.n();
  if (f.n == 0) return f;
  const double n = static_cast<double>(f.n);
  double po = static_cast<double>(c.both_met + c.neither) / n;
  f.agreement_pct = 100.0 * po;
  double a_met = static_cast<double>(c.both_met + c.a_only), b_met = static_cast<double>(c.both_met + c.b_only);
  double a_not = static_cast<double>(c.b_only + c.neither), b_not = static_cast<double>(c.a_only + c.neither);
  double pe = (a_met * b_met + a_not * b_not) / (n * n);
  if (pe < 1) f.kappa = (po - pe) / (1 - pe);
  f.met.precision = ratio(c.both_met, c.both_met + c.a_only);
  f.met.recall = ratio(c.both_met, c.both_met + c.b_only);
  f.met.f1 = ratio(2 * c.both_met, 2 * c.both_met + c.a_only + c.b_only);
  f.not_met.precision = ratio(c.neither, c.neither + c.b_only);
  f.not_met.recall = ratio(c.neither, c.neither + c.a_only);
  f.not_met.f1 = ratio(2 * c.neither, 2 * c.neither + c.a_only + c.b_only);
  if (f.met.f1 && f.not_met.f1)
    f.macro_f1 = (*f.met.f1 + *f.not_met.f1) / 2;
  else if (f.met.f1 || f.not_met.f1)
    f.macro_f1 = f.met.f1 ? *f.met.f1 : *f.not_met.f1;
  return f;
}

AgreementReport compare_raters(const CaseSet& cases, const std::vector<Slice>& slices, const std::string& name_a,
                               const std::vector<const VerdictTable*>& a, const std::string& name_b,
                               const std::vector<const VerdictTable*>& b,
                               const std::vector<const VerdictTable*>* gold) {
  AgreementReport r;
  r.rater_a = name_a;
  r.rater_b = name_b;
  r.has_gold = gold != nullptr;
  auto ab = match(a, b);
  for (const auto& [ta, tb] : ab) r.models.push_back(ta->model);
  struct Comparison {
    std::string a, b;
    std::vector<std::pair<const VerdictTable*, const VerdictTable*>> pairs;
  };
  std::vector<Comparison> comparisons{{name_a, name_b, ab}};
  if (gold) {
    comparisons.push_back({name_a, "gold", match(a, *gold)});
    comparisons.push_back({name_b, "gold", match(b, *gold)});
  }
  for (const auto& cmp : comparisons)
    for (const auto& slice : slices) {
      AgreementRow row;
      row.rater_a = cmp.a;
      row.rater_b = cmp.b;
      row.slice = slice.name;
      tally(cmp.pairs, slice, cases, row.table, row.unpaired);
      row.figures = agreement_figures(row.table);
      r.rows.push_back(std::move(row));
    }
  std::map<std::string, const VerdictTable*> gold_of;
  if (gold)
    for (const auto* t : *gold) gold_of[t->model] = t;
  for (uint32_t cell = 0; cell < cases.cell_count(); ++cell)
    for (const auto& [ta, tb] : ab) {
      Verdict va = ta->cells[cell], vb = tb->cells[cell];
      if (!judged(va) || !judged(vb) || va == vb) continue;
      Disagreement d;
      d.model = ta->model;
      d.cell = cell;
      d.a = va;
      d.b = vb;
      if (auto it = gold_of.find(ta->model); it != gold_of.end()) d.gold = it->second->cells[cell];
      r.disagreements.push_back(std::move(d));
    }
  return r;
}

}  // namespace cc::scoring
