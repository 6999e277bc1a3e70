#pragma once
// Coverage report of a release: the coverage of the released cases (approved, as in the
// export) against the targets of clinconsensus.yaml, rendered by tools/coverage as
// Markdown — the same report `clinconsensus coverage --status approved --format md` prints.
#include <string>

#include "core/config.h"
#include "core/messages.h"
#include "core/model.h"
#include "core/taxonomy.h"

namespace cc {

std::string coverage_report_md(const Benchmark& benchmark, const Config& config, const Taxonomy& taxonomy,
                               const std::string& tag, Lang lang);

}  // namespace cc
