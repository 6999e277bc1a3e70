#pragma once
// Agreement between raters of the same criteria — two judges, or a judge and physician
// (gold) labels: raw agreement, Cohen's kappa, and per class (met / not met) precision,
// recall and F1 with their macro average, the figures of the HealthBench
// meta-evaluation. Rater A is read as the prediction and rater B as the reference.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scoring/input/case_set.h"
#include "scoring/stats/slices.h"
#include "scoring/input/verdict_collection.h"

namespace cc::scoring {

// Counts of the four outcomes over cells both raters judged.
struct Confusion {
  long both_met = 0;  // A met, B met
  long a_only = 0;    // A met, B not met
  long b_only = 0;    // A not met, B met
  long neither = 0;   // both not met
  long n() const { return both_met + a_only + b_only + neither; }
};

// Precision, recall and F1 of one class; absent when undefined (0/0).
// F1 = 2·TP / (2·TP + FP + FN), which equals 2PR/(P+R) wherever both are defined.
struct ClassFigures {
  std::optional<double> precision, recall, f1;
};

// The figures of one confusion table.
struct AgreementFigures {
  long n = 0;
  std::optional<double> agreement_pct;  // 100 · (both_met + neither) / n
  std::optional<double> kappa;          // (p_o − p_e) / (1 − p_e); absent when p_e = 1
  ClassFigures met, not_met;
  std::optional<double> macro_f1;  // mean of the classes' F1 that are defined
};

AgreementFigures agreement_figures(const Confusion& c);

// One comparison (e.g. "judge-a vs judge-b") on one slice.
struct AgreementRow {
  std::string rater_a, rater_b;
  std::string slice;
  Confusion table;
  long unpaired = 0;  // cells only one of the two judged
  AgreementFigures figures;
};

// A cell on which the two judges differ, for a physician to adjudicate.
struct Disagreement {
  std::string model;
  uint32_t cell = 0;
  Verdict a = Verdict::None, b = Verdict::None;
  Verdict gold = Verdict::None;  // None when there is no gold label
};

// Everything compare_raters found: per-slice rows of each comparison and the disagreements.
struct AgreementReport {
  std::string rater_a, rater_b;
  bool has_gold = false;
  std::vector<std::string> models;          // models both judges rated, sorted
  std::vector<AgreementRow> rows;           // per comparison, per slice (slice order)
  std::vector<Disagreement> disagreements;  // by case, criterion, model
};

// Compares rater A's tables with rater B's (matched by model name) on every slice, and
// each of them with the gold tables when given.
AgreementReport compare_raters(const CaseSet& cases, const std::vector<Slice>& slices, const std::string& name_a,
                               const std::vector<const VerdictTable*>& a, const std::string& name_b,
                               const std::vector<const VerdictTable*>& b, const std::vector<const VerdictTable*>* gold);

}  // namespace cc::scoring
