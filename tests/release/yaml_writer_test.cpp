// The YAML writer: every string reads back unchanged, whatever style it is written in.
#include <catch2/catch.hpp>

#include "core/yaml_loader.h"
#include "release/yaml_writer.h"

using namespace cc;
using namespace cc::yaml_out;

namespace {

std::string read_back(const std::string& yaml, const std::string& key) {
  LoadResult r = load_yaml_text("t.yaml", yaml, LoadLimits{}, Lang::En);
  INFO(yaml);
  REQUIRE(r.document);
  REQUIRE(r.document->root.contains(key));
  REQUIRE(r.document->root[key].is_string());
  return r.document->root[key].get<std::string>();
}

}  // namespace

TEST_CASE("yaml writer: plain only when unambiguous", "[release][yaml]") {
  CHECK(plain_safe("心血管内科"));
  CHECK(plain_safe("CC-0001-R01"));
  CHECK(plain_safe("lay"));
  for (const char* s : {"", "yes", "No", "true", "null", "123", "1.5", "-x", "a: b", "a #b", "x:", " lead", "trail ",
                        "#c", "'q", "\"q", "[a]", "{a}", "*a", "&a", "!t", "|", ">", "%d", "@x", "`x", "line\nbreak"})
    CHECK_FALSE(plain_safe(s));
}

TEST_CASE("yaml writer: every string reads back unchanged", "[release][yaml]") {
  const std::vector<std::string> values = {
      "心血管内科",
      "患者男，58岁。\n既往高血压。",
      "ends with one newline\n",
      "ends with two\n\n",
      "  leading spaces\nthen text",
      "\nstarts with a newline",
      "# not a comment\n- not a list\nkey: not a map",
      "yes",
      "123",
      "a: b # c",
      "quote \" backslash \\ tab\t cr\r done",
      "control \x01 del \x7f",
      "line sep \u2028 para \u2029 bom \ufeff nel \u0085",
      "trailing space \nnext",
      "",
  };
  for (Style st : {Style::Readable, Style::Quoted})
    for (bool prose : {false, true})
      for (const auto& v : values) {
        std::string yaml;
        write_field(yaml, 0, "k", v, st, prose);
        INFO("value: [" << v << "] prose " << prose);
        CHECK(read_back(yaml, "k") == v);
      }
}

TEST_CASE("yaml writer: prose becomes a literal block", "[release][yaml]") {
  std::string yaml;
  write_field(yaml, 0, "clinical_context", "第一行\n第二行\n", Style::Readable, true);
  CHECK(yaml == "clinical_context: |\n  第一行\n  第二行\n");
  std::string nested;
  write_field(nested, 4, "criterion", "无换行", Style::Readable, true);
  CHECK(nested == "    criterion: |-\n      无换行\n");
}
