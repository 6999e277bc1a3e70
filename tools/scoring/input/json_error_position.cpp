#include "scoring/input/json_error_position.h"

#include <nlohmann/json.hpp>

namespace cc::scoring {
namespace {

using Json = nlohmann::json;

// A SAX handler that accepts every value and remembers where the parser gave up.
struct ErrorFinder final : nlohmann::json_sax<Json> {
  std::optional<size_t> position;  // characters read when the error was found (1-based)
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception&) override {
    position = pos;
    return false;
  }
};

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

std::optional<size_t> json_error_offset(std::string_view text) {
  ErrorFinder finder;
  try {
    Json::sax_parse(text.begin(), text.end(), &finder, Json::input_format_t::json, /*strict=*/true);
  } catch (...) {  // out of memory: the caller keeps its own position
    return std::nullopt;
  }
  if (!finder.position) return std::nullopt;
  size_t at = *finder.position > 0 ? *finder.position - 1 : 0;  // the character that broke it
  if (at < text.size()) return at;
  size_t end = text.size();  // the text ended too early: point just after its last content
  while (end > 0 && blank(text[end - 1])) --end;
  return end;
}

}  // namespace cc::scoring
