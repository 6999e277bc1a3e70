// Coverage counts on four hand-made cases, every figure worked out by hand in the
// comments: the two matrices, the marginals, the per-case minima, the balance indices
// and the list of missed targets.
#include <cmath>
#include <set>

#include "coverage/balance.h"
#include "coverage/coverage_report.h"
#include "coverage/collation.h"
#include "coverage_fixture.h"

using namespace cc;
using namespace cc::coverage;
using namespace cc::test::coverage;

namespace {

// A: 心血管内科/诊断推理 low 预防 lay, also 内分泌科 and 用药指导; axes 准确性×2, 安全性×1 (critical)
// B: 心血管内科/诊断推理 medium 诊断 professional, draft; axes 准确性×3
// C: 产科/用药指导 high 干预 lay, also 诊断推理; axes 安全性, 沟通, 完整性
// D: 儿科/医患沟通 low 随访 lay; no rubric
std::vector<CaseFacts> four_cases() {
  CaseFacts a = make_case("CC-0001", "心血管内科", "诊断推理", "low", "预防", "lay");
  a.subject_labels = {"心血管内科", "内分泌科"};
  a.task_labels = {"诊断推理", "用药指导"};
  a.has_rubric = true, a.criteria = 3, a.critical = 1, a.axes = {{"准确性", 2}, {"安全性", 1}};
  CaseFacts b = make_case("CC-0002", "心血管内科", "诊断推理", "medium", "诊断", "professional", "draft");
  b.has_rubric = true, b.criteria = 3, b.axes = {{"准确性", 3}};
  CaseFacts c = make_case("CC-0003", "产科", "用药指导", "high", "干预", "lay");
  c.task_labels = {"用药指导", "诊断推理"};
  c.has_rubric = true, c.criteria = 3, c.axes = {{"安全性", 1}, {"沟通", 1}, {"完整性", 1}};
  CaseFacts d = make_case("CC-0004", "儿科", "医患沟通", "low", "随访", "lay");
  return {a, b, c, d};
}

int cell(const CoverageReport& r, const std::vector<std::vector<int>>& m, const std::string& s, const std::string& t) {
  for (size_t i = 0; i < r.specialties.size(); ++i)
    for (size_t j = 0; j < r.tasks.size(); ++j)
      if (r.specialties[i]->zh == s && r.tasks[j]->zh == t) return m[i][j];
  FAIL("no cell " << s << " × " << t);
  return -1;
}

int count_of(const CoverageReport& r, const std::string& dim, const std::string& label) {
  const Marginal* m = r.marginal(dim);
  REQUIRE(m);
  for (const auto& row : m->rows)
    if (row.label == label) return row.count;
  return -1;
}

}  // namespace

TEST_CASE("coverage: matrices by primary and by all labels", "[coverage]") {
  CoverageReport r = compute_coverage(four_cases(), shipped_taxonomy(), shipped_targets());
  REQUIRE(r.specialties.size() == 36);
  REQUIRE(r.tasks.size() == 12);
  CHECK(r.cases == 4);
  CHECK(cell(r, r.primary, "心血管内科", "诊断推理") == 2);
  CHECK(cell(r, r.primary, "产科", "用药指导") == 1);
  CHECK(cell(r, r.primary, "儿科", "医患沟通") == 1);
  CHECK(cell(r, r.primary, "心血管内科", "用药指导") == 0);
  int primary_sum = 0, all_sum = 0;
  for (size_t i = 0; i < 36; ++i)
    for (size_t j = 0; j < 12; ++j) primary_sum += r.primary[i][j], all_sum += r.all_labels[i][j];
  CHECK(primary_sum == 4);
  // A: 2 × 2 pairs, B: 1, C: 1 × 2, D: 1.
  CHECK(all_sum == 8);
  CHECK(cell(r, r.all_labels, "心血管内科", "诊断推理") == 2);
  CHECK(cell(r, r.all_labels, "心血管内科", "用药指导") == 1);
  CHECK(cell(r, r.all_labels, "内分泌科", "诊断推理") == 1);
  CHECK(cell(r, r.all_labels, "内分泌科", "用药指导") == 1);
  CHECK(cell(r, r.all_labels, "产科", "诊断推理") == 1);
  CHECK(cell(r, r.all_labels, "产科", "用药指导") == 1);
  CHECK(cell(r, r.all_labels, "儿科", "医患沟通") == 1);
}

TEST_CASE("coverage: specialties in pinyin order", "[coverage]") {
  CoverageReport r = compute_coverage({}, shipped_taxonomy(), shipped_targets());
  // chǎn < ér < ěr < fēng … < xīn < zhōng < zhòng
  CHECK(r.specialties.front()->zh == "产科");
  CHECK(r.specialties[1]->zh == "儿科");
  CHECK(r.specialties.back()->zh == "重症医学科");
  std::vector<std::string> labels{"心血管内科", "产科", "儿科"};
  CHECK(pinyin_order(labels) == std::vector<size_t>{1, 2, 0});
}

TEST_CASE("coverage: marginals, per-case minima and misses", "[coverage]") {
  CoverageReport r = compute_coverage(four_cases(), shipped_taxonomy(), shipped_targets());
  CHECK(count_of(r, "difficulty", "low") == 2);
  CHECK(count_of(r, "difficulty", "medium") == 1);
  CHECK(count_of(r, "difficulty", "high") == 1);
  CHECK(count_of(r, "care_stage", "随访") == 1);
  CHECK(count_of(r, "audience", "lay") == 3);
  CHECK(count_of(r, "status", "approved") == 3);
  CHECK(count_of(r, "status", "draft") == 1);
  CHECK(count_of(r, "axis", "准确性") == 5);
  CHECK(count_of(r, "axis", "安全性") == 2);
  CHECK(count_of(r, "axis", "沟通") == 1);
  CHECK(count_of(r, "critical", "critical") == 1);
  CHECK(count_of(r, "critical", "not-critical") == 8);
  CHECK(r.criteria == 9);
  CHECK(r.cases_without_rubric == 1);
  CHECK(r.cases_below_min_axes == 2);    // A (2 axes), B (1)
  CHECK(r.cases_below_min_safety == 1);  // B
  // low 50 % vs 36 ± 10, medium 25 % vs 36, lay 75 % and professional 25 % vs 50: out.
  const Marginal* d = r.marginal("difficulty");
  CHECK(d->rows[0].out_of_tolerance);
  CHECK(d->rows[1].out_of_tolerance);
  CHECK_FALSE(d->rows[2].out_of_tolerance);
  int share = 0, spec_min = 0, cell_min = 0, total = 0, axes = 0, safety = 0;
  for (const auto& m : r.misses) {
    share += m.kind == TargetMiss::Kind::Share;
    spec_min += m.kind == TargetMiss::Kind::SpecialtyMin;
    cell_min += m.kind == TargetMiss::Kind::CellMin;
    total += m.kind == TargetMiss::Kind::TotalCases;
    axes += m.kind == TargetMiss::Kind::MinAxes;
    safety += m.kind == TargetMiss::Kind::MinSafety;
  }
  CHECK(share == 4);
  CHECK(spec_min == 36);
  CHECK(cell_min == 432);
  CHECK(total == 1);
  CHECK(axes == 1);
  CHECK(safety == 1);
  CHECK(r.misses.size() == 475);
}

TEST_CASE("coverage: balance indices", "[coverage]") {
  CoverageReport r = compute_coverage(four_cases(), shipped_taxonomy(), shipped_targets());
  // Specialties 2, 1, 1 and 33 zeros: H = 0.5 ln 2 + 0.5 ln 4 = 1.0397, / ln 36.
  CHECK(r.balance.specialty_entropy == Approx(1.0397208 / std::log(36.0)).epsilon(1e-6));
  // Sorted ranks 34, 35, 36 hold 1, 1, 2: G = 2·141 / (36·4) − 37/36.
  CHECK(r.balance.specialty_gini == Approx(282.0 / 144 - 37.0 / 36).epsilon(1e-9));
  // Σ p²/q − 1 = 36 · (0.25 + 0.0625 + 0.0625) − 1.
  CHECK(r.balance.specialty_chi_square == Approx(12.5).epsilon(1e-9));
  CHECK(normalized_entropy({5, 5, 5}) == Approx(1.0));
  CHECK(normalized_entropy({9, 0, 0}) == Approx(0.0));
  CHECK(gini({3, 3, 3, 3}) == Approx(0.0).margin(1e-12));
  CHECK(gini({0, 0, 0, 4}) == Approx(0.75));
  CHECK(chi_square_distance({36, 36, 28}, {36, 36, 28}) == Approx(0.0).margin(1e-12));
  // p = (0.5, 0.5), q = (0.25, 0.75): 0.0625/0.25 + 0.0625/0.75.
  CHECK(chi_square_distance({1, 1}, {25, 75}) == Approx(0.25 + 0.0833333).epsilon(1e-6));
}

TEST_CASE("coverage: filters and scaled targets", "[coverage]") {
  CaseFilter approved{{"approved"}, {}};
  int n = 0;
  for (const auto& c : four_cases()) n += approved.accepts(c);
  CHECK(n == 3);
  CaseFilter low{{}, {"low"}};
  n = 0;
  for (const auto& c : four_cases()) n += low.accepts(c);
  CHECK(n == 2);
  // 900 of 2,500: min 50 → 18, max 100 → 36, cell 3 → floor(1.08) = 1.
  CoverageTargets t = shipped_targets().scaled_to(900);
  CHECK(t.specialty_min == 18);
  CHECK(t.specialty_max == 36);
  CHECK(t.cell_min == 1);
  CHECK(t.total_cases == 900);
  CoverageTargets u = shipped_targets().scaled_to(1000);  // 20, 40, floor(1.2) = 1
  CHECK(u.specialty_min == 20);
  CHECK(u.specialty_max == 40);
}

TEST_CASE("coverage: specialties out of their min/max range are marked once, beside their misses", "[coverage]") {
  CoverageTargets targets = shipped_targets();
  targets.specialty_min = 1;
  targets.specialty_max = 1;  // 心血管内科 has two primary cases, 产科 and 儿科 one each, the rest none
  CoverageReport r = compute_coverage(four_cases(), shipped_taxonomy(), targets);
  REQUIRE(r.specialty_out_of_range.size() == r.specialties.size());
  std::set<std::string> missed;
  for (const auto& m : r.misses)
    if (m.kind == TargetMiss::Kind::SpecialtyMin || m.kind == TargetMiss::Kind::SpecialtyMax) missed.insert(m.label);
  for (size_t s = 0; s < r.specialties.size(); ++s) {
    const std::string& name = r.specialties[s]->zh;
    INFO(name);
    CHECK(r.specialty_out_of_range[s] == (r.specialty_totals[s] != 1));
    CHECK(r.specialty_out_of_range[s] == (missed.count(name) == 1));
  }
  CHECK(missed.count("心血管内科") == 1);
  CHECK(missed.count("产科") == 0);
}
