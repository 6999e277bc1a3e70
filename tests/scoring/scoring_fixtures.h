#pragma once
// Helpers for the scoring tests: small in-memory case sets and verdict tables, and
// reading verdict text through the real readers.
#include <string>
#include <vector>

#include "scoring/input/case_set.h"
#include "scoring/input/verdict_collection.h"

namespace cc::test {

// A case set of `criteria.size()` cases: case i is "CC-000<i+1>" with criteria[i]
// criteria "CC-000<i+1>-R01"...; dimensions are simple defaults.
inline scoring::CaseSet make_cases(const std::vector<int>& criteria) {
  scoring::CaseSet set;
  for (size_t i = 0; i < criteria.size(); ++i) {
    scoring::ScoredCase c;
    c.case_id = "CC-000" + std::to_string(i + 1);
    c.difficulty = i % 2 ? "high" : "low";
    c.subject = "心血管内科";
    c.task = "用药指导";
    c.care_stage = "干预";
    c.audience = "lay";
    for (int k = 0; k < criteria[i]; ++k) {
      std::string n = std::to_string(k + 1);
      c.criteria.push_back(
          {c.case_id + "-R" + (k < 9 ? "0" : "") + n, set.keep("criterion " + n), k % 2 ? "安全性" : "准确性", k == 0});
    }
    set.cases.push_back(std::move(c));
  }
  set.finalize();
  return set;
}

// A table where case i has met[i] criteria met (the first ones) and the rest not met.
inline scoring::VerdictTable make_table(const scoring::CaseSet& set, const std::string& model,
                                        const std::vector<int>& met) {
  scoring::VerdictTable t;
  t.model = model;
  t.cells.assign(set.cell_count(), scoring::Verdict::NotMet);
  for (uint32_t c = 0; c < set.cases.size(); ++c)
    for (int i = 0; i < met[c]; ++i) t.cells[set.first_cell(c) + static_cast<uint32_t>(i)] = scoring::Verdict::Met;
  return t;
}

}  // namespace cc::test
