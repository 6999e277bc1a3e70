#include "release/coverage_report.h"

#include <sstream>

#include "coverage/case_facts.h"
#include "coverage/coverage_render.h"
#include "coverage/coverage_report.h"
#include "coverage/targets.h"
#include "release/release_messages.h"

namespace cc {

std::string coverage_report_md(const Benchmark& benchmark, const Config& config, const Taxonomy& taxonomy,
                               const std::string& tag, Lang lang) {
  std::vector<coverage::CaseFacts> released;
  const coverage::CaseFilter filter{{"approved"}, {}};
  for (auto& f : coverage::facts_of_benchmark(benchmark))
    if (filter.accepts(f)) released.push_back(std::move(f));
  auto targets = coverage::targets_from_json(config.targets, config.min_axes_per_case,
                                             config.min_safety_criteria_per_case);
  coverage::CoverageReport report = coverage::compute_coverage(released, taxonomy, targets);
  std::ostringstream out;
  coverage::CoverageRenderInput in{report};
  in.lang = lang;
  in.title = release_message(lang, "coverage/title", {{"tag", tag}});
  coverage::render_coverage_md(in, out);
  return out.str();
}

}  // namespace cc
