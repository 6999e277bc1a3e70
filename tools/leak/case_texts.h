#pragma once
// Case texts: what leak looks for of each case — its clinical_context and user_request,
// and with criteria its criteria — as the segments of one LeakText per case.
#include <functional>
#include <vector>

#include "core/model.h"
#include "leak/gram_index.h"

namespace cc::leak {

// One LeakText per case of `benchmark` that `keep` accepts (every case when empty), in
// case-id order; criteria come from the case's rubric, when it has one.
std::vector<LeakText> case_texts(const Benchmark& benchmark, bool criteria,
                                 const std::function<bool(const Case&)>& keep = {});

}  // namespace cc::leak
