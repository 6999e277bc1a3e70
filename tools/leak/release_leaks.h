#pragma once
// The release gate's leak check: the approved cases of the benchmark being released
// looked for in the leak corpus, as the section `release cut --leak-corpus` adds to
// CHANGES.md.
#include <string>
#include <vector>

#include "core/messages.h"
#include "core/model.h"
#include "core/result.h"
#include "release/release_cut.h"

namespace cc::leak {

// Scans `corpus` for the approved cases of `benchmark` (default scan options). Error
// (kind Input) naming a corpus path that cannot be read.
Result<ReleaseLeaks> release_leaks(const Benchmark& benchmark, const std::vector<std::string>& corpus, Lang lang);

}  // namespace cc::leak
