#include "irt/csv_table.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/yaml_loader.h"
#include "irt/irt_messages.h"
#include "judge/csv_records.h"

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
  auto records = judge::parse_csv(text, lang);
  if (!records) return Error(display_path + ": " + records.error().message, Error::Kind::Input);
  if (records->empty()) return Error(display_path + ": " + irt_message(lang, "csv/empty"), Error::Kind::Input);
  CsvTable t;
  t.path = display_path;
  t.header = std::move(records->front().fields);
  for (size_t r = 1; r < records->size(); ++r) {
    judge::CsvRecord& rec = (*records)[r];
    if (rec.fields.size() != t.header.size())
      return Error(
          display_path + ":" + std::to_string(rec.line) + ": " +
              irt_message(lang, "csv/fields",
                          {{"count", std::to_string(rec.fields.size())}, {"header", std::to_string(t.header.size())}}),
          Error::Kind::Input);
    t.rows.push_back(std::move(rec.fields));
    t.lines.push_back(static_cast<size_t>(rec.line));
  }
  return t;
}

Result<CsvTable> read_csv_file(const std::string& open_path, const std::string& display_path, Lang lang) {
  auto text = read_file(open_path);
  if (!text)
    return Error(display_path + ": " + irt_message(lang, "csv/unreadable", {{"why", text.error().message}}),
                 Error::Kind::Input);
  return parse_csv(*text, display_path, lang);
}

}  // namespace cc::irt
