#include "release/yaml_writer.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace cc::yaml_out {
namespace {

// Characters no plain or block scalar may hold (escaped in double quotes instead):
// C0 controls other than LF, DEL, C1 controls (U+0080–U+009F, which includes NEL),
// U+2028/U+2029 (line breaks to YAML 1.1 readers) and U+FEFF (a byte-order mark).
// Returns the length of such a character at `i`, or 0.
size_t special_at(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x20 && c != '\n') return 1;
  if (c == 0x7F) return 1;
  if (c == 0xC2 && i + 1 < s.size()) {
    unsigned char d = static_cast<unsigned char>(s[i + 1]);
    if (d >= 0x80 && d <= 0x9F) return 2;
  }
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(s[i + 2]);
    if (d == 0xA8 || d == 0xA9) return 3;
  }
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
      static_cast<unsigned char>(s[i + 2]) == 0xBF)
    return 3;
  return 0;
}

bool has_special(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i)
    if (special_at(s, i)) return true;
  return false;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Code point of the UTF-8 sequence of `n` bytes at `i`.
unsigned code_point(std::string_view s, size_t i, size_t n) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (n == 1) return b(0);
  if (n == 2) return ((b(0) & 0x1Fu) << 6) | (b(1) & 0x3Fu);
  return ((b(0) & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
}

std::string scalar(std::string_view s, Style style) {
  return style == Style::Readable && plain_safe(s) ? std::string(s) : double_quoted(s);
}

}  // namespace

bool plain_safe(std::string_view s) {
  if (s.empty() || s.size() > 400) return false;  // longer text reads better as a block
  if (has_special(s) || s.find('\n') != std::string_view::npos || s.find('\t') != std::string_view::npos) return false;
  unsigned char first = static_cast<unsigned char>(s.front());
  if (first < 0x80 && !std::isalpha(first)) return false;  // indicators, digits, signs, quotes, spaces
  if (s.back() == ' ' || s.back() == ':') return false;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) return false;
  static const char* const kWords[] = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"};
  std::string low = lower_ascii(s);
  for (const char* w : kWords)
    if (low == w) return false;
  return true;
}

bool block_safe(std::string_view s) {
  if (has_special(s) || s.find('\t') != std::string_view::npos) return false;
  return s.find_first_not_of('\n') != std::string_view::npos;  // some text besides line breaks
}

std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
      ++i;
      continue;
    }
    if (c == '\n') { out += "\\n"; ++i; continue; }
    if (c == '\t') { out += "\\t"; ++i; continue; }
    if (c == '\r') { out += "\\r"; ++i; continue; }
    if (size_t n = special_at(s, i)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u%04X", code_point(s, i, n));
      out += buf;
      i += n;
      continue;
    }
    out += c;
    ++i;
  }
  out += '"';
  return out;
}

void write_field(std::string& out, int indent, std::string_view key, std::string_view value, Style style,
                 bool prose) {
  out.append(static_cast<size_t>(indent), ' ');
  out += key;
  out += ':';
  if (!(prose && style == Style::Readable && block_safe(value))) {
    out += ' ';
    out += scalar(value, style);
    out += '\n';
    return;
  }
  // Literal block: the body without its final line breaks, then a chomping indicator
  // that restores them exactly ("-" none, "" one, "+" several).
  size_t end = value.find_last_not_of('\n') + 1;
  std::string_view body = value.substr(0, end);
  size_t trailing = value.size() - end;
  out += " |";
  if (body.front() == ' ' || body.front() == '\n') out += '2';  // explicit indentation
  out += trailing == 0 ? "-" : trailing == 1 ? "" : "+";
  out += '\n';
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t nl = body.find('\n', pos);
    std::string_view line = body.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (!line.empty()) {
      out.append(static_cast<size_t>(indent + 2), ' ');
      out += line;
    }
    out += '\n';
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  for (size_t k = 1; k < trailing; ++k) out += '\n';
}

void write_list(std::string& out, int indent, std::string_view key, const std::vector<std::string>& values,
                Style style) {
  out.append(static_cast<size_t>(indent), ' ');
  out += key;
  if (values.empty()) {
    out += ": []\n";
    return;
  }
  out += ":\n";
  for (const auto& v : values) {
    out.append(static_cast<size_t>(indent + 2), ' ');
    out += "- ";
    out += scalar(v, style);
    out += '\n';
  }
}

}  // namespace cc::yaml_out
