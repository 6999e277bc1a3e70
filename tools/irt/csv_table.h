#pragma once
// CSV tables the irt commands read back (items.csv, respondents.csv, leaderboards): the
// records of the tools' one CSV reader (judge/csv_records.h: RFC 4180, UTF-8 BOM skipped),
// a header row, and each row's line number for messages.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/messages.h"
#include "core/result.h"

namespace cc::irt {

struct CsvTable {
  std::string path;  // as shown in messages
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<size_t> lines;  // 1-based line where each row starts

  // Index of the column named `name`, or nullopt.
  std::optional<size_t> column(std::string_view name) const;
};

// Parses `text` (blank lines are ignored). Fails with "PATH: line N: …" on a CSV syntax
// error and "PATH:LINE: …" on a row whose field count differs from the header's.
Result<CsvTable> parse_csv(std::string_view text, const std::string& display_path, Lang lang);

// Reads and parses the file at `open_path`.
Result<CsvTable> read_csv_file(const std::string& open_path, const std::string& display_path, Lang lang);

// `text` as a finite double, or nullopt (empty, not a number, trailing characters).
std::optional<double> parse_double(std::string_view text);

}  // namespace cc::irt
