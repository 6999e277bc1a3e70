// The HTML rendering of a coverage report: one self-contained page built from the same
// CoverageReport as the text, md, csv and json renderings — the 36 × 12 heatmap against
// per_cell_min, the marginals against their target shares, the missed targets and the
// suggestions. Every chart has its numbers in a table.
#include <algorithm>
#include <cmath>

#include "core/html/html_chart.h"
#include "core/html/html_page.h"
#include "core/number_format.h"
#include "coverage/coverage_messages.h"
#include "coverage/coverage_render.h"

namespace cc::coverage {
namespace {

std::string numbers(Lang lang, const std::string& table_html) {
  return html::folded(coverage_message(lang, "html/numbers"), table_html);
}

std::string matrix_section(const CoverageReport& r, Lang lang) {
  const std::string min = std::to_string(r.targets.cell_min);
  std::string out = html::section_begin("matrix", coverage_message(lang, "html/matrix"));
  out += html::note(
      coverage_message(lang, "html/matrix-note",
                       {{"min", min},
                        {"spec_min", std::to_string(r.targets.specialty_min)},
                        {"spec_max", r.targets.specialty_max > 0 ? std::to_string(r.targets.specialty_max) : "∞"}}));
  html::Heatmap h;
  h.id = "heat-matrix";
  h.aria_label = coverage_message(lang, "html/matrix");
  h.scale_label = coverage_message(lang, "html/cases");
  h.cell_w = 46;
  h.cell_h = 22;
  int max_count = 0;
  bool any_below = false;
  for (const Label* t : r.tasks) h.cols.push_back(t->zh);
  html::Table t;
  t.id = "table-matrix";
  t.head.push_back(coverage_message(lang, "dim/subject"));
  t.numeric.push_back(false);
  for (const Label* task : r.tasks) t.head.push_back(task->zh), t.numeric.push_back(true);
  t.head.push_back(coverage_message(lang, "head/total"));
  t.numeric.push_back(true);
  for (size_t s = 0; s < r.specialties.size(); ++s) {
    h.rows.push_back(r.specialties[s]->zh);
    h.row_notes.push_back("Σ " + std::to_string(r.specialty_totals[s]));
    std::vector<html::HeatCell> row;
    std::vector<std::string> trow{r.specialties[s]->zh};
    for (size_t c = 0; c < r.tasks.size(); ++c) {
      const int v = r.primary[s][c];
      html::HeatCell cell;
      cell.value = v;
      cell.text = std::to_string(v);
      cell.marked = v < r.targets.cell_min;
      any_below = any_below || cell.marked;
      cell.title = coverage_message(
          lang, "html/cell-title",
          {{"specialty", r.specialties[s]->zh}, {"task", r.tasks[c]->zh}, {"count", cell.text}, {"min", min}});
      max_count = std::max(max_count, v);
      trow.push_back(cell.text + (cell.marked ? " *" : ""));
      row.push_back(std::move(cell));
    }
    trow.push_back(std::to_string(r.specialty_totals[s]));
    t.row_class.push_back(r.specialty_out_of_range[s] ? "flag" : "");
    h.cells.push_back(std::move(row));
    t.rows.push_back(std::move(trow));
  }
  std::vector<std::string> totals{coverage_message(lang, "head/total")};
  int all = 0;
  for (int v : r.task_totals) totals.push_back(std::to_string(v)), all += v;
  totals.push_back(std::to_string(all));
  t.rows.push_back(std::move(totals));
  h.lo = 0;
  h.hi = std::max(1, max_count);
  if (any_below) h.marked_meaning = coverage_message(lang, "html/below-cell-min", {{"min", min}});
  return out + html::heatmap(h) + numbers(lang, html::table(t)) + html::section_end();
}

std::string marginals_section(const CoverageReport& r, Lang lang) {
  std::string out = html::section_begin("marginals", coverage_message(lang, "head/marginals"));
  out += html::note(coverage_message(lang, "html/marginals-note"));
  const double tol = r.targets.tolerance_pct;
  for (const char* dim : {"difficulty", "care_stage", "audience", "axis"}) {
    const Marginal* m = r.marginal(dim);
    if (!m || m->rows.empty()) continue;
    std::vector<html::BarRow> rows;
    html::Table t;
    t.id = std::string("table-") + dim;
    t.head = {coverage_message(lang, "html/label"), coverage_message(lang, "html/cases"),
              coverage_message(lang, "html/share"), coverage_message(lang, "html/target"),
              coverage_message(lang, "html/status")};
    t.numeric = {false, true, true, true, false};
    double hi = 0;
    bool any_target = false, any_out = false;
    for (const LabelCount& l : m->rows) {
      html::BarRow b;
      b.label = l.label;
      b.value = l.share_pct;
      b.value_text = std::to_string(l.count) + " · " + format_fixed(l.share_pct, 1) + " %";
      if (l.target_pct) {
        b.target = *l.target_pct;
        b.band_lo = std::max(0.0, *l.target_pct - tol);
        b.band_hi = *l.target_pct + tol;
        any_target = true;
        hi = std::max(hi, *b.band_hi);
      }
      b.marked = l.out_of_tolerance;
      any_out = any_out || b.marked;
      hi = std::max(hi, l.share_pct);
      t.rows.push_back({l.label, std::to_string(l.count), format_fixed(l.share_pct, 1),
                        l.target_pct ? format_fixed(*l.target_pct, 0) + " ± " + format_fixed(tol, 0) : "",
                        l.target_pct ? coverage_message(lang, l.out_of_tolerance ? "html/out" : "html/ok") : ""});
      t.row_class.push_back(l.out_of_tolerance ? "flag" : "");
      rows.push_back(std::move(b));
    }
    const std::string title = coverage_message(lang, std::string("dim/") + dim);
    out +=
        "<h3>" + html::escape(title) + "</h3>\n" +
        html::bars(std::string("bars-") + dim, title, rows, std::min(100.0, std::ceil(hi / 10) * 10 + 10),
                   coverage_message(lang, "html/share"), any_target ? coverage_message(lang, "html/target-band") : "",
                   any_out ? coverage_message(lang, "html/out-of-tolerance") : "") +
        html::table(t);
  }
  out += html::note(per_case_line(r, lang));
  out += "<h3>" + html::escape(coverage_message(lang, "head/balance")) + "</h3>\n";
  for (const std::string& line : balance_texts(r, lang)) out += html::note(line);
  return out + html::section_end();
}

std::string misses_section(const CoverageRenderInput& in) {
  const auto& r = in.report;
  std::string out =
      html::section_begin("misses", coverage_message(in.lang, "head/misses", {{"n", std::to_string(r.misses.size())}}));
  if (r.misses.empty()) return out + html::note(coverage_message(in.lang, "head/misses-none")) + html::section_end();
  html::Table t;
  t.id = "table-misses";
  t.head = {coverage_message(in.lang, "html/kind"), coverage_message(in.lang, "html/what")};
  for (const TargetMiss& m : r.misses)
    t.rows.push_back({std::string(miss_kind_name(m.kind)), describe_miss(m, r.targets, in.lang)});
  return out + html::table(t) + html::section_end();
}

std::string suggest_section(const CoverageRenderInput& in) {
  const Lang lang = in.lang;
  std::string out = html::section_begin(
      "suggest", coverage_message(lang, "head/suggest", {{"n", std::to_string(in.suggestions->size())}}));
  html::Table t;
  t.id = "table-suggest";
  t.head = {"#",
            coverage_message(lang, "dim/subject"),
            coverage_message(lang, "dim/task"),
            coverage_message(lang, "dim/difficulty"),
            coverage_message(lang, "dim/care_stage"),
            coverage_message(lang, "dim/audience"),
            coverage_message(lang, "html/cell-now"),
            coverage_message(lang, "html/specialty-now")};
  t.numeric = {true, false, false, false, false, false, true, true};
  int i = 0;
  for (const CaseRequest& q : *in.suggestions)
    t.rows.push_back({std::to_string(++i), q.specialty->zh, q.task->zh, q.difficulty, q.care_stage, q.audience,
                      std::to_string(q.cell_count) + " / " + std::to_string(q.cell_target),
                      std::to_string(q.specialty_count) + " / " + std::to_string(q.specialty_target)});
  return out + html::table(t) + html::section_end();
}

}  // namespace

void render_coverage_html(const CoverageRenderInput& in, std::ostream& out) {
  const auto& r = in.report;
  const Lang lang = in.lang;
  std::string page = html::page_begin(in.title, lang == Lang::Zh ? "zh-CN" : "en",
                                      coverage_message(lang, "head/summary",
                                                       {{"cases", std::to_string(r.cases)},
                                                        {"target", std::to_string(r.targets.total_cases)},
                                                        {"criteria", std::to_string(r.criteria)}}));
  page += "<nav><a href=\"#matrix\">" + html::escape(coverage_message(lang, "html/matrix")) +
          "</a><a href=\"#marginals\">" + html::escape(coverage_message(lang, "html/marginals")) +
          "</a><a href=\"#misses\">" +
          html::escape(coverage_message(lang, "head/misses", {{"n", std::to_string(r.misses.size())}})) + "</a>";
  if (in.suggestions)
    page += "<a href=\"#suggest\">" +
            html::escape(coverage_message(lang, "head/suggest", {{"n", std::to_string(in.suggestions->size())}})) +
            "</a>";
  page += "</nav>\n";
  page += matrix_section(r, lang);
  page += marginals_section(r, lang);
  page += misses_section(in);
  if (in.suggestions) page += suggest_section(in);
  page += html::page_end();
  out << page;
}

}  // namespace cc::coverage
