#pragma once
// Probe comparison: how much of a case's true second half a model's continuation
// reproduces, on the folded text (FoldTable) of both — the longest common subsequence as
// a share of the true half's length, and the share of the true half's n-grams that occur
// in the continuation. Unrelated text on the same topic shares common characters, so its
// LCS share stays well above zero; its n-gram share stays near zero.
#include <string_view>

namespace cc::leak {

struct ProbeScore {
  double lcs = 0;    // LCS(truth, continuation) / |truth|, in folded characters
  double grams = 0;  // distinct n-grams of the truth found in the continuation / distinct n-grams of the truth
};

// Scores `continuation` against `truth`. The continuation is cut to twice the truth's
// folded length first (a model that rambles on gains nothing). Both 0 for an empty truth.
ProbeScore score_continuation(std::string_view truth, std::string_view continuation, int n);

}  // namespace cc::leak
