#include "coverage/coverage_render.h"

#include <cstdio>

#include "core/utf8.h"
#include "coverage/coverage_messages.h"

namespace cc::coverage {

std::optional<CoverageFormat> parse_coverage_format(std::string_view name) {
  if (name == "text") return CoverageFormat::Text;
  if (name == "json") return CoverageFormat::Json;
  if (name == "md") return CoverageFormat::Md;
  if (name == "csv") return CoverageFormat::Csv;
  if (name == "html") return CoverageFormat::Html;
  return std::nullopt;
}

void render_coverage(CoverageFormat format, const CoverageRenderInput& in, std::ostream& out) {
  switch (format) {
    case CoverageFormat::Text: return render_coverage_text(in, out);
    case CoverageFormat::Json: return render_coverage_json(in, out);
    case CoverageFormat::Md: return render_coverage_md(in, out);
    case CoverageFormat::Csv: return render_coverage_csv(in, out);
    case CoverageFormat::Html: return render_coverage_html(in, out);
  }
}

std::string pad_to(std::string_view text, int width, bool right_align) {
  int w = display_width(text);
  std::string pad(static_cast<size_t>(w < width ? width - w : 0), ' ');
  return right_align ? pad + std::string(text) : std::string(text) + pad;
}

std::string_view miss_kind_name(TargetMiss::Kind kind) {
  switch (kind) {
    case TargetMiss::Kind::TotalCases: return "total";
    case TargetMiss::Kind::SpecialtyMin: return "specialty-min";
    case TargetMiss::Kind::SpecialtyMax: return "specialty-max";
    case TargetMiss::Kind::CellMin: return "cell-min";
    case TargetMiss::Kind::Share: return "share";
    case TargetMiss::Kind::MinAxes: return "min-axes";
    case TargetMiss::Kind::MinSafety: return "min-safety";
  }
  return "";
}

std::string describe_miss(const TargetMiss& m, const CoverageTargets& targets, Lang lang) {
  auto num = [](double v) {
    return v == static_cast<long long>(v) ? std::to_string(static_cast<long long>(v)) : format_fixed(v, 1);
  };
  std::string id = "miss/" + std::string(miss_kind_name(m.kind));
  return coverage_message(lang, id,
                          {{"label", m.label},
                           {"label2", m.label2},
                           {"actual", m.kind == TargetMiss::Kind::Share ? format_fixed(m.actual, 1) : num(m.actual)},
                           {"target", num(m.target)},
                           {"tolerance", num(targets.tolerance_pct)},
                           {"dimension", coverage_message(lang, "dim/" + m.dimension)}});
}

}  // namespace cc::coverage
