// Balanced selection: hard bounds are met whenever the pool allows, what the pool
// cannot give is named, the same seed gives the same choice, split parts are disjoint.
#include <cmath>
#include <algorithm>
#include <map>
#include <set>

#include "coverage/selection.h"
#include "coverage_fixture.h"

using namespace cc;
using namespace cc::coverage;
using namespace cc::test::coverage;

namespace {

// 36 specialties with 6..14 cases each (so specialty shares are uneven), tiers, stages
// and audiences in lopsided proportions, so that mirroring the pool is not enough.
std::vector<CaseFacts> uneven_pool() {
  const Taxonomy& tax = shipped_taxonomy();
  std::vector<CaseFacts> pool;
  const char* tiers[] = {"low", "low", "medium", "high", "low"};
  const char* stages[] = {"预防", "诊断", "诊断", "干预", "随访", "诊断"};
  int id = 0;
  for (size_t s = 0; s < tax.specialties.labels.size(); ++s)
    for (size_t k = 0; k < 6 + (s * 7) % 9; ++k, ++id) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "CC-%04d", id + 1);
      CaseFacts c = make_case(buf, tax.specialties.labels[s].zh, tax.tasks.labels[(s + k) % 12].zh, tiers[id % 5],
                              stages[id % 6], id % 3 ? "lay" : "professional");
      if (id % 4 == 0) c.task_labels.push_back(tax.tasks.labels[(s + k + 5) % 12].zh);
      pool.push_back(std::move(c));
    }
  return pool;
}

CoverageTargets small_targets() {
  CoverageTargets t = shipped_targets();
  t.total_cases = 144;
  t.specialty_min = 3;
  t.specialty_max = 5;
  t.cell_min = 0;
  return t;
}

std::map<std::string, int> count_by(const std::vector<CaseFacts>& pool, const std::vector<size_t>& part,
                                    std::string CaseFacts::*field) {
  std::map<std::string, int> out;
  for (size_t i : part) ++out[pool[i].*field];
  return out;
}

}  // namespace

TEST_CASE("select: meets satisfiable hard bounds and target shares", "[coverage][select]") {
  auto pool = uneven_pool();
  REQUIRE(pool.size() > 300);
  SelectionResult r = select_balanced(pool, shipped_taxonomy(), small_targets(), {144, 1, 42, 0});
  REQUIRE(r.parts.size() == 1);
  CHECK(r.parts[0].size() == 144);
  CHECK(r.infeasible.empty());
  CHECK(r.unmet.empty());
  auto spec = count_by(pool, r.parts[0], &CaseFacts::subject);
  CHECK(spec.size() == 36);
  for (const auto& [s, n] : spec) {
    INFO(s);
    CHECK(n >= 3);
    CHECK(n <= 5);
  }
  // 36 / 36 / 28 % of 144 = 51.84 / 51.84 / 40.32: within one percentage point (1.44 cases).
  auto tiers = count_by(pool, r.parts[0], &CaseFacts::difficulty);
  CHECK(std::abs(tiers["low"] - 51.84) <= 1.44);
  CHECK(std::abs(tiers["medium"] - 51.84) <= 1.44);
  CHECK(std::abs(tiers["high"] - 40.32) <= 1.44);
  auto aud = count_by(pool, r.parts[0], &CaseFacts::audience);
  CHECK(std::abs(aud["lay"] - 72) <= 1.44);
  auto stages = count_by(pool, r.parts[0], &CaseFacts::care_stage);
  for (const char* s : {"预防", "诊断", "干预", "随访"}) CHECK(std::abs(stages[s] - 36) <= 1.44);
}

TEST_CASE("select: the same seed gives the same selection", "[coverage][select]") {
  auto pool = uneven_pool();
  auto a = select_balanced(pool, shipped_taxonomy(), small_targets(), {144, 1, 7, 0});
  auto b = select_balanced(pool, shipped_taxonomy(), small_targets(), {144, 1, 7, 0});
  auto c = select_balanced(pool, shipped_taxonomy(), small_targets(), {144, 1, 8, 0});
  CHECK(a.parts == b.parts);
  CHECK(a.parts != c.parts);
}

TEST_CASE("select: split gives disjoint parts that each meet the bounds", "[coverage][select]") {
  auto pool = uneven_pool();
  SelectionResult r = select_balanced(pool, shipped_taxonomy(), small_targets(), {144, 2, 3, 0});
  REQUIRE(r.parts.size() == 2);
  std::set<size_t> a(r.parts[0].begin(), r.parts[0].end());
  for (size_t i : r.parts[1]) CHECK(a.count(i) == 0);
  CHECK(r.parts[0].size() == 144);
  CHECK(r.parts[1].size() == 144);
  CHECK(r.unmet.empty());
  for (const auto& part : r.parts)
    for (const auto& [s, n] : count_by(pool, part, &CaseFacts::subject)) {
      CHECK(n >= 3);
      CHECK(n <= 5);
    }
}

TEST_CASE("select: names the bounds the pool cannot meet", "[coverage][select]") {
  auto pool = uneven_pool();
  // Leave 产科 one case: its minimum of 3 cannot be met by any selection.
  int kept = 0;
  pool.erase(
      std::remove_if(pool.begin(), pool.end(), [&](const CaseFacts& c) { return c.subject == "产科" && kept++ > 0; }),
      pool.end());
  SelectionResult r = select_balanced(pool, shipped_taxonomy(), small_targets(), {144, 1, 1, 0});
  REQUIRE(r.infeasible.size() == 1);
  CHECK(r.infeasible[0].id == "select/unmet-pool");
  CHECK(r.infeasible[0].label == "产科");
  CHECK(r.infeasible[0].pool == 1);
  REQUIRE(r.unmet.size() == 1);
  CHECK(r.unmet[0].label == "产科");
  CHECK(r.unmet[0].actual == 1);
  CHECK_FALSE(r.unmet[0].feasible);
  // Every other specialty still meets its bounds.
  for (const auto& [s, n] : count_by(pool, r.parts[0], &CaseFacts::subject))
    if (s != "产科") CHECK((n >= 3 && n <= 5));

  // Minima that add up to more than the part: 36 × 3 > 100.
  SelectionResult sum = select_balanced(uneven_pool(), shipped_taxonomy(), small_targets(), {100, 1, 1, 0});
  bool named = false;
  for (const auto& i : sum.infeasible) named |= i.id == "select/unmet-sum" && i.target == 108 && i.pool == 100;
  CHECK(named);
  CHECK_FALSE(sum.unmet.empty());
}

TEST_CASE("select: a pool filtered to one tier aims at that tier only", "[coverage][select]") {
  std::vector<CaseFacts> pool;
  for (const auto& c : uneven_pool())
    if (c.difficulty == "low") pool.push_back(c);
  CoverageTargets t = small_targets();
  t.specialty_min = 0;
  t.specialty_max = 0;
  SelectionResult r = select_balanced(pool, shipped_taxonomy(), t, {60, 1, 1, 0});
  CHECK(r.unmet.empty());
  CHECK(r.worst[0].dimension != "difficulty");
}
