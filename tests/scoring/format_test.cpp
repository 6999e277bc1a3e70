// Deterministic text: numbers, CSV fields, and SHA-256 (core/sha256).
#include <catch2/catch.hpp>

#include <cmath>

#include "core/sha256.h"
#include "scoring/output/text_format.h"
#include "test_support.h"

using namespace cc::scoring;
using cc::format_fixed;

TEST_CASE("numbers are the shortest round-trip decimal", "[score][format]") {
  CHECK(format_number(100.0) == "100");
  CHECK(format_number(0.5) == "0.5");
  CHECK(format_number(100.0 / 21) == "4.761904761904762");
  CHECK(format_number(1100.0 / 21) == "52.38095238095238");
  CHECK(format_number(-0.0) == "0");
  CHECK(format_number(std::nan("")) == "");
  CHECK(format_number(std::optional<double>()) == "");
  CHECK(std::stod(format_number(2.0 / 3)) == 2.0 / 3);
  CHECK(format_fixed(47.619, 1) == "47.6");
  CHECK(format_fixed(-0.04, 1) == "0.0");
}

TEST_CASE("CSV fields are quoted only when needed", "[score][format]") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  std::string row;
  append_csv_row(row, {"x", "1,2", "中文"});
  CHECK(row == "x,\"1,2\",中文\n");
  CHECK(md_cell("a|b\nc") == "a\\|b c");
}

TEST_CASE("SHA-256 of known vectors", "[score][format]") {
  CHECK(cc::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(cc::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  cc::test::TempDir dir;
  dir.write("f", "abc");
  auto hex = cc::sha256_file(dir.path() + "/f", cc::Lang::En);
  REQUIRE(hex);
  CHECK(*hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  auto missing = cc::sha256_file(dir.path() + "/missing", cc::Lang::En);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message == "cannot open " + dir.path() + "/missing: No such file or directory");
}

// Regression: a file release verify, scoring or a judge run could not hash was said in
// English under zh.
TEST_CASE("SHA-256 of a file that cannot be opened or read is refused in the reader's language", "[score][format]") {
  cc::test::TempDir dir;
  auto missing = cc::sha256_file(dir.path() + "/missing", cc::Lang::Zh);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message == "无法打开 " + dir.path() + "/missing：文件或文件夹不存在");
  CHECK_THAT(missing.error().message, !Catch::Contains("cannot open") && !Catch::Contains("No such"));
  // A folder opens but cannot be read.
  auto folder = cc::sha256_file(dir.path(), cc::Lang::Zh);
  REQUIRE_FALSE(folder);
  CHECK_THAT(folder.error().message, Catch::StartsWith("无法读取 " + dir.path() + "："));
  CHECK_THAT(folder.error().message, !Catch::Contains("cannot read"));
  auto english = cc::sha256_file(dir.path(), cc::Lang::En);
  REQUIRE_FALSE(english);
  CHECK_THAT(english.error().message, Catch::StartsWith("cannot read " + dir.path() + ": "));
}
