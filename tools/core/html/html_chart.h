#pragma once
// Inline SVG charts for the HTML reports: a colour-blind-safe scale (viridis), heatmaps,
// dot-and-whisker rows, line charts and bars against targets. Each returns a <figure>
// (with its legend) to put in a page; the numbers are also given to html::table by the
// caller. Geometry is computed from the labels' display width, so Chinese labels fit.
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace cc::html {

// The viridis colour at t in [0, 1] (clamped) as "#rrggbb": dark purple → blue → green →
// yellow; perceptually even, readable in grey and to colour-blind readers.
std::string viridis(double t);
// Whether text on viridis(t) should be white (the fill is dark).
bool viridis_is_dark(double t);

// One cell of a heatmap. NaN value: no figure (drawn grey).
struct HeatCell {
  double value = std::nan("");
  std::string text;         // shown in the cell ("47.6")
  std::string title;        // tooltip
  bool marked = false;      // hatched and outlined (e.g. resting on few cases)
  std::string fill;         // overrides the colour scale when set
  bool light_text = false;  // with `fill`: white text
};

struct Heatmap {
  std::string id;  // unique on the page (pattern ids derive from it)
  std::string aria_label;
  std::vector<std::string> rows, cols;
  std::vector<std::string> row_notes;        // shown right of each row label ("n = 70"), optional
  std::vector<std::vector<HeatCell>> cells;  // [row][col]
  double lo = 0, hi = 100;                   // the range the colour scale spans
  int cell_w = 62, cell_h = 24;
  std::string scale_label;     // legend: what the colour means
  std::string marked_meaning;  // legend: what a marked cell means ("" = no entry)
  bool show_scale = true;
};
std::string heatmap(const Heatmap& h);

// One row of a dot-and-whisker chart: the estimate and its interval (NaN: no whisker).
struct WhiskerRow {
  std::string label;
  double value = 0;
  double low = std::nan(""), high = std::nan("");
  std::string value_text;
};
std::string whiskers(const std::string& aria_label, const std::vector<WhiskerRow>& rows, double lo, double hi,
                     const std::string& axis_label);

// Lines over a shared x axis, labelled at their right end; `mark_x` draws a vertical rule.
struct Series {
  std::string name;
  std::vector<std::pair<double, double>> points;  // (x, y), x ascending
};
struct LineChart {
  std::string aria_label, title, x_label, y_label;
  std::vector<Series> series;  // drawn in this order; coloured along viridis
  double x_lo = 0, x_hi = 1, y_lo = 0, y_hi = 100;
  std::optional<double> mark_x;
  std::string mark_label;
};
std::string line_chart(const LineChart& c);

// Horizontal bars with an optional target tick and tolerance band per row.
struct BarRow {
  std::string label;
  double value = 0;
  std::string value_text;
  std::optional<double> target, band_lo, band_hi;
  bool marked = false;  // outside its target: hatched
};
// `id`: unique on the page (pattern ids derive from it).
// `target_meaning` and `marked_meaning` are the legend's words for the tick and band, and
// for a marked bar.
std::string bars(const std::string& id, const std::string& aria_label, const std::vector<BarRow>& rows, double hi,
                 const std::string& axis_label, const std::string& target_meaning, const std::string& marked_meaning);

// The colour of the i-th of n series (viridis, spaced, avoiding the lightest yellow).
std::string series_colour(size_t i, size_t n);

}  // namespace cc::html
