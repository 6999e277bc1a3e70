#pragma once
// Repeatability (test-retest): how stable one judge is across `judge --repeat N`, whose
// repeat r > 1 is recorded as judge "<judge>#r" — Cohen's kappa between every two
// repeats, and the standard deviation of each model's CACS@k across the repeats (the
// paper's "stable across runs").
#include <optional>
#include <string>
#include <vector>

#include "scoring/input/case_set.h"
#include "scoring/input/verdict_collection.h"
#include "scoring/stats/agreement.h"
#include "scoring/stats/slices.h"

namespace cc::scoring {

struct RepeatPair {
  std::string a, b;  // two repeats' judge names
  AgreementFigures figures;
};

struct ModelSpread {
  std::string model;
  std::vector<std::optional<double>> cacs;  // per repeat; absent when that repeat has missing verdicts
  std::optional<double> sd;                 // sample SD (n − 1) over the repeats with a figure, when ≥ 2
};

struct Repeatability {
  std::string judge;
  int k = 10;
  std::vector<std::string> repeats;  // judge, judge#2, ...
  std::vector<RepeatPair> pairs;
  std::optional<double> mean_kappa;  // over the pairs with a kappa
  std::vector<ModelSpread> models;
};

// The judge names of `judge`'s repeats in `verdicts`: "judge", then "judge#2", ... in
// repeat order (those present).
std::vector<std::string> repeat_names(const VerdictCollection& verdicts, const std::string& judge);

// Kappa between every two repeats (on the overall slice) and the spread of CACS@k.
Repeatability measure_repeatability(const CaseSet& cases, const Slice& overall, const VerdictCollection& verdicts,
                                    const std::string& judge, int k);

}  // namespace cc::scoring
