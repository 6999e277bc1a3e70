// The JSONL reader: blank lines and a byte-order mark passed over, line numbers counted
// from the file's first line, every stop naming file and line, the caller's words used.
#include <catch2/catch.hpp>

#include "core/jsonl.h"
#include "test_support.h"

using cc::JsonlLine;
using cc::Result;

TEST_CASE("jsonl lines: blank lines are passed over and still counted", "[core][jsonl]") {
  std::vector<std::pair<int, bool>> seen;  // (line, is an object)
  auto read =
      cc::for_each_jsonl_line("\xEF\xBB\xBF{\"a\":1}\n  \n\t\r\n\nnot json\r\n[1]\n{}", [&](const JsonlLine& l) {
        seen.emplace_back(l.number, l.value.is_object());
        return Result<void>();
      });
  REQUIRE(read.ok());
  CHECK(seen == std::vector<std::pair<int, bool>>{{1, true}, {5, false}, {6, false}, {7, true}});
}

TEST_CASE("jsonl lines: an Error of the callback stops the read and is passed up", "[core][jsonl]") {
  int calls = 0;
  auto read = cc::for_each_jsonl_line("{}\n{}\n{}\n", [&](const JsonlLine& l) -> Result<void> {
    ++calls;
    if (l.number == 2) return cc::Error("stop at 2");
    return {};
  });
  REQUIRE_FALSE(read.ok());
  CHECK(read.error().message == "stop at 2");
  CHECK(calls == 2);
}

TEST_CASE("jsonl objects: a line that is not an object names file and line", "[core][jsonl]") {
  cc::test::TempDir dir;
  dir.write("rows.jsonl", "{\"n\":1}\n\n[2]\n{\"n\":3}\n");
  const std::string path = dir.path() + "/rows.jsonl";
  std::vector<int> lines;
  auto each = [&](const nlohmann::json& j, int line) -> Result<void> {
    CHECK(j.is_object());
    lines.push_back(line);
    return {};
  };
  auto read = cc::for_each_jsonl_object(path, {}, each);
  REQUIRE_FALSE(read.ok());
  CHECK(read.error().kind == cc::Error::Kind::Input);
  CHECK(read.error().message == path + ":3: not a JSON object");
  CHECK(lines == std::vector<int>{1});

  cc::JsonlMessages mine;
  mine.not_object = "not a row of ours";
  auto again = cc::for_each_jsonl_object(path, mine, each);
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().message == path + ":3: not a row of ours");
}

TEST_CASE("jsonl objects: a file that cannot be read says so in the caller's words", "[core][jsonl]") {
  cc::test::TempDir dir;
  const std::string path = dir.path() + "/missing.jsonl";
  auto none = [](const nlohmann::json&, int) -> Result<void> { return {}; };
  auto plain = cc::for_each_jsonl_object(path, {}, none);
  REQUIRE_FALSE(plain.ok());
  CHECK(plain.error().kind == cc::Error::Kind::Input);
  CHECK(plain.error().message.starts_with("cannot read " + path + ": "));

  cc::JsonlMessages mine;
  mine.unreadable = [](const std::string& why) { return "no labels (" + why + ")"; };
  auto worded = cc::for_each_jsonl_object(path, mine, none);
  REQUIRE_FALSE(worded.ok());
  CHECK(worded.error().message.starts_with("no labels ("));
}
