#pragma once
// Coverage reports of a release: the coverage of the released cases (approved, as in the
// export) against the targets of clinconsensus.yaml, rendered by tools/coverage as
// Markdown and as HTML — the same reports `clinconsensus coverage --status approved
// --format md|html` prints.
#include <string>

#include "core/config.h"
#include "core/messages.h"
#include "core/model.h"
#include "core/taxonomy.h"

namespace cc {

// The two renderings of one coverage report of the release `tag`.
struct ReleaseCoverage {
  std::string md;    // coverage.md
  std::string html;  // coverage.html
};

ReleaseCoverage release_coverage(const Benchmark& benchmark, const Config& config, const Taxonomy& taxonomy,
                                 const std::string& tag, Lang lang);

}  // namespace cc
