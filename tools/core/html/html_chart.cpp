#include "core/html/html_chart.h"

#include <algorithm>
#include <array>

#include "core/html/html_page.h"
#include "core/number_format.h"
#include "core/utf8.h"

namespace cc::html {
namespace {

// viridis at t = 0, 0.1, …, 1 (matplotlib's table); interpolated linearly between.
constexpr std::array<std::array<int, 3>, 11> kViridis = {{{0x44, 0x01, 0x54},
                                                          {0x48, 0x24, 0x75},
                                                          {0x41, 0x44, 0x87},
                                                          {0x35, 0x5f, 0x8d},
                                                          {0x2a, 0x78, 0x8e},
                                                          {0x21, 0x91, 0x8c},
                                                          {0x22, 0xa8, 0x84},
                                                          {0x44, 0xbf, 0x70},
                                                          {0x7a, 0xd1, 0x51},
                                                          {0xbd, 0xdf, 0x26},
                                                          {0xfd, 0xe7, 0x25}}};

constexpr const char* kFont = "font-family=\"'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif\"";
constexpr double kCharPx = 6.9;  // width of one terminal column of 12 px text (a CJK character is two)

double text_px(const std::string& s, double scale = 1) { return display_width(s) * kCharPx * scale; }

// The widths of a row chart's label column and value column (WhiskerRow, BarRow): the
// widest text of each, plus its margin.
template <class Row>
std::pair<double, double> label_and_value_widths(const std::vector<Row>& rows) {
  double label_w = 0, value_w = 0;
  for (const auto& r : rows)
    label_w = std::max(label_w, text_px(r.label)), value_w = std::max(value_w, text_px(r.value_text));
  return {label_w + 14, value_w + 16};
}

std::string n1(double v) { return format_fixed(v, 1); }

// A tick step giving about `want` ticks over `range`: 1, 2 or 5 times a power of ten.
double nice_step(double range, int want) {
  if (!(range > 0)) return 1;
  double raw = range / want;
  double p = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (raw <= m * p) return m * p;
  return 10 * p;
}

std::string svg_open(double w, double h, const std::string& aria_label) {
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + n1(w) + "\" height=\"" + n1(h) +
                    "\" viewBox=\"0 0 " + n1(w) + " " + n1(h) + "\" " + kFont + " font-size=\"12\" aria-label=\"";
  append_escaped(out, aria_label);
  out += "\">";
  return out;
}

void text_at(std::string& out, double x, double y, const std::string& s, const char* anchor, const char* extra = "") {
  out += "<text x=\"" + n1(x) + "\" y=\"" + n1(y) + "\" text-anchor=\"" + anchor + "\"" + extra + ">";
  append_escaped(out, s);
  out += "</text>";
}

std::string hatch_pattern(const std::string& id) {
  return "<defs><pattern id=\"" + escape(id) +
         "\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
         "<rect width=\"6\" height=\"6\" fill=\"none\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#fff\" "
         "stroke-opacity=\"0.55\" stroke-width=\"1.6\"/><line x1=\"3\" y1=\"0\" x2=\"3\" y2=\"6\" stroke=\"#000\" "
         "stroke-opacity=\"0.35\" stroke-width=\"1\"/></pattern></defs>";
}

// The legend entry of a hatched, outlined cell.
std::string marked_swatch(const std::string& id, const std::string& meaning) {
  std::string out =
      "<span><svg width=\"22\" height=\"14\" aria-hidden=\"true\">" + hatch_pattern(id) +
      "<rect x=\"1\" y=\"1\" width=\"20\" height=\"12\" fill=\"#7ad151\"/><rect x=\"1\" y=\"1\" width=\"20\" "
      "height=\"12\" fill=\"url(#" +
      escape(id) +
      ")\" stroke=\"#111\" stroke-width=\"1.5\" "
      "stroke-dasharray=\"3 2\"/></svg> ";
  append_escaped(out, meaning);
  return out + "</span>";
}

std::string scale_swatch(const std::string& id, double lo, double hi, const std::string& label) {
  std::string out = "<span>";
  append_escaped(out, label);
  out += " <svg width=\"190\" height=\"16\" aria-hidden=\"true\" " + std::string(kFont) +
         " font-size=\"11\"><defs><linearGradient id=\"" + escape(id) + "-grad\">";
  for (size_t i = 0; i < kViridis.size(); ++i)
    out += "<stop offset=\"" + format_fixed(i / 10.0, 1) + "\" stop-color=\"" + viridis(i / 10.0) + "\"/>";
  out += "</linearGradient></defs>";
  text_at(out, 24, 12, format_fixed(lo, 0), "end");
  out += "<rect x=\"28\" y=\"2\" width=\"130\" height=\"12\" fill=\"url(#" + escape(id) + "-grad)\"/>";
  text_at(out, 162, 12, format_fixed(hi, 0), "start");
  return out + "</svg></span>";
}

}  // namespace

std::string viridis(double t) {
  if (!std::isfinite(t)) t = 0;
  t = std::clamp(t, 0.0, 1.0) * 10;
  size_t i = std::min<size_t>(static_cast<size_t>(t), 9);
  double f = t - static_cast<double>(i);
  char buf[8];
  int rgb[3];
  for (int c = 0; c < 3; ++c)
    rgb[c] = static_cast<int>(std::lround(kViridis[i][c] + f * (kViridis[i + 1][c] - kViridis[i][c])));
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
  return buf;
}

bool viridis_is_dark(double t) { return !(t >= 0.55); }

std::string series_colour(size_t i, size_t n) {
  return viridis(n <= 1 ? 0.3 : 0.85 * static_cast<double>(i) / static_cast<double>(n - 1));
}

std::string heatmap(const Heatmap& h) {
  double label_w = 0, note_w = 0, col_w = 0;
  for (const auto& r : h.rows) label_w = std::max(label_w, text_px(r));
  for (const auto& n : h.row_notes) note_w = std::max(note_w, text_px(n, 0.92));
  for (const auto& c : h.cols) col_w = std::max(col_w, text_px(c));
  label_w += 10;
  if (note_w > 0) note_w += 12;
  const double x0 = label_w + note_w, header = col_w * 0.72 + 16, y0 = header;
  const double width = x0 + static_cast<double>(h.cols.size()) * h.cell_w + col_w * 0.72 + 8;
  const double height = y0 + static_cast<double>(h.rows.size()) * h.cell_h + 4;
  const double span = h.hi > h.lo ? h.hi - h.lo : 1;
  const std::string hatch = h.id + "-hatch";

  std::string out = "<figure id=\"" + escape(h.id) + "\">\n<div class=\"legend\">";
  if (h.show_scale) out += scale_swatch(h.id, h.lo, h.hi, h.scale_label);
  if (!h.marked_meaning.empty()) out += marked_swatch(h.id + "-legend-hatch", h.marked_meaning);
  out += "</div>\n" + svg_open(width, height, h.aria_label) + hatch_pattern(hatch) + "\n";
  for (size_t c = 0; c < h.cols.size(); ++c) {
    double x = x0 + (static_cast<double>(c) + 0.5) * h.cell_w, y = y0 - 6;
    out += "<text x=\"" + n1(x) + "\" y=\"" + n1(y) + "\" transform=\"rotate(-45 " + n1(x) + " " + n1(y) + ")\">";
    append_escaped(out, h.cols[c]);
    out += "</text>";
  }
  out += "\n";
  for (size_t r = 0; r < h.rows.size(); ++r) {
    const double y = y0 + static_cast<double>(r) * h.cell_h;
    text_at(out, label_w - 6, y + h.cell_h / 2.0 + 4, h.rows[r], "end");
    if (r < h.row_notes.size())
      text_at(out, x0 - 6, y + h.cell_h / 2.0 + 4, h.row_notes[r], "end", " fill=\"#5b6474\" font-size=\"11\"");
    for (size_t c = 0; c < h.cols.size() && c < h.cells[r].size(); ++c) {
      const HeatCell& cell = h.cells[r][c];
      const double x = x0 + static_cast<double>(c) * h.cell_w;
      const double t = (cell.value - h.lo) / span;
      std::string fill = !cell.fill.empty() ? cell.fill : std::isfinite(cell.value) ? viridis(t) : "#e4e6eb";
      bool light = !cell.fill.empty() ? cell.light_text : std::isfinite(cell.value) && viridis_is_dark(t);
      out += "<rect class=\"cell\" data-row=\"" + std::to_string(r) + "\" data-col=\"" + std::to_string(c) + "\" x=\"" +
             n1(x) + "\" y=\"" + n1(y) + "\" width=\"" + std::to_string(h.cell_w - 1) + "\" height=\"" +
             std::to_string(h.cell_h - 1) + "\" fill=\"" + fill + "\"><title>";
      append_escaped(out, cell.title);
      out += "</title></rect>";
      if (cell.marked)
        out += "<rect x=\"" + n1(x + 0.75) + "\" y=\"" + n1(y + 0.75) + "\" width=\"" + n1(h.cell_w - 2.5) +
               "\" height=\"" + n1(h.cell_h - 2.5) + "\" fill=\"url(#" + escape(hatch) +
               ")\" stroke=\"#111\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\" pointer-events=\"none\"/>";
      if (!cell.text.empty())
        text_at(out, x + h.cell_w / 2.0, y + h.cell_h / 2.0 + 4, cell.text, "middle",
                light ? " fill=\"#fff\" font-size=\"11\" pointer-events=\"none\""
                      : " fill=\"#111\" font-size=\"11\" pointer-events=\"none\"");
    }
    out += "\n";
  }
  return out + "</svg>\n</figure>\n";
}

std::string whiskers(const std::string& aria_label, const std::vector<WhiskerRow>& rows, double lo, double hi,
                     const std::string& axis_label) {
  const auto [label_w, value_w] = label_and_value_widths(rows);
  const double plot_w = 620, row_h = 26, top = 8, x0 = label_w;
  const double height = top + static_cast<double>(rows.size()) * row_h + 40, width = x0 + plot_w + value_w;
  const double span = hi > lo ? hi - lo : 1;
  auto px = [&](double v) { return x0 + (std::clamp(v, lo, hi) - lo) / span * plot_w; };
  std::string out = "<figure>\n" + svg_open(width, height, aria_label) + "\n";
  const double bottom = top + static_cast<double>(rows.size()) * row_h;
  const double step = nice_step(span, 8);
  for (double v = std::ceil(lo / step) * step; v <= hi + 1e-9; v += step) {
    out += "<line x1=\"" + n1(px(v)) + "\" y1=\"" + n1(top) + "\" x2=\"" + n1(px(v)) + "\" y2=\"" + n1(bottom) +
           "\" stroke=\"#e1e4ea\"/>";
    text_at(out, px(v), bottom + 16, format_fixed(v, step < 1 ? 1 : 0), "middle", " fill=\"#5b6474\" font-size=\"11\"");
  }
  text_at(out, x0 + plot_w / 2, bottom + 34, axis_label, "middle", " fill=\"#5b6474\"");
  for (size_t i = 0; i < rows.size(); ++i) {
    const WhiskerRow& r = rows[i];
    const double y = top + (static_cast<double>(i) + 0.5) * row_h;
    if (i % 2 == 0)
      out += "<rect x=\"0\" y=\"" + n1(y - row_h / 2) + "\" width=\"" + n1(width) + "\" height=\"" + n1(row_h) +
             "\" fill=\"#f5f6f9\" fill-opacity=\"0.7\"/>";
    text_at(out, label_w - 8, y + 4, r.label, "end", i == 0 ? " font-weight=\"600\"" : "");
    if (std::isfinite(r.low) && std::isfinite(r.high)) {
      out += "<line x1=\"" + n1(px(r.low)) + "\" y1=\"" + n1(y) + "\" x2=\"" + n1(px(r.high)) + "\" y2=\"" + n1(y) +
             "\" stroke=\"#2c5d8f\" stroke-width=\"2\"/>";
      for (double v : {r.low, r.high})
        out += "<line x1=\"" + n1(px(v)) + "\" y1=\"" + n1(y - 6) + "\" x2=\"" + n1(px(v)) + "\" y2=\"" + n1(y + 6) +
               "\" stroke=\"#2c5d8f\" stroke-width=\"2\"/>";
    }
    out += "<circle cx=\"" + n1(px(r.value)) + "\" cy=\"" + n1(y) + "\" r=\"5\" fill=\"#440154\"><title>";
    append_escaped(out, r.label + ": " + r.value_text);
    out += "</title></circle>";
    text_at(out, x0 + plot_w + 10, y + 4, r.value_text, "start");
  }
  return out + "\n</svg>\n</figure>\n";
}

std::string line_chart(const LineChart& c) {
  double name_w = 0;
  for (const auto& s : c.series) name_w = std::max(name_w, text_px(s.name, 0.92));
  const double left = 46, top = 34, plot_w = 400, plot_h = 250, width = left + plot_w + name_w + 26,
               height = top + plot_h + 44;
  const double xs = c.x_hi > c.x_lo ? c.x_hi - c.x_lo : 1, ys = c.y_hi > c.y_lo ? c.y_hi - c.y_lo : 1;
  auto px = [&](double x) { return left + (x - c.x_lo) / xs * plot_w; };
  auto py = [&](double y) { return top + plot_h - (std::clamp(y, c.y_lo, c.y_hi) - c.y_lo) / ys * plot_h; };
  std::string out = "<figure>\n" + svg_open(width, height, c.aria_label) + "\n";
  text_at(out, left, 16, c.title, "start", " font-weight=\"600\" font-size=\"13\"");
  const double ystep = nice_step(ys, 5), xstep = std::max(1.0, nice_step(xs, 6));
  for (double v = c.y_lo; v <= c.y_hi + 1e-9; v += ystep) {
    out += "<line x1=\"" + n1(left) + "\" y1=\"" + n1(py(v)) + "\" x2=\"" + n1(left + plot_w) + "\" y2=\"" + n1(py(v)) +
           "\" stroke=\"#e1e4ea\"/>";
    text_at(out, left - 6, py(v) + 4, format_fixed(v, 0), "end", " fill=\"#5b6474\" font-size=\"11\"");
  }
  for (double v = std::ceil(c.x_lo / xstep) * xstep; v <= c.x_hi + 1e-9; v += xstep)
    text_at(out, px(v), top + plot_h + 16, format_fixed(v, 0), "middle", " fill=\"#5b6474\" font-size=\"11\"");
  out += "<line x1=\"" + n1(left) + "\" y1=\"" + n1(top + plot_h) + "\" x2=\"" + n1(left + plot_w) + "\" y2=\"" +
         n1(top + plot_h) + "\" stroke=\"#8a93a3\"/>";
  text_at(out, left + plot_w / 2, top + plot_h + 34, c.x_label, "middle", " fill=\"#5b6474\"");
  text_at(out, 12, top + plot_h / 2, c.y_label, "middle",
          (" fill=\"#5b6474\" transform=\"rotate(-90 12 " + n1(top + plot_h / 2) + ")\"").c_str());
  if (c.mark_x) {
    out += "<line x1=\"" + n1(px(*c.mark_x)) + "\" y1=\"" + n1(top) + "\" x2=\"" + n1(px(*c.mark_x)) + "\" y2=\"" +
           n1(top + plot_h) + "\" stroke=\"#b33\" stroke-dasharray=\"4 3\"/>";
    text_at(out, px(*c.mark_x), top - 4, c.mark_label, "middle", " fill=\"#b33\" font-size=\"11\"");
  }
  // End labels: at each line's last y, pushed apart so none overlap.
  std::vector<std::pair<double, size_t>> ends;
  for (size_t i = 0; i < c.series.size(); ++i) {
    const Series& s = c.series[i];
    const std::string colour = series_colour(i, c.series.size());
    if (s.points.empty()) continue;
    out += "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"" +
           (i % 2 == 1 ? " stroke-dasharray=\"6 3\"" : "") + " points=\"";
    for (const auto& [x, y] : s.points) out += n1(px(x)) + "," + n1(py(y)) + " ";
    out.back() = '"';
    out += "><title>";
    append_escaped(out, s.name);
    out += "</title></polyline>";
    if (c.mark_x)
      for (const auto& [x, y] : s.points)
        if (x == *c.mark_x)
          out += "<circle cx=\"" + n1(px(x)) + "\" cy=\"" + n1(py(y)) + "\" r=\"3.5\" fill=\"" + colour + "\"/>";
    ends.emplace_back(py(s.points.back().second), i);
  }
  // pushed down from the top, then back up from the bottom of the plot, so they stay beside
  // it; a leader joins each label to its line's end.
  std::stable_sort(ends.begin(), ends.end());
  std::vector<double> at;
  for (const auto& e : ends) at.push_back(e.first);
  for (size_t i = 1; i < at.size(); ++i) at[i] = std::max(at[i], at[i - 1] + 12);
  for (size_t i = at.size(); i-- > 0;) at[i] = std::min(at[i], i + 1 < at.size() ? at[i + 1] - 12 : top + plot_h + 4);
  for (size_t j = 0; j < ends.size(); ++j) {
    const auto [y, i] = ends[j];
    const std::string colour = series_colour(i, c.series.size());
    if (std::abs(at[j] - y) > 3)
      out += "<line x1=\"" + n1(left + plot_w + 1) + "\" y1=\"" + n1(y) + "\" x2=\"" + n1(left + plot_w + 12) +
             "\" y2=\"" + n1(at[j]) + "\" stroke=\"" + colour + "\" stroke-width=\"0.8\"/>";
    text_at(out, left + plot_w + 14, at[j] + 4, c.series[i].name, "start",
            (" font-size=\"11\" fill=\"" + colour + "\"").c_str());
  }
  return out + "\n</svg>\n</figure>\n";
}

std::string bars(const std::string& id, const std::string& aria_label, const std::vector<BarRow>& rows, double hi,
                 const std::string& axis_label, const std::string& target_meaning, const std::string& marked_meaning) {
  const auto [label_w, value_w] = label_and_value_widths(rows);
  const double plot_w = 420, row_h = 24, top = 6, x0 = label_w;
  const double bottom = top + static_cast<double>(rows.size()) * row_h, height = bottom + 38,
               width = x0 + plot_w + value_w;
  const double span = hi > 0 ? hi : 1;
  auto px = [&](double v) { return x0 + std::clamp(v, 0.0, span) / span * plot_w; };
  std::string out = "<figure id=\"" + escape(id) + "\">\n<div class=\"legend\">";
  if (!target_meaning.empty())
    out +=
        "<span><svg width=\"22\" height=\"14\" aria-hidden=\"true\"><rect x=\"1\" y=\"2\" width=\"20\" height=\"10\" "
        "fill=\"#dfe3ea\"/><line x1=\"11\" y1=\"0\" x2=\"11\" y2=\"14\" stroke=\"#111\" stroke-width=\"2\"/></svg> " +
        escape(target_meaning) + "</span>";
  if (!marked_meaning.empty()) out += marked_swatch(id + "-legend-hatch", marked_meaning);
  out += "</div>\n" + svg_open(width, height, aria_label) + hatch_pattern(id + "-hatch") + "\n";
  const double step = nice_step(span, 6);
  for (double v = 0; v <= span + 1e-9; v += step) {
    out += "<line x1=\"" + n1(px(v)) + "\" y1=\"" + n1(top) + "\" x2=\"" + n1(px(v)) + "\" y2=\"" + n1(bottom) +
           "\" stroke=\"#e1e4ea\"/>";
    text_at(out, px(v), bottom + 14, format_fixed(v, 0), "middle", " fill=\"#5b6474\" font-size=\"11\"");
  }
  text_at(out, x0 + plot_w / 2, bottom + 30, axis_label, "middle", " fill=\"#5b6474\"");
  for (size_t i = 0; i < rows.size(); ++i) {
    const BarRow& r = rows[i];
    const double y = top + static_cast<double>(i) * row_h;
    text_at(out, label_w - 8, y + row_h / 2 + 4, r.label, "end");
    if (r.band_lo && r.band_hi)
      out += "<rect x=\"" + n1(px(*r.band_lo)) + "\" y=\"" + n1(y + 2) + "\" width=\"" +
             n1(px(*r.band_hi) - px(*r.band_lo)) + "\" height=\"" + n1(row_h - 4) + "\" fill=\"#dfe3ea\"/>";
    out += "<rect x=\"" + n1(x0) + "\" y=\"" + n1(y + 5) + "\" width=\"" + n1(px(r.value) - x0) + "\" height=\"" +
           n1(row_h - 10) + "\" fill=\"" + viridis(0.35) + "\"/>";
    if (r.marked)
      out += "<rect x=\"" + n1(x0) + "\" y=\"" + n1(y + 5) + "\" width=\"" + n1(px(r.value) - x0) + "\" height=\"" +
             n1(row_h - 10) + "\" fill=\"url(#" + escape(id) +
             "-hatch)\" stroke=\"#111\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/>";
    if (r.target)
      out += "<line x1=\"" + n1(px(*r.target)) + "\" y1=\"" + n1(y + 1) + "\" x2=\"" + n1(px(*r.target)) + "\" y2=\"" +
             n1(y + row_h - 1) + "\" stroke=\"#111\" stroke-width=\"2\"/>";
    text_at(out, x0 + plot_w + 8, y + row_h / 2 + 4, r.value_text, "start");
  }
  return out + "\n</svg>\n</figure>\n";
}

}  // namespace cc::html
