// Punctuation and spacing rules: text/halfwidth-punct, text/fullwidth-punct,
// text/mixed-quotes, text/repeated-punct, text/double-space, text/ideographic-space.
// Each rule fires only where the context makes the intent clear: numbers (3.5 mg,
// 1:1000, 10:30), Latin abbreviations (q.d.), URLs and e-mail addresses, and Latin
// phrases with commas are left alone.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/char_class.h"
#include "text/text_rules.h"

namespace cc {
namespace {

using text::code_point_at;
using text::code_point_before;
using text::is_ascii_alnum;
using text::is_ascii_digit;
using text::is_cjk;
using text::is_cjk_punct;
using text::is_ideograph;

// Byte ranges of URLs and e-mail-like tokens, where punctuation is never prose.
std::vector<std::pair<size_t, size_t>> protected_spans(std::string_view v) {
  std::vector<std::pair<size_t, size_t>> spans;
  auto token_end = [&](size_t i) {
    while (i < v.size() && static_cast<unsigned char>(v[i]) > 0x20 && static_cast<unsigned char>(v[i]) < 0x80) ++i;
    return i;
  };
  // A URL's path may hold Chinese (wiki/华法林_(药物)); it ends at a space or a
  // full-width punctuation mark.
  auto url_end = [&](size_t i) {
    while (i < v.size()) {
      size_t next;
      UChar32 c = code_point_at(v, i, &next);
      if (c == U_SENTINEL || c <= 0x20 || is_cjk_punct(c) || c == 0x3000) break;
      i = next;
    }
    return i;
  };
  auto token_start = [&](size_t i) {
    while (i > 0 && static_cast<unsigned char>(v[i - 1]) > 0x20 && static_cast<unsigned char>(v[i - 1]) < 0x80) --i;
    return i;
  };
  for (const char* marker : {"://", "www.", "@"}) {
    size_t from = 0;  // each token is scanned once, however many markers it holds
    for (size_t at = v.find(marker); at != std::string_view::npos; at = v.find(marker, std::max(at + 1, from))) {
      size_t b = token_start(at);
      size_t e = marker[0] == '@' ? token_end(at) : url_end(at);
      from = e;
      // "@" counts only inside a word@word.tld token.
      if (marker[0] == '@' && (b == at || v.substr(at, e - at).find('.') == std::string_view::npos)) continue;
      spans.emplace_back(b, e);
    }
  }
  std::sort(spans.begin(), spans.end());
  return spans;
}

bool in_spans(const std::vector<std::pair<size_t, size_t>>& spans, size_t i) {
  auto it = std::upper_bound(spans.begin(), spans.end(), std::make_pair(i, SIZE_MAX));
  // Spans may overlap; any span starting at or before i that reaches past it counts.
  for (auto k = it; k != spans.begin();) {
    --k;
    if (k->second > i) return true;
    if (it - k > 4) break;  // spans of one value rarely nest; a few steps back suffice
  }
  return false;
}

// The code point after `i`, skipping ASCII spaces; *after is where it starts.
UChar32 next_non_space(std::string_view v, size_t i, size_t* at) {
  while (i < v.size() && v[i] == ' ') ++i;
  if (at) *at = i;
  return code_point_at(v, i);
}

const char* fullwidth_of(char c) {
  switch (c) {
    case ',': return "，";
    case '.': return "。";
    case ';': return "；";
    case ':': return "：";
    case '?': return "？";
    case '!': return "！";
    case '(': return "（";
    case ')': return "）";
  }
  return nullptr;
}

void add(TextFindings& out, Lang lang, const char* rule, size_t b, size_t e, std::string_view value,
         std::string replacement, Severity severity = Severity::Error) {
  TextFinding f;
  f.rule = rule;
  f.severity = severity;
  f.begin = b;
  f.end = e;
  std::string shown(value.substr(b, e - b));
  f.message = message(lang, rule, {{"char", shown}, {"text", shown}, {"fixed", replacement}});
  f.replacement = std::move(replacement);
  out.push_back(std::move(f));
}

void check_halfwidth(std::string_view v, Lang lang, TextFindings& out) {
  auto spans = protected_spans(v);
  for (size_t i = 0; i < v.size(); ++i) {
    char c = v[i];
    if (c != ',' && c != '.' && c != ';' && c != ':' && c != '?' && c != '!' && c != '(') continue;
    if (in_spans(spans, i)) continue;
    UChar32 before = code_point_before(v, i);
    size_t after_at;
    UChar32 after = next_non_space(v, i + 1, &after_at);
    bool sentence_end = after == U_SENTINEL || after == '\n';
    bool flag = false;
    switch (c) {
      case ',':
      case ';': flag = is_cjk(before) && (is_cjk(after) || is_ascii_digit(after)); break;
      case ':': flag = is_ideograph(before) && (is_cjk(after) || is_ascii_digit(after) || sentence_end); break;
      case '.': {
        // Not an ellipsis "...", and not a list marker "一." / "十二." at a line start
        // (that wants 、, which is a rewrite, not a width fix).
        size_t run = i;
        while (run > 0) {
          size_t p;
          UChar32 n = code_point_before(v, run, &p);
          if (std::u32string_view(U"一二三四五六七八九十百").find(static_cast<char32_t>(n)) ==
              std::u32string_view::npos)
            break;
          run = p;
        }
        bool list_marker = run < i && (run == 0 || v[run - 1] == '\n' || v[run - 1] == ' ');
        flag = !list_marker && is_ideograph(before) && (is_ideograph(after) || sentence_end) &&
               (i + 1 >= v.size() || v[i + 1] != '.');
        break;
      }
      case '?':
      case '!': flag = (is_ideograph(before) || is_cjk_punct(before)) && !is_ascii_alnum(after); break;
      case '(': {
        // A parenthesis pair in a Chinese sentence whose content is Chinese:
        // "(每日一次)" yes, "(100 mg)" and "(aspirin)" no.
        // Only a short parenthesis on the same line (which also keeps hostile input linear).
        std::string_view window = v.substr(i + 1, 256);
        size_t close_rel = window.find(')');
        if (close_rel == std::string_view::npos || window.substr(0, close_rel).find('\n') != std::string_view::npos)
          break;
        size_t close = i + 1 + close_rel;
        std::string_view inner = v.substr(i + 1, close - i - 1);
        if (inner.find('(') != std::string_view::npos) break;
        bool chinese_inside = false;
        for (size_t k = 0; k < inner.size() && !chinese_inside;) {
          size_t nk;
          chinese_inside = is_ideograph(code_point_at(inner, k, &nk));
          k = nk;
        }
        if (!chinese_inside) break;
        add(out, lang, "text/halfwidth-punct", i, i + 1, v, "（");
        add(out, lang, "text/halfwidth-punct", close, close + 1, v, "）");
        i = close;
        continue;
      }
    }
    if (!flag) continue;
    // The spaces after the mark go too: a full-width mark carries its own spacing.
    size_t end = sentence_end ? i + 1 : after_at;
    add(out, lang, "text/halfwidth-punct", i, end, v, fullwidth_of(c));
  }
}

void check_fullwidth_in_latin(std::string_view v, Lang lang, TextFindings& out) {
  // Full-width marks inside a number or Latin word: 3．5mg, q．d．, mg／kg, 3。5, and the
  // colon of times and ratios (10：30, 1：1000). A colon after a Latin label before a
  // number (OGTT：0 h) is Chinese punctuation and stays.
  for (size_t i = 0; i < v.size();) {
    unsigned char lead = static_cast<unsigned char>(v[i]);
    if (lead != 0xEF) {  // the marks are U+FF0E, U+FF0F and U+FF1A
      i += text::utf8_length(lead);
      continue;
    }
    size_t next;
    UChar32 c = code_point_at(v, i, &next);
    // 。 between digits is left alone: "复查血钾3.2。2天后" ends a sentence.
    const char* half = c == 0xFF0E ? "." : c == 0xFF1A ? ":" : c == 0xFF0F ? "/" : nullptr;
    if (half) {
      UChar32 before = code_point_before(v, i);
      UChar32 after = code_point_at(v, next);
      bool digits = is_ascii_digit(before) && is_ascii_digit(after);
      bool between = c == 0xFF1A ? digits : (is_ascii_alnum(before) && is_ascii_alnum(after));
      if (between) add(out, lang, "text/fullwidth-punct", i, next, v, half);
    }
    i = next;
  }
}

void check_quotes(std::string_view v, Lang lang, TextFindings& out) {
  bool curly = v.find("“") != std::string_view::npos || v.find("”") != std::string_view::npos;
  if (!curly) return;
  std::vector<size_t> straight;
  for (size_t i = v.find('"'); i != std::string_view::npos; i = v.find('"', i + 1)) straight.push_back(i);
  bool pairable = straight.size() % 2 == 0;
  for (size_t k = 0; k < straight.size(); ++k) {
    TextFinding f;
    f.rule = "text/mixed-quotes";
    f.severity = Severity::Warning;
    f.begin = straight[k];
    f.end = straight[k] + 1;
    f.message = message(lang, "text/mixed-quotes");
    if (pairable) f.replacement = k % 2 == 0 ? "“" : "”";
    out.push_back(std::move(f));
  }
}

void check_repeats(std::string_view v, Lang lang, TextFindings& out) {
  for (size_t i = 0; i < v.size();) {
    unsigned char lead = static_cast<unsigned char>(v[i]);
    if (lead != 0xE3 && lead != 0xEF) {  // the marks are U+3001, U+3002 and U+FF01..U+FF1F
      i += text::utf8_length(lead);
      continue;
    }
    size_t next;
    UChar32 c = code_point_at(v, i, &next);
    bool candidate =
        c == 0xFF0C || c == 0x3002 || c == 0xFF1B || c == 0xFF1A || c == 0x3001 || c == 0xFF01 || c == 0xFF1F;
    if (!candidate) {
      i = next;
      continue;
    }
    size_t end = next;
    int count = 1;
    while (end < v.size()) {
      size_t after;
      if (code_point_at(v, end, &after) != c) break;
      end = after;
      ++count;
    }
    if (count >= 2) add(out, lang, "text/repeated-punct", i, end, v, std::string(v.substr(i, next - i)));
    i = end;
  }
}

void check_spaces(std::string_view v, Lang lang, TextFindings& out) {
  size_t line_start = 0;
  for (size_t i = 0; i <= v.size(); ++i) {
    if (i < v.size() && v[i] != '\n') continue;
    std::string_view line = v.substr(line_start, i - line_start);
    // Ideographic spaces used as indentation.
    size_t k = 0;
    while (line.substr(k, 3) == "\u3000") k += 3;
    if (k > 0) {
      TextFinding f;
      f.rule = "text/ideographic-space";
      f.severity = Severity::Warning;
      f.begin = line_start;
      f.end = line_start + k;
      f.replacement = "";
      f.message = message(lang, "text/ideographic-space");
      out.push_back(std::move(f));
    }
    // Runs of two or more spaces inside the line (indentation and line ends excluded).
    size_t first = line.find_first_not_of(' ');
    size_t last = line.find_last_not_of(' ');
    for (size_t j = first == std::string_view::npos ? line.size() : first; j < line.size() && j < last;) {
      if (line[j] != ' ') {
        ++j;
        continue;
      }
      size_t e = j;
      while (e < line.size() && line[e] == ' ') ++e;
      if (e - j >= 2) {
        TextFinding f;
        f.rule = "text/double-space";
        f.severity = Severity::Warning;
        f.begin = line_start + j;
        f.end = line_start + e;
        f.replacement = " ";
        f.message = message(lang, "text/double-space", {{"n", std::to_string(e - j)}});
        out.push_back(std::move(f));
      }
      j = e;
    }
    line_start = i + 1;
  }
}

}  // namespace

void check_punctuation(std::string_view value, Lang lang, TextFindings& out) {
  check_halfwidth(value, lang, out);
  check_fullwidth_in_latin(value, lang, out);
  check_quotes(value, lang, out);
  check_repeats(value, lang, out);
  check_spaces(value, lang, out);
}

}  // namespace cc
