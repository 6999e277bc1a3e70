#pragma once
// CSV records (RFC 4180) as the review sheets come back from a spreadsheet: fields split
// at commas, quoted fields holding commas, doubled quotes and line breaks, records ended
// by CRLF or LF, a leading UTF-8 BOM skipped. Every record keeps the line it starts on,
// so problems can be named by line.
#include <string>
#include <string_view>
#include <vector>

#include "core/messages.h"
#include "core/result.h"

namespace cc::judge {

struct CsvRecord {
  int line = 0;  // 1-based line of the file where the record starts
  std::vector<std::string> fields;
};

// Splits `text` into records; blank lines are skipped. Error (kind Input), in `lang`,
// naming the line of a quote left open at the end, or of text after a closing quote
// ("a"b). The one CSV reader of the tools (review sheets, and irt's tables).
Result<std::vector<CsvRecord>> parse_csv(std::string_view text, Lang lang = Lang::En);

// One RFC 4180 record: fields quoted when they hold a comma, quote, CR or LF, joined by
// commas and ended by CRLF.
std::string csv_record(const std::vector<std::string>& fields);

}  // namespace cc::judge
