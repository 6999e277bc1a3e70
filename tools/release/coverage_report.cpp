#include "release/coverage_report.h"

#include <sstream>

#include "coverage/case_facts.h"
#include "coverage/coverage_render.h"
#include "coverage/coverage_report.h"
#include "coverage/targets.h"
#include "release/release_messages.h"

namespace cc {

ReleaseCoverage release_coverage(const Benchmark& benchmark, const Config& config, const Taxonomy& taxonomy,
                                 const std::string& tag, Lang lang) {
  std::vector<coverage::CaseFacts> released;
  const coverage::CaseFilter filter{{"approved"}, {}};
  for (auto& f : coverage::facts_of_benchmark(benchmark))
    if (filter.accepts(f)) released.push_back(std::move(f));
  auto targets =
      coverage::targets_from_json(config.targets, config.min_axes_per_case, config.min_safety_criteria_per_case);
  coverage::CoverageReport report = coverage::compute_coverage(released, taxonomy, targets);
  coverage::CoverageRenderInput in{report};
  in.lang = lang;
  in.title = release_message(lang, "coverage/title", {{"tag", tag}});
  std::ostringstream md, html;
  coverage::render_coverage_md(in, md);
  coverage::render_coverage_html(in, html);
  return {md.str(), html.str()};
}

}  // namespace cc
