#pragma once
// Slices: the subsets of the benchmark every figure is reported for — overall, each
// difficulty tier, subject label, task label, care stage and audience (whole cases), and
// each rubric axis and the safety-critical criteria (some criteria of every case).
#include <cstdint>
#include <string>
#include <vector>

#include "core/taxonomy.h"
#include "scoring/input/case_set.h"

namespace cc::scoring {

// One slice: its name, and the cases (or, for criterion slices, the cells) it holds.
struct Slice {
  // As the public evaluator names it where it has the slice ("overall", the bare difficulty
  // value "low", "subject:心血管内科"), so the two summary.csv files join on (model, slice);
  // ours are "<dimension>:<value>" ("task:用药指导", "axis:安全性", "critical:true").
  std::string name;
  std::string dimension;  // "overall", "difficulty", "subject", "task", "care_stage", "audience", "axis", "critical"
  std::string value;      // "low", "心血管内科", "安全性" ("" for overall)
  // Criterion slices (axis, critical) hold some criteria of each case; Rubric Accuracy
  // is their only figure. Case slices hold whole cases.
  bool per_criterion = false;
  std::vector<uint32_t> cases;       // case indices, ascending
  std::vector<uint32_t> cells;       // per_criterion: the cells, grouped by case in `cases` order
  std::vector<uint32_t> cell_begin;  // per_criterion: cases.size() + 1 offsets into `cells`
};

// Every slice of `cases`, in a fixed order: overall, then difficulty, subject, task,
// care_stage, audience, axis, critical; within a dimension the taxonomy's order when a
// taxonomy is given, then other values in byte order. Subject and task slices use the
// label lists (a case counts in each of its labels; the primary one when the list is
// empty). Dimensions no case has are left out.
std::vector<Slice> build_slices(const CaseSet& cases, const Taxonomy* taxonomy);

}  // namespace cc::scoring
