#include "irt/csv_table.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

#include "irt/irt_messages.h"

namespace cc::irt {

std::optional<size_t> CsvTable::column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  return std::nullopt;
}

std::optional<double> parse_double(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

Result<CsvTable> parse_csv(std::string_view text, const std::string& display_path, Lang lang) {
  CsvTable t;
  t.path = display_path;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t line = 1, pos = 0;
  while (pos < text.size()) {
    const size_t row_line = line;
    std::vector<std::string> fields(1);
    bool quoted = false, any = false;
    for (; pos < text.size(); ++pos) {
      const char c = text[pos];
      if (quoted) {
        if (c == '"') {
          if (pos + 1 < text.size() && text[pos + 1] == '"') {
            fields.back() += '"';
            ++pos;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') ++line;
          fields.back() += c;
        }
        continue;
      }
      if (c == '"')
        quoted = any = true;
      else if (c == ',')
        fields.emplace_back(), any = true;
      else if (c == '\n')
        break;
      else if (c != '\r')
        fields.back() += c, any = true;
    }
    if (quoted)
      return Error(display_path + ":" + std::to_string(row_line) + ": " + irt_message(lang, "csv/unclosed"),
                   Error::Kind::Input);
    ++pos;
    ++line;
    if (!any) continue;  // blank line
    if (t.header.empty()) {
      t.header = std::move(fields);
      continue;
    }
    if (fields.size() != t.header.size())
      return Error(
          display_path + ":" + std::to_string(row_line) + ": " +
              irt_message(lang, "csv/fields",
                          {{"count", std::to_string(fields.size())}, {"header", std::to_string(t.header.size())}}),
          Error::Kind::Input);
    t.rows.push_back(std::move(fields));
    t.lines.push_back(row_line);
  }
  if (t.header.empty()) return Error(display_path + ": " + irt_message(lang, "csv/empty"), Error::Kind::Input);
  return t;
}

Result<CsvTable> read_csv_file(const std::string& open_path, const std::string& display_path, Lang lang) {
  std::ifstream in(open_path, std::ios::binary);
  if (!in)
    return Error(display_path + ": " + irt_message(lang, "csv/unreadable", {{"why", std::strerror(errno)}}),
                 Error::Kind::Input);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad())
    return Error(display_path + ": " + irt_message(lang, "csv/unreadable", {{"why", std::strerror(errno)}}),
                 Error::Kind::Input);
  return parse_csv(buf.str(), display_path, lang);
}

}  // namespace cc::irt
