#pragma once
// Small helpers over simdjson's On-Demand API for the scorer's readers (included only by
// their .cpp files): typed reads that never throw and never advance past a value of the
// wrong type, and the line loop of a JSONL buffer.
#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cc::scoring::json {

namespace od = simdjson::ondemand;

// The value's JSON type, or false when the document is broken at this point.
inline bool type_of(od::value& v, od::json_type& t) { return !v.type().get(t); }

// A string value (unescaped, valid until the parser moves to another document).
inline bool read_string(od::value& v, std::string_view& out) {
  od::json_type t;
  return type_of(v, t) && t == od::json_type::string && !v.get_string().get(out);
}

// A list of strings; false when it is not a list or an element is not a string.
inline bool read_string_list(od::value& v, std::vector<std::string>& out) {
  od::json_type t;
  if (!type_of(v, t) || t != od::json_type::array) return false;
  od::array arr;
  if (v.get_array().get(arr)) return false;
  out.clear();
  for (auto item_r : arr) {
    od::value item;
    std::string_view s;
    if (std::move(item_r).get(item) || !read_string(item, s)) return false;
    out.emplace_back(s);
  }
  return true;
}

// Calls f(offset, line) for every line of `text` that holds more than white space;
// `line` excludes the '\n' and a trailing '\r'. f returns false to stop.
template <class F>
void for_each_line(std::string_view text, size_t base_offset, const F& f) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  const char* p = begin;
  while (p < end) {
    const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
    const char* line_end = nl ? static_cast<const char*>(nl) : end;
    const char* e = line_end;
    if (e > p && e[-1] == '\r') --e;
    const char* q = p;
    while (q < e && (*q == ' ' || *q == '\t')) ++q;
    if (q < e && !f(base_offset + static_cast<size_t>(p - begin), std::string_view(p, static_cast<size_t>(e - p))))
      return;
    p = line_end + 1;
  }
}

// Splits [begin, text.size()) at line ends into pieces of about `piece_bytes` (a piece ends
// at the first '\n' after that size), so the lines of a long JSONL buffer can be parsed on
// several cores.
inline std::vector<std::pair<size_t, size_t>> line_pieces(std::string_view text, size_t begin, size_t piece_bytes) {
  std::vector<std::pair<size_t, size_t>> out;
  while (begin < text.size()) {
    size_t end = std::min(text.size(), begin + piece_bytes);
    if (end < text.size()) {
      size_t nl = text.find('\n', end);
      end = nl == std::string_view::npos ? text.size() : nl + 1;
    }
    out.emplace_back(begin, end);
    begin = end;
  }
  return out;
}

// Where `v` starts, as a byte offset from `base`; `fallback` when unknown.
inline size_t offset_of(od::value& v, const char* base, size_t fallback) {
  const char* loc = nullptr;
  if (v.current_location().get(loc) || !loc || loc < base) return fallback;
  return static_cast<size_t>(loc - base);
}

}  // namespace cc::scoring::json
