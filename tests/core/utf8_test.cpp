#include <catch2/catch.hpp>

#include "core/utf8.h"

using namespace cc;

TEST_CASE("utf8: valid text including CJK and emoji passes", "[core][utf8]") {
  CHECK_FALSE(find_invalid_utf8("abc 心血管内科 😀").has_value());
}

TEST_CASE("utf8: first invalid byte is located", "[core][utf8]") {
  std::string s = "ab\xC3(";  // truncated two-byte sequence
  REQUIRE(find_invalid_utf8(s).has_value());
  CHECK(*find_invalid_utf8(s) == 2);
  CHECK(find_invalid_utf8("\xED\xA0\x80").value() == 0);  // surrogate
  CHECK(find_invalid_utf8("\xC0\xAF").value() == 0);      // overlong
}

TEST_CASE("utf8: columns count code points", "[core][utf8]") {
  std::string s = "a: 中文\nsubject: 心血管内科";
  size_t off = s.find("心");
  LineColumn lc = line_column_at(s, off);
  CHECK(lc.line == 2);
  CHECK(lc.column == 10);
  CHECK(column_at(s, s.find("文")) == 5);
}
