// Numbers rounded for people: fixed places whatever the locale, no "-0.0", "–" for nothing.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/number_format.h"

TEST_CASE("format_fixed: rounded, no negative zero, a dash for no number", "[core][format]") {
  CHECK(cc::format_fixed(47.649, 1) == "47.6");
  CHECK(cc::format_fixed(-0.004, 2) == "0.00");
  CHECK(cc::format_fixed(-3.25, 1) == "-3.2");
  CHECK(cc::format_fixed(std::nan(""), 1) == "–");
  CHECK(cc::format_fixed(std::optional<double>(0.125), 3) == "0.125");
  CHECK(cc::format_fixed(std::optional<double>(), 3) == "–");
}
