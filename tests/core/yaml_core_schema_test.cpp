// The YAML 1.2 core schema's reading of plain scalars.
#include <cmath>

#include <catch2/catch.hpp>

#include "core/yaml_core_schema.h"

using cc::resolve_plain_scalar;

TEST_CASE("yaml_core_schema: null, booleans, and YAML 1.1's booleans as strings", "[core][yaml_core_schema]") {
  for (const char* v : {"", "~", "null", "Null", "NULL"}) CHECK(resolve_plain_scalar(v).is_null());
  CHECK(resolve_plain_scalar("true") == true);
  CHECK(resolve_plain_scalar("FALSE") == false);
  for (const char* v : {"yes", "no", "on", "off", "Y", "n", "nULL", "tRUE"}) CHECK(resolve_plain_scalar(v) == v);
}

TEST_CASE("yaml_core_schema: integers in three bases, and what only looks like one", "[core][yaml_core_schema]") {
  CHECK(resolve_plain_scalar("30") == 30);
  CHECK(resolve_plain_scalar("-7") == -7);
  CHECK(resolve_plain_scalar("+7") == 7);
  CHECK(resolve_plain_scalar("0o17") == 15);
  CHECK(resolve_plain_scalar("0x1F") == 31);
  CHECK(resolve_plain_scalar("0b101") == "0b101");  // binary is YAML 1.1 only
  CHECK(resolve_plain_scalar("1_000") == "1_000");
  CHECK(resolve_plain_scalar("12:30") == "12:30");  // sexagesimal is YAML 1.1 only
  CHECK(resolve_plain_scalar("CC-0001") == "CC-0001");
  CHECK(resolve_plain_scalar("99999999999999999999").is_number_float());  // beyond 64 bits
}

TEST_CASE("yaml_core_schema: floats, infinities and NaN", "[core][yaml_core_schema]") {
  CHECK(resolve_plain_scalar("0.5") == 0.5);
  CHECK(resolve_plain_scalar("-.5") == -0.5);
  CHECK(resolve_plain_scalar("1e3") == 1000.0);
  CHECK(resolve_plain_scalar("2.5E-1") == 0.25);
  CHECK(resolve_plain_scalar(".inf").get<double>() == INFINITY);
  CHECK(resolve_plain_scalar("-.Inf").get<double>() == -INFINITY);
  CHECK(std::isnan(resolve_plain_scalar(".NaN").get<double>()));
  CHECK(resolve_plain_scalar("1e") == "1e");
  CHECK(resolve_plain_scalar("1.2.3") == "1.2.3");
  CHECK(resolve_plain_scalar("5 mg") == "5 mg");
}
