#pragma once
// Building blocks of the self-contained HTML reports (score's report.html, coverage's
// --format html): escaping, the page shell with its inline CSS and CJK font stack, and
// data tables. Everything is inline — no script, font or style is fetched when the page is
// viewed — and the same arguments always give the same bytes.
#include <string>
#include <string_view>
#include <vector>

namespace cc::html {

// `s` with & < > " ' replaced by entities, safe in text and in quoted attribute values.
std::string escape(std::string_view s);
void append_escaped(std::string& out, std::string_view s);

// The start of a page: doctype, <head> with the title and the inline stylesheet (CJK font
// stack, print rules), <body> and the <h1>. `lang` is the BCP 47 tag of the text ("en",
// "zh-CN"); `subtitle` is shown under the heading (escaped).
std::string page_begin(std::string_view title, std::string_view lang, std::string_view subtitle);
// The end of a page: the optional script (sorting tables by a clicked heading, opening the
// <details> of number tables for printing; the page reads the same without it) and the
// closing tags.
std::string page_end();

// A <section> with an id and an <h2>, and its end.
std::string section_begin(std::string_view id, std::string_view heading);
std::string section_end();
// A <p class="note"> holding `text` (escaped).
std::string note(std::string_view text);

// `content` folded under a <summary> on screen; the page's script opens it for printing.
// The number tables of charts go here, so a page shows its pictures first.
std::string folded(std::string_view summary, const std::string& content);

// A data table: every chart's numbers are in one, for screen readers, copying and print.
struct Table {
  std::string caption;                         // shown above the table ("" for none)
  std::vector<std::string> head;               // column headings
  std::vector<bool> numeric;                   // per column: right-aligned, sorted as numbers
  std::vector<std::vector<std::string>> rows;  // plain text, escaped when written
  std::vector<std::string> row_class;          // per row: a CSS class ("" or absent for none)
  std::string id;                              // the table's id ("" for none)
  bool sortable = true;                        // the script may sort it by a clicked heading
};
std::string table(const Table& t);

}  // namespace cc::html
