#pragma once
// Coverage renderers: the only code that turns a CoverageReport (and suggestions) into
// output — a terminal matrix, Markdown, CSV or JSON. A renderer never decides what is a
// miss; compute_coverage did.
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/number_format.h"
#include "coverage/coverage_report.h"
#include "coverage/deficits.h"

namespace cc::coverage {

enum class CoverageFormat { Text, Json, Md, Csv, Html };
std::optional<CoverageFormat> parse_coverage_format(std::string_view name);

struct CoverageRenderInput {
  const CoverageReport& report;
  const std::vector<CaseRequest>* suggestions = nullptr;  // coverage --suggest N
  Lang lang = Lang::En;
  bool all_labels_matrix = false;  // text and md: also print the all-labels matrix
  size_t max_misses = 40;          // text and md: list at most this many misses
  std::string title = "Coverage";  // md: the heading (a release names its tag)
};

void render_coverage_text(const CoverageRenderInput& in, std::ostream& out);
void render_coverage_md(const CoverageRenderInput& in, std::ostream& out);
void render_coverage_csv(const CoverageRenderInput& in, std::ostream& out);
void render_coverage_json(const CoverageRenderInput& in, std::ostream& out);
// One self-contained page (inline CSS and SVG, no network, readable without script): the
// specialty × task heatmap against per_cell_min, the marginals against their target
// shares, the missed targets and the suggestions, every chart with its numbers in a table.
void render_coverage_html(const CoverageRenderInput& in, std::ostream& out);
void render_coverage(CoverageFormat format, const CoverageRenderInput& in, std::ostream& out);

// The marginals of tier, stage, audience, status, axis and critical criteria, one line
// each (for `select`, which shows the coverage of what it chose without the matrix).
void render_marginals_text(const CoverageReport& report, Lang lang, std::ostream& out);

// The balance indices (specialties, then cells), one sentence each, in `lang`.
std::vector<std::string> balance_texts(const CoverageReport& report, Lang lang);
// Cases below the per-case minima of axes and safety criteria, and without a rubric.
std::string per_case_line(const CoverageReport& report, Lang lang);
// One suggested case as a sentence, in `lang`.
std::string request_line(const CaseRequest& request, Lang lang);

// One line saying which target is missed and by how much, in `lang`.
std::string describe_miss(const TargetMiss& miss, const CoverageTargets& targets, Lang lang);
// A stable machine name of a miss kind ("cell-min", ...), for csv and json.
std::string_view miss_kind_name(TargetMiss::Kind kind);
// `text` padded with spaces to `width` terminal columns (CJK characters count two).
std::string pad_to(std::string_view text, int width, bool right_align = false);

}  // namespace cc::coverage
