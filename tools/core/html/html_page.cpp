#include "core/html/html_page.h"

namespace cc::html {
namespace {

// One stylesheet for every report. The font stack puts a CJK face first so Chinese labels
// never fall back to a face without the glyphs; numbers use tabular figures so columns line
// up. Print: charts are kept whole, tables may run over pages but never lose their header
// or split a row.
constexpr std::string_view kStyle = R"CSS(
:root{--ink:#1d2330;--muted:#5b6474;--rule:#d9dde5;--band:#f5f6f9;--accent:#2c5d8f}
*{box-sizing:border-box}
body{margin:0;padding:24px 32px 48px;color:var(--ink);background:#fff;
font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;font-size:14px;line-height:1.45}
main{max-width:1200px;margin:0 auto}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:19px;margin:32px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--rule)}
h3{font-size:15px;margin:20px 0 6px}
p.sub{color:var(--muted);margin:0 0 12px}
p.note{color:var(--muted);margin:4px 0 10px;max-width:72em}
nav{margin:8px 0 0;font-size:13px}
nav a{color:var(--accent);margin-right:14px;text-decoration:none}
figure{margin:8px 0 12px;break-inside:avoid;page-break-inside:avoid}
figure svg{display:block;max-width:100%;height:auto}
figcaption{color:var(--muted);font-size:12px;margin-top:4px}
.charts{display:flex;flex-wrap:wrap;gap:16px}
.charts figure{flex:1 1 540px}
table{border-collapse:collapse;margin:6px 0 16px;font-size:12.5px;font-variant-numeric:tabular-nums}
caption{text-align:left;color:var(--muted);font-size:12px;padding:0 0 4px}
th,td{padding:3px 8px;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
th{background:var(--band);font-weight:600;white-space:nowrap}
td.num,th.num{text-align:right;white-space:nowrap}
tbody tr:nth-child(even){background:#fafbfc}
tr.flag td{background:#fff4e0}
tr.good td{background:#eaf3fb}
table.sortable th{cursor:pointer}
.wrap{overflow-x:auto}
.legend{display:flex;flex-wrap:wrap;gap:18px;align-items:center;font-size:12px;color:var(--muted);margin:2px 0 6px}
.legend span{display:inline-flex;align-items:center;gap:6px;white-space:nowrap}
details{margin:4px 0 12px}
summary{cursor:pointer;color:var(--accent);font-size:13px}
@media print{
body{padding:0;font-size:11px}
nav,summary{display:none}
h2{break-after:avoid;page-break-after:avoid}
section{break-before:auto}
table{break-inside:auto;page-break-inside:auto}
thead{display:table-header-group}
tr{break-inside:avoid;page-break-inside:avoid}
.wrap{overflow:visible}
}
)CSS";

// Sorts a table by the clicked heading (numbers as numbers) and opens every <details> for
// printing; pages read the same without it.
constexpr std::string_view kScript =
    "window.addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){"
    "d.open=true;});});"
    "document.querySelectorAll('table.sortable th').forEach(function(th){th.addEventListener('click',function(){"
    "var t=th.closest('table'),b=t.tBodies[0],i=th.cellIndex,n=th.classList.contains('num'),"
    "d=th.getAttribute('data-dir')==='a'?-1:1;th.setAttribute('data-dir',d>0?'a':'d');"
    "Array.prototype.slice.call(b.rows).sort(function(x,y){var p=x.cells[i].textContent,q=y.cells[i].textContent;"
    "if(n){p=parseFloat(p);q=parseFloat(q);if(isNaN(p))p=-1e300;if(isNaN(q))q=-1e300;return d*(p-q);}"
    "return d*p.localeCompare(q);}).forEach(function(r){b.appendChild(r);});});});";

}  // namespace

void append_escaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_escaped(out, s);
  return out;
}

std::string page_begin(std::string_view title, std::string_view lang, std::string_view subtitle) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"";
  append_escaped(out, lang);
  out +=
      "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n<title>";
  append_escaped(out, title);
  out += "</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<main>\n<h1>";
  append_escaped(out, title);
  out += "</h1>\n";
  if (!subtitle.empty()) {
    out += "<p class=\"sub\">";
    append_escaped(out, subtitle);
    out += "</p>\n";
  }
  return out;
}

std::string page_end() {
  std::string out = "</main>\n<script>";
  out += kScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

std::string section_begin(std::string_view id, std::string_view heading) {
  std::string out = "<section id=\"";
  append_escaped(out, id);
  out += "\">\n<h2>";
  append_escaped(out, heading);
  out += "</h2>\n";
  return out;
}

std::string section_end() { return "</section>\n"; }

std::string note(std::string_view text) {
  std::string out = "<p class=\"note\">";
  append_escaped(out, text);
  out += "</p>\n";
  return out;
}

std::string folded(std::string_view summary, const std::string& content) {
  std::string out = "<details class=\"numbers\"><summary>";
  append_escaped(out, summary);
  return out + "</summary>\n" + content + "</details>\n";
}

std::string table(const Table& t) {
  auto is_numeric = [&](size_t c) { return c < t.numeric.size() && t.numeric[c]; };
  std::string out = "<div class=\"wrap\"><table";
  if (!t.id.empty()) {
    out += " id=\"";
    append_escaped(out, t.id);
    out += "\"";
  }
  if (t.sortable) out += " class=\"sortable\"";
  out += ">";
  if (!t.caption.empty()) {
    out += "<caption>";
    append_escaped(out, t.caption);
    out += "</caption>";
  }
  out += "\n<thead><tr>";
  for (size_t c = 0; c < t.head.size(); ++c) {
    out += is_numeric(c) ? "<th class=\"num\">" : "<th>";
    append_escaped(out, t.head[c]);
    out += "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (r < t.row_class.size() && !t.row_class[r].empty()) {
      out += "<tr class=\"";
      append_escaped(out, t.row_class[r]);
      out += "\">";
    } else {
      out += "<tr>";
    }
    for (size_t c = 0; c < t.rows[r].size(); ++c) {
      out += is_numeric(c) ? "<td class=\"num\">" : "<td>";
      append_escaped(out, t.rows[r][c]);
      out += "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody></table></div>\n";
  return out;
}

}  // namespace cc::html
