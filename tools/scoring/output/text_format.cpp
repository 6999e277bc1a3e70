#include "scoring/output/text_format.h"

#include "core/utf8.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace cc::scoring {

std::string format_number(double v) {
  if (!std::isfinite(v)) return {};
  if (v == 0) v = 0;  // no "-0"
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

std::string format_number(const std::optional<double>& v) { return v ? format_number(*v) : std::string(); }

std::string format_interval(const Interval& iv, int decimals) {
  if (!std::isfinite(iv.low) || !std::isfinite(iv.high)) return "–";
  return "[" + format_fixed(iv.low, decimals) + ", " + format_fixed(iv.high, decimals) + "]";
}

std::string format_with_interval(double v, const Interval& iv, int decimals) {
  std::string s = format_fixed(v, decimals);
  if (std::isfinite(iv.low) && std::isfinite(iv.high)) s.append(" ").append(format_interval(iv, decimals));
  return s;
}

namespace {

bool needs_quotes(std::string_view s) {
  for (char c : s)
    if (c == ',' || c == '"' || c == '\n' || c == '\r') return true;
  return false;
}

}  // namespace

std::string csv_field(std::string_view s) {
  if (!needs_quotes(s)) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void append_csv_row(std::string& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (std::string_view f : fields) {
    if (!first) out += ',';
    first = false;
    if (!needs_quotes(f))
      out += f;
    else
      out += csv_field(f);
  }
  out += '\n';
}

void append_csv_field(std::string& out, std::string_view s, char sep) {
  if (!needs_quotes(s)) {
    out.append(s);
  } else {
    out += '"';
    for (char c : s) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += sep;
}

void append_csv_number(std::string& out, double v, char sep) {
  if (std::isfinite(v)) {
    if (v == 0) v = 0;
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr);
  }
  out += sep;
}

void append_csv_number(std::string& out, const std::optional<double>& v, char sep) {
  if (v)
    append_csv_number(out, *v, sep);
  else
    out += sep;
}

void append_csv_integer(std::string& out, long v, char sep) {
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, res.ptr);
  out += sep;
}

std::string md_cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string aligned_table(const std::vector<std::vector<std::string>>& table, size_t left_columns) {
  std::vector<size_t> width;
  for (const auto& row : table)
    for (size_t c = 0; c < row.size(); ++c) {
      if (width.size() <= c) width.push_back(0);
      width[c] = std::max<size_t>(width[c], static_cast<size_t>(display_width(row[c])));
    }
  std::string out;
  for (const auto& row : table)
    for (size_t c = 0; c < row.size(); ++c) {
      std::string pad(width[c] - static_cast<size_t>(display_width(row[c])), ' ');
      out += (c < left_columns ? row[c] + pad : pad + row[c]) + (c + 1 < row.size() ? "  " : "\n");
    }
  return out;
}

}  // namespace cc::scoring
