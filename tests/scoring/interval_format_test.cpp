// A figure and its confidence interval as the reports and the terminal show them.
#include <catch2/catch.hpp>

#include "scoring/output/text_format.h"

using namespace cc::scoring;

TEST_CASE("intervals: \"value [low, high]\", the value alone without one", "[score][format]") {
  const Interval ci{41.25, 53.94};
  CHECK(format_interval(ci) == "[41.2, 53.9]");
  CHECK(format_interval(ci, 2) == "[41.25, 53.94]");
  CHECK(format_with_interval(47.619, ci) == "47.6 [41.2, 53.9]");
  CHECK(format_interval(Interval{}) == "–");
  CHECK(format_with_interval(47.619, Interval{}) == "47.6");
}
