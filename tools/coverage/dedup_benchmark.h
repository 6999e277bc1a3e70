#pragma once
// Dedup of a benchmark repository: near-duplicate cases (clinical_context +
// user_request) across the benchmark and near-duplicate criteria within each case, each
// pair with both file:line locations, for `clinconsensus dedup`.
#include <string>
#include <vector>

#include "core/config.h"
#include "core/diagnostic.h"
#include "core/messages.h"
#include "coverage/coverage_report.h"
#include "coverage/dedup.h"

namespace cc::coverage {

struct TextLocation {
  std::string file;  // root-relative
  int line = 0;      // 1-based; 0 when unknown
};

struct CasePair {
  std::string case_a, case_b;
  TextLocation a, b;  // each case's clinical_context
  double jaccard = 0;
  bool exact = false;
};

struct CriterionPair {
  std::string case_id, criterion_a, criterion_b;
  TextLocation a, b;  // each criterion's text
  double jaccard = 0;
  bool exact = false;
};

struct DedupReport {
  int cases = 0;
  int criteria = 0;
  double threshold = 0;
  std::vector<CasePair> case_pairs;
  std::vector<CriterionPair> criterion_pairs;
  std::vector<Diagnostic> diagnostics;  // files that could not be read
  DedupStats stats;
};

// The text of a case that dedup and the duplicate-case check compare.
std::string case_dedup_text(const std::string& clinical_context, const std::string& user_request);

// Criteria are compared within a case only, every pair exactly: 30 criteria make 435
// pairs of short texts, cheaper to compare outright than to sign and band.
DedupReport dedup_benchmark(const Config& config, Lang lang, const CaseFilter& filter, const DedupOptions& options,
                            bool criteria = true);

}  // namespace cc::coverage
