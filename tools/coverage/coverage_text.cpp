// Text and Markdown renderings of a coverage report: the matrix for a terminal (rows
// aligned by display width, so CJK names line up) and the same content as Markdown
// tables for a report file.
#include <algorithm>

#include "core/utf8.h"
#include "coverage/coverage_messages.h"
#include "coverage/coverage_render.h"

namespace cc::coverage {
namespace {

void matrix_text(const CoverageReport& r, const std::vector<std::vector<int>>& cells, bool mark, Lang lang,
                 std::ostream& out) {
  int name_w = 4;
  for (const Label* s : r.specialties) name_w = std::max(name_w, display_width(s->zh));
  const int col_w = 5;
  const std::string total = coverage_message(lang, "head/total");
  out << pad_to("", name_w);
  for (size_t t = 0; t < r.tasks.size(); ++t) out << pad_to("T" + std::to_string(t + 1) + " ", col_w, true);
  out << pad_to(total, col_w + 2, true) << '\n';
  std::vector<int> col_totals(r.tasks.size(), 0);
  for (size_t s = 0; s < r.specialties.size(); ++s) {
    out << pad_to(r.specialties[s]->zh, name_w);
    int row_total = 0;
    for (size_t t = 0; t < r.tasks.size(); ++t) {
      int v = cells[s][t];
      row_total += v;
      col_totals[t] += v;
      std::string cell = std::to_string(v) + (mark && v < r.targets.cell_min ? "*" : " ");
      out << pad_to(cell, col_w, true);
    }
    out << pad_to(std::to_string(row_total), col_w + 2, true) << '\n';
  }
  out << pad_to(total, name_w);
  int all = 0;
  for (int v : col_totals) out << pad_to(std::to_string(v) + " ", col_w, true), all += v;
  out << pad_to(std::to_string(all), col_w + 2, true) << '\n';
}

void marginal_text(const Marginal& m, const CoverageTargets& t, Lang lang, std::ostream& out) {
  out << "  " << coverage_message(lang, "dim/" + m.dimension) << ":";
  for (const auto& row : m.rows) {
    out << "  " << row.label << ' ' << row.count << " (" << format_fixed(row.share_pct, 1) << "%";
    if (row.target_pct) out << ", " << format_fixed(*row.target_pct, 0) << "±" << format_fixed(t.tolerance_pct, 0);
    out << ")" << (row.out_of_tolerance ? "!" : "");
  }
  out << '\n';
}

void balance_lines(const CoverageReport& r, Lang lang, std::ostream& out, const char* prefix) {
  for (const std::string& line : balance_texts(r, lang)) out << prefix << line << '\n';
}

void misses_list(const CoverageRenderInput& in, const char* bullet, std::ostream& out) {
  const auto& r = in.report;
  if (r.misses.empty()) {
    out << coverage_message(in.lang, "head/misses-none") << '\n';
    return;
  }
  out << coverage_message(in.lang, "head/misses", {{"n", std::to_string(r.misses.size())}}) << '\n';
  size_t shown = std::min(r.misses.size(), in.max_misses);
  for (size_t i = 0; i < shown; ++i) out << bullet << describe_miss(r.misses[i], r.targets, in.lang) << '\n';
  if (shown < r.misses.size())
    out << bullet << coverage_message(in.lang, "head/more", {{"n", std::to_string(r.misses.size() - shown)}}) << '\n';
}

}  // namespace

std::vector<std::string> balance_texts(const CoverageReport& r, Lang lang) {
  const auto& b = r.balance;
  return {coverage_message(lang, "head/balance-line",
                           {{"what", coverage_message(lang, "word/specialties")},
                            {"entropy", format_fixed(b.specialty_entropy, 3)},
                            {"gini", format_fixed(b.specialty_gini, 3)},
                            {"chi", format_fixed(b.specialty_chi_square, 4)}}),
          coverage_message(lang, "head/balance-line",
                           {{"what", coverage_message(lang, "word/cells")},
                            {"entropy", format_fixed(b.cell_entropy, 3)},
                            {"gini", format_fixed(b.cell_gini, 3)},
                            {"chi", format_fixed(b.cell_chi_square, 4)}})};
}

std::string per_case_line(const CoverageReport& r, Lang lang) {
  return coverage_message(lang, "head/per-case",
                          {{"below_axes", std::to_string(r.cases_below_min_axes)},
                           {"axes", std::to_string(r.targets.min_axes_per_case)},
                           {"below_safety", std::to_string(r.cases_below_min_safety)},
                           {"safety", std::to_string(r.targets.min_safety_per_case)},
                           {"no_rubric", std::to_string(r.cases_without_rubric)}});
}

std::string request_line(const CaseRequest& q, Lang lang) {
  return coverage_message(lang, "suggest/line",
                          {{"specialty", q.specialty->zh},
                           {"task", q.task->zh},
                           {"difficulty", q.difficulty},
                           {"stage", q.care_stage},
                           {"audience", q.audience},
                           {"cell", std::to_string(q.cell_count)},
                           {"cell_target", std::to_string(q.cell_target)},
                           {"spec", std::to_string(q.specialty_count)},
                           {"spec_target", std::to_string(q.specialty_target)}});
}

void render_marginals_text(const CoverageReport& r, Lang lang, std::ostream& out) {
  for (const auto& m : r.marginals)
    if (m.dimension != "subject" && m.dimension != "task") marginal_text(m, r.targets, lang, out);
}

void render_coverage_text(const CoverageRenderInput& in, std::ostream& out) {
  const auto& r = in.report;
  const Lang lang = in.lang;
  out << coverage_message(lang, "head/summary",
                          {{"cases", std::to_string(r.cases)},
                           {"target", std::to_string(r.targets.total_cases)},
                           {"criteria", std::to_string(r.criteria)}})
      << "\n\n"
      << coverage_message(lang, "head/matrix-primary", {{"min", std::to_string(r.targets.cell_min)}}) << '\n';
  matrix_text(r, r.primary, true, lang, out);
  if (in.all_labels_matrix) {
    out << '\n' << coverage_message(lang, "head/matrix-all") << '\n';
    matrix_text(r, r.all_labels, false, lang, out);
  }
  out << coverage_message(lang, "head/tasks") << ':';
  for (size_t t = 0; t < r.tasks.size(); ++t)
    out << (t % 4 == 0 ? "\n  " : "  ") << 'T' << t + 1 << ' ' << r.tasks[t]->zh;
  out << "\n\n" << coverage_message(lang, "head/marginals") << '\n';
  render_marginals_text(r, lang, out);
  out << "  " << per_case_line(r, lang) << "\n\n" << coverage_message(lang, "head/balance") << '\n';
  balance_lines(r, lang, out, "  ");
  out << '\n';
  misses_list(in, "  - ", out);
  if (in.suggestions) {
    out << '\n' << coverage_message(lang, "head/suggest", {{"n", std::to_string(in.suggestions->size())}}) << '\n';
    int i = 0;
    for (const auto& q : *in.suggestions) out << pad_to(std::to_string(++i) + ".", 5) << request_line(q, lang) << '\n';
  }
}

void render_coverage_md(const CoverageRenderInput& in, std::ostream& out) {
  const auto& r = in.report;
  const Lang lang = in.lang;
  out << "# " << in.title << "\n\n"
      << coverage_message(lang, "head/summary",
                          {{"cases", std::to_string(r.cases)},
                           {"target", std::to_string(r.targets.total_cases)},
                           {"criteria", std::to_string(r.criteria)}})
      << "\n\n";
  auto matrix = [&](const std::vector<std::vector<int>>& cells, const char* head, bool mark) {
    out << "## " << coverage_message(lang, head, {{"min", std::to_string(r.targets.cell_min)}}) << "\n\n|  |";
    for (const Label* t : r.tasks) out << ' ' << t->zh << " |";
    out << ' ' << coverage_message(lang, "head/total") << " |\n|---|";
    for (size_t t = 0; t <= r.tasks.size(); ++t) out << "---:|";
    out << '\n';
    for (size_t s = 0; s < r.specialties.size(); ++s) {
      out << "| " << r.specialties[s]->zh << " |";
      int total = 0;
      for (size_t t = 0; t < r.tasks.size(); ++t) {
        total += cells[s][t];
        out << ' ' << cells[s][t] << (mark && cells[s][t] < r.targets.cell_min ? "\\*" : "") << " |";
      }
      out << ' ' << total << " |\n";
    }
    out << '\n';
  };
  matrix(r.primary, "head/matrix-primary", true);
  if (in.all_labels_matrix) matrix(r.all_labels, "head/matrix-all", false);
  out << "## " << coverage_message(lang, "head/marginals")
      << "\n\n| dimension | label | count | share % | target % |\n|---|---|---:|---:|---:|\n";
  for (const auto& m : r.marginals) {
    if (m.dimension == "subject" || m.dimension == "task") continue;
    for (const auto& row : m.rows)
      out << "| " << coverage_message(lang, "dim/" + m.dimension) << " | " << row.label << " | " << row.count << " | "
          << format_fixed(row.share_pct, 1) << " | "
          << (row.target_pct ? format_fixed(*row.target_pct, 0) + " ± " + format_fixed(r.targets.tolerance_pct, 0) : "")
          << (row.out_of_tolerance ? " **out**" : "") << " |\n";
  }
  out << '\n' << per_case_line(r, lang) << "\n\n## " << coverage_message(lang, "head/balance") << "\n\n";
  balance_lines(r, lang, out, "- ");
  out << "\n## " << coverage_message(lang, "head/misses", {{"n", std::to_string(r.misses.size())}}) << "\n\n";
  misses_list(in, "- ", out);
  if (in.suggestions) {
    out << "\n## " << coverage_message(lang, "head/suggest", {{"n", std::to_string(in.suggestions->size())}}) << "\n\n";
    int i = 0;
    for (const auto& q : *in.suggestions) out << ++i << ". " << request_line(q, lang) << '\n';
  }
}

}  // namespace cc::coverage
