#pragma once
// Deterministic text for the scorer's outputs: numbers as the shortest decimal that reads
// back to the same double (std::to_chars), CSV fields and JSON strings escaped, so the
// same inputs always give the same bytes.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/number_format.h"
#include "scoring/stats/bootstrap.h"

namespace cc::scoring {

// Shortest round-trip decimal of `v` ("47.61904761904762", "100", "0.5"); "" for NaN or
// infinity, which the outputs show as an empty cell (CSV) or null (JSON).
std::string format_number(double v);
std::string format_number(const std::optional<double>& v);

// Numbers rounded for people are cc::format_fixed (core/number_format.h): "47.6".

// A confidence interval for people: "[41.2, 53.9]"; "–" when there is none.
std::string format_interval(const Interval& iv, int decimals = 1);
// `v` and its interval: "47.6 [41.2, 53.9]"; `v` alone when there is no interval.
std::string format_with_interval(double v, const Interval& iv, int decimals = 1);

// One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF.
std::string csv_field(std::string_view s);
// Appends the CSV field, then `sep` (',' or '\n'), without temporaries.
void append_csv_field(std::string& out, std::string_view s, char sep);
// Appends format_number(v) (nothing for NaN or absent), then `sep`.
void append_csv_number(std::string& out, double v, char sep);
void append_csv_number(std::string& out, const std::optional<double>& v, char sep);
void append_csv_integer(std::string& out, long v, char sep);
// Appends fields joined by commas and a final '\n'.
void append_csv_row(std::string& out, std::initializer_list<std::string_view> fields);

// A plain-text table: columns padded to their widest cell (by display width, so CJK
// text lines up), the first `left_columns` left-aligned and the rest right-aligned, two
// spaces between columns, one line per row.
std::string aligned_table(const std::vector<std::vector<std::string>>& table, size_t left_columns);

// A cell of a Markdown table: '|' and newlines escaped.
std::string md_cell(std::string_view s);

}  // namespace cc::scoring
