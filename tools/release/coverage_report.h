#pragma once
// Coverage report of a release: what the released benchmark holds per dimension. Until
// the coverage library (tools/coverage) is ready this renders the BenchmarkSummary that
// `validate --summary` prints; release_cut.cpp calls it in exactly one place, so switching
// to the full coverage report is a one-line change there.
#include <string>

#include "core/benchmark_summary.h"
#include "core/messages.h"

namespace cc {

// Markdown: totals, then one table per dimension (label, count).
std::string coverage_report_md(const BenchmarkSummary& summary, const std::string& tag, Lang lang);

}  // namespace cc
