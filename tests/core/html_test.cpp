// core/html: escaping, numbers, the colour scale, and the shapes of the SVG charts and
// tables the HTML reports are built from.
#include <catch2/catch.hpp>

#include <cmath>
#include <regex>

#include "core/html/html_chart.h"
#include "core/html/html_page.h"
#include "core/number_format.h"
#include "test_support.h"

using namespace cc::html;
using cc::format_fixed;
using cc::test::count_of;

TEST_CASE("html: escaping and numbers", "[core][html]") {
  CHECK(escape("<a href=\"x\">&'心</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;心&lt;/a&gt;");
  CHECK(format_fixed(47.649, 1) == "47.6");
  CHECK(format_fixed(47.65, 0) == "48");
  CHECK(format_fixed(-0.04, 1) == "0.0");
  CHECK(format_fixed(-3.25, 1) == "-3.2");
  CHECK(format_fixed(std::nan(""), 1) == "–");
  CHECK(format_fixed(INFINITY, 1) == "–");
}

TEST_CASE("html: the viridis scale", "[core][html]") {
  CHECK(viridis(0) == "#440154");
  CHECK(viridis(0.5) == "#21918c");
  CHECK(viridis(1) == "#fde725");
  CHECK(viridis(-3) == viridis(0));
  CHECK(viridis(7) == viridis(1));
  CHECK(viridis(std::nan("")) == viridis(0));
  CHECK(viridis(0.05) == "#461365");  // halfway between the first two anchors
  CHECK(viridis_is_dark(0.2));
  CHECK_FALSE(viridis_is_dark(0.9));
  CHECK(series_colour(0, 11) == viridis(0));
  CHECK(series_colour(10, 11) == viridis(0.85));
}

TEST_CASE("html: a heatmap has one cell per value, marks and escapes", "[core][html]") {
  Heatmap h;
  h.id = "h";
  h.rows = {"心血管内科", "<b>"};
  h.cols = {"m1", "m2", "m3"};
  h.row_notes = {"n = 70", "n = 3"};
  h.cells.resize(2);
  for (int r = 0; r < 2; ++r)
    for (int c = 0; c < 3; ++c) {
      HeatCell cell;
      cell.value = 10.0 * (r * 3 + c);
      cell.text = format_fixed(cell.value, 1);
      cell.title = "t" + std::to_string(r) + std::to_string(c);
      cell.marked = r == 1;
      h.cells[static_cast<size_t>(r)].push_back(cell);
    }
  h.cells[0][0].value = std::nan("");
  h.lo = 0;
  h.hi = 50;
  const std::string svg = heatmap(h);
  CHECK(count_of(svg, "class=\"cell\"") == 6);
  CHECK(svg.find("data-row=\"1\" data-col=\"2\"") != std::string::npos);
  CHECK(count_of(svg, "fill=\"url(#h-hatch)\"") == 3);                  // the marked row
  CHECK(svg.find("fill=\"#e4e6eb\"") != std::string::npos);             // no value: grey
  CHECK(svg.find("fill=\"" + viridis(1) + "\"") != std::string::npos);  // 50 at the top of the scale
  CHECK(svg.find(">&lt;b&gt;<") != std::string::npos);
  CHECK(svg.find("<b>") == std::string::npos);
  CHECK(svg.find("心血管内科") != std::string::npos);
  // The legend names the marked cells only when asked to.
  CHECK(svg.find("h-legend-hatch") == std::string::npos);
  h.marked_meaning = "few cases";
  CHECK(heatmap(h).find("few cases") != std::string::npos);
  CHECK(heatmap(h) == heatmap(h));
}

TEST_CASE("html: line chart labels stay inside the chart and apart", "[core][html]") {
  LineChart c;
  c.x_lo = 1;
  c.x_hi = 30;
  c.mark_x = 10;
  c.mark_label = "k = 10";
  for (int m = 0; m < 11; ++m) {
    Series s{"model-" + std::to_string(m), {}};
    for (int k = 1; k <= 30; ++k) s.points.emplace_back(k, 0.0);  // every line ends at 0
    c.series.push_back(s);
  }
  const std::string svg = line_chart(c);
  CHECK(count_of(svg, "<polyline") == 11);
  CHECK(count_of(svg, "<circle") == 11);  // each line marked at k
  std::smatch m;
  REQUIRE(std::regex_search(svg, m, std::regex("height=\"([0-9.]+)\"")));
  const double height = std::stod(m[1]);
  std::vector<double> ys;
  const std::regex label(
      "<text x=\"[0-9.]+\" y=\"([0-9.]+)\" text-anchor=\"start\" font-size=\"11\" fill=\"#[0-9a-f]+\">model-");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), label); it != std::sregex_iterator(); ++it)
    ys.push_back(std::stod((*it)[1]));
  REQUIRE(ys.size() == 11);
  for (size_t i = 0; i < ys.size(); ++i) {
    CHECK(ys[i] <= height);
    if (i > 0) CHECK(ys[i] - ys[i - 1] >= 11.9);
  }
}

TEST_CASE("html: whiskers, bars and tables", "[core][html]") {
  const std::string w =
      whiskers("lb", {{"1. a", 50, 40, 60, "50.0"}, {"2. b", 30, std::nan(""), std::nan(""), "30.0"}}, 0, 100, "x");
  CHECK(count_of(w, "<circle") == 2);
  CHECK(count_of(w, "stroke=\"#2c5d8f\"") == 3);  // one whisker and its two caps: b has no interval
  const std::string b =
      bars("b", "shares", {{"low", 30, "30 %", 36.0, 26.0, 46.0, false}, {"high", 50, "50 %", 28.0, 18.0, 38.0, true}},
           60, "share", "target", "outside");
  CHECK(count_of(b, "fill=\"url(#b-hatch)\"") == 1);
  CHECK(b.find("target</span>") != std::string::npos);
  Table t;
  t.caption = "a & b";
  t.head = {"name", "value"};
  t.numeric = {false, true};
  t.rows = {{"<x>", "1.0"}, {"y", "2.0"}};
  t.row_class = {"flag"};
  const std::string html = table(t);
  CHECK(html.find("<caption>a &amp; b</caption>") != std::string::npos);
  CHECK(html.find("<th class=\"num\">value</th>") != std::string::npos);
  CHECK(html.find("<tr class=\"flag\"><td>&lt;x&gt;</td><td class=\"num\">1.0</td></tr>") != std::string::npos);
  CHECK(html.find("<tr><td>y</td>") != std::string::npos);
  CHECK(html.find("class=\"sortable\"") != std::string::npos);
  const std::string page = page_begin("标题 <1>", "zh-CN", "sub") + page_end();
  CHECK(page.find("<html lang=\"zh-CN\">") != std::string::npos);
  CHECK(page.find("<title>标题 &lt;1&gt;</title>") != std::string::npos);
  CHECK(page.find("@media print") != std::string::npos);
  CHECK(page.find("\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif") != std::string::npos);
}
