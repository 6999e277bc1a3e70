#pragma once
// Shared by the coverage unit tests: the shipped taxonomy and small hand-made case sets.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/taxonomy.h"
#include "coverage/case_facts.h"
#include "coverage/targets.h"
#include "test_support.h"

namespace cc::test::coverage {

inline const Taxonomy& shipped_taxonomy() {
  static const Taxonomy tax = [] {
    TaxonomyLoad t = load_taxonomy(source_dir() + "/schema/taxonomy.yaml", "schema/taxonomy.yaml", Lang::En);
    REQUIRE(t.taxonomy);
    return *t.taxonomy;
  }();
  return tax;
}

// The targets of the shipped clinconsensus.yaml, written out.
inline cc::coverage::CoverageTargets shipped_targets() {
  cc::coverage::CoverageTargets t;
  t.total_cases = 2500;
  t.specialty_min = 50;
  t.specialty_max = 100;
  t.cell_min = 3;
  t.tolerance_pct = 10;
  t.shares = {{"difficulty", {{"low", 36}, {"medium", 36}, {"high", 28}}},
              {"care_stage", {{"预防", 25}, {"诊断", 25}, {"干预", 25}, {"随访", 25}}},
              {"audience", {{"lay", 50}, {"professional", 50}}}};
  t.min_axes_per_case = 3;
  t.min_safety_per_case = 1;
  return t;
}

inline cc::coverage::CaseFacts make_case(std::string id, std::string subject, std::string task, std::string difficulty,
                                         std::string stage, std::string audience, std::string status = "approved") {
  cc::coverage::CaseFacts c;
  c.case_id = std::move(id);
  c.subject = subject;
  c.subject_labels = {subject};
  c.task = task;
  c.task_labels = {task};
  c.difficulty = std::move(difficulty);
  c.care_stage = std::move(stage);
  c.audience = std::move(audience);
  c.status = std::move(status);
  return c;
}

}  // namespace cc::test::coverage
