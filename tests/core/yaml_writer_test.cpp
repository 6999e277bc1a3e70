// The YAML writer: every string reads back unchanged whatever style it asks for, prose
// becomes a literal block, and comments and blank lines keep their own lines.
#include <catch2/catch.hpp>

#include "core/yaml_loader.h"
#include "core/yaml_writer.h"

using namespace cc;

namespace {

std::string one_field(std::string_view value, ScalarStyle style, int indent_levels = 0) {
  YamlWriter w;
  w.begin_map();
  for (int i = 0; i < indent_levels; ++i) {
    w.key("n");
    w.begin_map();
  }
  w.field("k", value, style);
  for (int i = 0; i < indent_levels; ++i) w.end_map();
  w.end_map();
  auto text = w.finish();
  REQUIRE(text.ok());
  return *text;
}

std::string read_back(const std::string& yaml, int indent_levels) {
  LoadResult r = load_yaml_text("t.yaml", yaml, LoadLimits{}, Lang::En);
  INFO(yaml);
  REQUIRE(r.document);
  REQUIRE(r.diagnostics.empty());
  const nlohmann::json* j = &r.document->root;
  for (int i = 0; i < indent_levels; ++i) j = &(*j)["n"];
  REQUIRE(j->contains("k"));
  REQUIRE((*j)["k"].is_string());
  return (*j)["k"].get<std::string>();
}

}  // namespace

TEST_CASE("yaml writer: every string reads back unchanged", "[core][yaml]") {
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
      "1.5",
      "null",
      "~",
      "true",
      ".inf",
      "0x1F",
      "2026-11-22",
      "a: b # c",
      "-x",
      "- x",
      "[a]",
      "{a}",
      "*a",
      "&a",
      "!t",
      "|",
      ">",
      "%d",
      "@x",
      "`x",
      "x:",
      " lead",
      "trail ",
      "quote \" backslash \\ tab\t cr\r done",
      "control \x01 del \x7f",
      "line sep \u2028 para \u2029 bom \ufeff nel \u0085",
      "trailing space \nnext",
      "\n\n",
      "",
  };
  for (ScalarStyle st : {ScalarStyle::Short, ScalarStyle::Prose, ScalarStyle::Line, ScalarStyle::Quoted})
    for (int levels : {0, 2})
      for (const auto& v : values) {
        INFO("value: [" << v << "] style " << static_cast<int>(st));
        CHECK(read_back(one_field(v, st, levels), levels) == v);
      }
}

TEST_CASE("yaml writer: plain where it reads back, quoted where it would not", "[core][yaml]") {
  CHECK(one_field("心血管内科", ScalarStyle::Short) == "k: 心血管内科\n");
  CHECK(one_field("CC-0001-R01", ScalarStyle::Short) == "k: CC-0001-R01\n");
  CHECK(one_field("3.5 mg", ScalarStyle::Short) == "k: 3.5 mg\n");
  CHECK(one_field("123", ScalarStyle::Short) == "k: \"123\"\n");
  CHECK(one_field("null", ScalarStyle::Short) == "k: \"null\"\n");
  CHECK(one_field("a: b", ScalarStyle::Short) == "k: \"a: b\"\n");
  CHECK(one_field("imported", ScalarStyle::Quoted) == "k: \"imported\"\n");
  // What yaml-cpp cannot write inside UTF-8 double quotes is escaped as ASCII.
  CHECK(one_field("del \x7f", ScalarStyle::Short) == "k: \"del \\x7f\"\n");
}

TEST_CASE("yaml writer: prose becomes a literal block with the chomping it needs", "[core][yaml]") {
  CHECK(one_field("第一行\n第二行\n", ScalarStyle::Prose) == "k: |\n  第一行\n  第二行\n");
  CHECK(one_field("第一行\n\n第二行", ScalarStyle::Prose) == "k: |-\n  第一行\n\n  第二行\n");
  CHECK(one_field("x\n\n", ScalarStyle::Prose) == "k: |+\n  x\n\n");
  CHECK(one_field("  lead\nx", ScalarStyle::Prose) == "k: |2-\n    lead\n  x\n");
  CHECK(one_field("无换行", ScalarStyle::Line, 1) == "n:\n  k: 无换行\n");
  CHECK(one_field("两行\n标准", ScalarStyle::Line, 1) == "n:\n  k: |-\n    两行\n    标准\n");
  CHECK(one_field("3 天内复查: 是", ScalarStyle::Line) == "k: |-\n  3 天内复查: 是\n");
  // A carriage return has no place in a block: double quotes.
  CHECK(one_field("a\r\nb", ScalarStyle::Prose) == "k: \"a\\r\\nb\"\n");
}

TEST_CASE("yaml writer: comments, blank lines, lists and the layout of a file", "[core][yaml]") {
  YamlWriter w;
  w.comment("yaml-language-server: $schema=../../schema/case.schema.json");
  w.comment("第二行");
  w.blank_line();
  w.comment("编号");
  w.begin_map();
  w.field("case_id", "CC-0001");
  w.list("labels", {"心血管内科", "内分泌科"});
  w.list("none", {});
  w.comment("TODO(import): 核对");
  w.field("text", "正文\n", ScalarStyle::Prose);
  w.comment("after prose");
  w.key("items");
  w.begin_list();
  w.begin_map();
  w.field("id", "R01");
  w.key("critical");
  w.boolean(false);
  w.key("rounds");
  w.integer(0);
  w.end_map();
  w.end_list();
  w.end_map();
  auto text = w.finish();
  REQUIRE(text.ok());
  CHECK(*text ==
        "# yaml-language-server: $schema=../../schema/case.schema.json\n"
        "# 第二行\n"
        "\n"
        "# 编号\n"
        "case_id: CC-0001\n"
        "labels:\n"
        "  - 心血管内科\n"
        "  - 内分泌科\n"
        "none: []\n"
        "# TODO(import): 核对\n"
        "text: |\n"
        "  正文\n"
        "# after prose\n"
        "items:\n"
        "  - id: R01\n"
        "    critical: false\n"
        "    rounds: 0\n");
}

TEST_CASE("yaml writer: a value that is not UTF-8 is an error, not a broken file", "[core][yaml]") {
  YamlWriter w;
  w.begin_map();
  w.field("k", "bad \xff byte");
  w.end_map();
  CHECK_FALSE(w.finish().ok());
}
