#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "core/yaml_loader.h"
#include "test_support.h"

using namespace cc;
using Catch::Matchers::Contains;

namespace {

LoadResult load(const std::string& text, const LoadLimits& limits = LoadLimits{}) {
  return load_yaml_text("cases/x/CC-0001.yaml", text, limits, Lang::En);
}

// The one diagnostic a refused file must produce.
const Diagnostic& only_diag(const LoadResult& r) {
  REQUIRE(r.diagnostics.size() == 1);
  return r.diagnostics.front();
}

void check_refusal(const LoadResult& r, const char* rule, int line, int column) {
  const Diagnostic& d = only_diag(r);
  CHECK(d.rule == rule);
  CHECK(d.line == line);
  CHECK(d.column == column);
  CHECK(d.severity == Severity::Error);
  CHECK(d.file == "cases/x/CC-0001.yaml");
}

}  // namespace

TEST_CASE("yaml_loader: YAML 1.2 core typing of plain scalars", "[core][yaml_loader]") {
  const std::string text =
      "y1: yes\ny2: no\ny3: on\ny4: off\ny5: y\ny6: Yes\n"
      "b1: true\nb2: false\nb3: True\nb4: FALSE\nb5: tRUE\n"
      "n1: ~\nn2: null\nn3:\nn4: NULL\n"
      "i1: 0o17\ni2: 0x1F\ni3: -3\ni4: +12\ni5: 0\n"
      "f1: 1e3\nf2: .5\nf3: .inf\nf4: -.inf\nf5: .nan\nf6: 1.25\n"
      "s1: 2026-11-22\ns2: 1_000\ns3: -0x1F\ns4: 0o8\ns5: -.nan\ns6: 12:30\n";
  auto r = load(text);
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.document);
  const auto& j = r.document->root;
  for (const char* k : {"y1", "y2", "y3", "y4", "y5", "y6", "b5"}) {
    INFO(k);
    CHECK(j[k].is_string());
  }
  CHECK(j["y1"] == "yes");
  CHECK(j["y3"] == "on");
  CHECK(j["y5"] == "y");
  CHECK(j["b1"] == true);
  CHECK(j["b2"] == false);
  CHECK(j["b3"] == true);
  CHECK(j["b4"] == false);
  for (const char* k : {"n1", "n2", "n3", "n4"}) {
    INFO(k);
    CHECK(j[k].is_null());
  }
  CHECK(j["i1"].is_number_integer());
  CHECK(j["i1"] == 15);
  CHECK(j["i2"] == 31);
  CHECK(j["i3"] == -3);
  CHECK(j["i4"] == 12);
  CHECK(j["i5"] == 0);
  CHECK(j["i5"].is_number_integer());
  CHECK(j["f1"].is_number_float());
  CHECK(j["f1"].get<double>() == 1000.0);
  CHECK(j["f2"].get<double>() == 0.5);
  CHECK(std::isinf(j["f3"].get<double>()));
  CHECK(j["f3"].get<double>() > 0);
  CHECK(j["f4"].get<double>() < 0);
  CHECK(std::isinf(j["f4"].get<double>()));
  CHECK(std::isnan(j["f5"].get<double>()));
  CHECK(j["f6"].get<double>() == 1.25);
  CHECK(j["s1"] == "2026-11-22");
  CHECK(j["s2"] == "1_000");
  CHECK(j["s3"] == "-0x1F");
  CHECK(j["s4"] == "0o8");
  CHECK(j["s5"] == "-.nan");
  CHECK(j["s6"] == "12:30");
}

TEST_CASE("yaml_loader: quoted, tagged and block scalars stay strings", "[core][yaml_loader]") {
  auto r = load(
      "q1: \"123\"\nq2: 'true'\nq3: \"\"\nq4: '~'\nt: !!str 42\n"
      "lit: |\n  123\n  第二行\nfold: >\n  a\n  b\nkeep: |-\n  null\n");
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.document);
  const auto& j = r.document->root;
  CHECK(j["q1"] == "123");
  CHECK(j["q2"] == "true");
  CHECK(j["q3"] == "");
  CHECK(j["q4"] == "~");
  CHECK(j["t"] == "42");
  CHECK(j["lit"] == "123\n第二行\n");
  CHECK(j["fold"] == "a b\n");
  CHECK(j["keep"] == "null");
}

TEST_CASE("yaml_loader: aliases within the budget are expanded", "[core][yaml_loader]") {
  auto r = load("a: &x [1, 2]\nb: *x\n");
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.document);
  CHECK(r.document->root["b"] == nlohmann::json::array({1, 2}));
}

TEST_CASE("yaml_loader: JSON-pointer locations of keys and values in code points", "[core][yaml_loader]") {
  const std::string text =
      "# 注释\n"
      "case_id: CC-0001\n"
      "subject: 心血管内科\n"
      "subject_labels: [心血管内科, 内分泌科]\n"
      "outer:\n"
      "  inner: 中文\n"
      "  list:\n"
      "    - a\n"
      "    - 心: 脏\n"
      "名称: 值\n"
      "a/b~c: 1\n";
  auto r = load(text);
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.document);
  const Document& doc = *r.document;
  auto val = [&](const char* p) { return doc.value_position(p); };
  auto key = [&](const char* p) { return doc.key_position(p); };

  CHECK(val("/case_id").line == 2);
  CHECK(val("/case_id").column == 10);
  CHECK(key("/subject").line == 3);
  CHECK(key("/subject").column == 1);
  CHECK(val("/subject").column == 10);
  CHECK(val("/subject_labels").line == 4);
  CHECK(val("/subject_labels").column == 17);
  CHECK(val("/subject_labels/0").column == 18);
  CHECK(val("/subject_labels/1").column == 25);  // after "心血管内科, " (7 code points)
  CHECK(key("/subject_labels/1").column == 25);  // an item has no key: its value
  CHECK(val("/outer").line == 6);                // a block mapping starts at its first key
  CHECK(val("/outer").column == 3);
  CHECK(key("/outer").line == 5);
  CHECK(key("/outer").column == 1);
  CHECK(val("/outer/inner").line == 6);
  CHECK(val("/outer/inner").column == 10);
  CHECK(key("/outer/inner").column == 3);
  CHECK(val("/outer/list/0").line == 8);
  CHECK(val("/outer/list/0").column == 7);
  CHECK(key("/outer/list/1/心").line == 9);
  CHECK(key("/outer/list/1/心").column == 7);
  CHECK(val("/outer/list/1/心").column == 10);
  CHECK(key("/名称").line == 10);
  CHECK(val("/名称").column == 5);
  CHECK(pointer_append("", "a/b~c") == "/a~1b~0c");
  CHECK(val("/a~1b~0c").line == 11);
  CHECK(val("/a~1b~0c").column == 8);
  // A pointer with no location of its own falls back to its nearest ancestor.
  CHECK(val("/outer/inner/missing").line == 6);
  CHECK(val("/outer/inner/missing").column == 10);
  CHECK(val("/subject_labels/7").column == 17);
}

TEST_CASE("yaml_loader: duplicate key is refused and the first value kept", "[core][yaml_loader]") {
  auto r = load("a: 1\nb: 2\na: 3\n");
  check_refusal(r, "yaml/duplicate-key", 3, 1);
  CHECK(r.diagnostics[0].message == "duplicate key 'a' (first at line 1); keep only one");
  REQUIRE(r.document);
  CHECK(r.document->root == nlohmann::json({{"a", 1}, {"b", 2}}));

  auto nested = load("m:\n  x: 1\n  y: 0\n  x: [2]\nn:\n  x: 5\n");
  check_refusal(nested, "yaml/duplicate-key", 4, 3);
  CHECK_THAT(nested.diagnostics[0].message, Contains("first at line 2"));
  REQUIRE(nested.document);
  CHECK(nested.document->root["m"]["x"] == 1);
  CHECK(nested.document->root["n"]["x"] == 5);  // the same key in another mapping is fine

  auto mapping = load("a:\n  x: 1\na:\n  y: 2\nb: 3\n");
  check_refusal(mapping, "yaml/duplicate-key", 3, 1);
  REQUIRE(mapping.document);
  CHECK(mapping.document->root == nlohmann::json::parse(R"({"a": {"x": 1}, "b": 3})"));
}

TEST_CASE("yaml_loader: complex keys are refused", "[core][yaml_loader]") {
  check_refusal(load("? [a, b]\n: c\n"), "yaml/complex-key", 1, 3);
  check_refusal(load("k: 1\n? {x: 1}\n: c\n"), "yaml/complex-key", 2, 3);
  CHECK_FALSE(load("? [a, b]\n: c\n").document);
}

TEST_CASE("yaml_loader: several documents are refused", "[core][yaml_loader]") {
  auto r = load("a: 1\n---\nb: 2\n");
  check_refusal(r, "yaml/multiple-documents", 2, 1);
  // If a document is returned at all, it must be the first one, not a mix of both.
  if (r.document) CHECK(r.document->root == nlohmann::json({{"a", 1}}));
  check_refusal(load("---\na: 1\n---\nb: 2\n"), "yaml/multiple-documents", 3, 1);
}

TEST_CASE("yaml_loader: a billion-laughs document exceeds the alias budget", "[core][yaml_loader]") {
  const std::string text =
      "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
      "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
      "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
      "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
      "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
      "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
      "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
      "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
      "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
  // *a is 10 values, *b 91, *c 820: 9·10 + 9·91 = 909 fit in 1000, the first *c does not.
  auto r = load(text);
  check_refusal(r, "yaml/alias-budget", 4, 8);
  CHECK(r.diagnostics[0].message ==
        "anchors and aliases expand to more than 1000 values or 1048576 bytes; write the values out instead");
  CHECK_FALSE(r.document);
}

// Regression (hardening #8): the budget counted nodes only, so 999 aliases of one 900 KB
// string (a 927 KB file) took 16 s and 918 MB. The expanded bytes are budgeted too, and
// the first alias that passes the budget is refused.
TEST_CASE("yaml_loader: aliases of one long string exceed the byte budget at the first that passes it",
          "[core][yaml_loader]") {
  std::string text = "big: &s " + std::string(300 * 1024, 'x') + "\nlist:\n";
  for (int i = 0; i < 999; ++i) text += "  - *s\n";
  LoadLimits limits;
  limits.max_file_bytes = 4 << 20;
  auto r = load(text, limits);
  // Three expansions (900 KB) fit in 1 MiB; the fourth, on line 6, does not.
  check_refusal(r, "yaml/alias-budget", 6, 5);
  CHECK_FALSE(r.document);

  limits.max_alias_bytes = 8 << 20;
  limits.max_alias_nodes = 100000;
  text = "big: &s " + std::string(1024, 'x') + "\nlist:\n";
  for (int i = 0; i < 10; ++i) text += "  - *s\n";
  auto fine = load(text, limits);
  REQUIRE(fine.document);
  CHECK(fine.diagnostics.empty());
}

TEST_CASE("yaml_loader: nesting deeper than the limit is refused", "[core][yaml_loader]") {
  // 32 levels are allowed, the 33rd container is refused where it starts.
  CHECK(load(std::string(32, '[') + std::string(32, ']')).diagnostics.empty());
  auto flow = load(std::string(33, '[') + std::string(33, ']'));
  check_refusal(flow, "yaml/too-deep", 1, 33);
  CHECK_THAT(flow.diagnostics[0].message, Contains("32"));

  std::string block;
  for (int i = 0; i < 32; ++i) block += std::string(2 * i, ' ') + "k" + std::to_string(i) + ":\n";
  block += std::string(64, ' ') + "k32: x\n";  // the 33rd mapping, on line 33
  check_refusal(load(block), "yaml/too-deep", 33, 65);

  LoadLimits shallow;
  shallow.max_depth = 4;
  check_refusal(load("a:\n  - {b: [[1]]}\n", shallow), "yaml/too-deep", 2, 10);
  CHECK(load("a:\n  - {b: [1]}\n", shallow).diagnostics.empty());
}

TEST_CASE("yaml_loader: 100000 nested brackets do not crash", "[core][yaml_loader]") {
  std::string open(100000, '['), close(100000, ']');
  check_refusal(load(open + close), "yaml/too-deep", 1, 33);
  // Even with the loader's own limit out of the way the parser's guard must hold.
  LoadLimits huge;
  huge.max_depth = 1000000;
  LoadResult r;
  REQUIRE_NOTHROW(r = load(open + close, huge));
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "yaml/too-deep");
  CHECK(r.diagnostics[0].line == 1);
  CHECK_FALSE(r.document);
}

TEST_CASE("yaml_loader: unclosed flow collections are not complex keys", "[core][yaml_loader]") {
  // 100000 '[' never closed: the depth limit stops the parse long before the end.
  auto deep = load(std::string(100000, '['));
  REQUIRE(deep.diagnostics.size() == 1);
  CHECK(deep.diagnostics[0].rule == "yaml/too-deep");
  CHECK(deep.diagnostics[0].line == 1);
  CHECK(deep.diagnostics[0].column <= 33);
  // An unclosed list has no key at all: it is a syntax error.
  auto r = load("[a, b");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "yaml/syntax");
  CHECK(r.diagnostics[0].line == 1);
  check_refusal(load("a: [1, 2\nb: 3\n"), "yaml/syntax", 2, 2);
}

TEST_CASE("yaml_loader: oversized files are refused before parsing", "[core][yaml_loader]") {
  LoadLimits small;
  small.max_file_bytes = 1024;
  std::string exact = "a: " + std::string(1020, 'x') + "\n";  // 1024 bytes
  REQUIRE(exact.size() == 1024);
  CHECK(load(exact, small).diagnostics.empty());
  auto r = load(exact + "\n", small);
  check_refusal(r, "yaml/too-large", 1, 1);
  CHECK(r.diagnostics[0].message ==
        "the file is 1025 bytes, over the limit of 1024; check that nothing was pasted by mistake");
}

TEST_CASE("yaml_loader: invalid UTF-8 is located in code points", "[core][yaml_loader]") {
  auto r = load("a: b\nc: \xff\n");
  check_refusal(r, "text/encoding", 2, 4);
  CHECK(r.diagnostics[0].message == "the file is not UTF-8 (byte 0xFF); save it as UTF-8");
  check_refusal(load("a: 中文\xC3("), "text/encoding", 1, 6);
}

TEST_CASE("yaml_loader: a GB18030-encoded Chinese file is refused as non-UTF-8", "[core][yaml_loader]") {
  // "subject: 心血管内科" in GB18030: 心 is D0 C4, which is not a UTF-8 sequence.
  std::string gb = "case_id: CC-0001\nsubject: \xD0\xC4\xD1\xAA\xB9\xDC\xC4\xDA\xBF\xC6\n";
  auto r = load(gb);
  check_refusal(r, "text/encoding", 2, 10);
  CHECK_THAT(r.diagnostics[0].message, Contains("0xD0"));
  auto zh = load_yaml_text("x.yaml", gb, LoadLimits{}, Lang::Zh);
  REQUIRE(zh.diagnostics.size() == 1);
  CHECK(zh.diagnostics[0].message == "文件不是 UTF-8 编码（字节 0xD0）；请另存为 UTF-8");
}

TEST_CASE("yaml_loader: a byte-order mark is refused", "[core][yaml_loader]") {
  auto r = load(
      "\xEF\xBB\xBF"
      "case_id: CC-0001\n");
  check_refusal(r, "yaml/bom", 1, 1);
  CHECK_FALSE(r.document);
}

TEST_CASE("yaml_loader: empty and comment-only files are refused", "[core][yaml_loader]") {
  check_refusal(load(""), "yaml/empty", 1, 1);
  check_refusal(load("# 只有注释\n\n# another comment\n"), "yaml/empty", 1, 1);
  check_refusal(load("   \n\n"), "yaml/empty", 1, 1);
  CHECK(load("").diagnostics[0].message == "the file is empty; run `clinconsensus new` to start from a template");
}

TEST_CASE("yaml_loader: syntax errors carry rule, line and column", "[core][yaml_loader]") {
  SECTION("tab indentation points at the tab") {
    auto r = load("a:\n\tb: 1\n");
    check_refusal(r, "yaml/syntax", 2, 1);
    CHECK_THAT(r.diagnostics[0].message, Contains("YAML syntax error"));
    CHECK_THAT(r.diagnostics[0].message, Contains("tab used for indentation"));
  }
  SECTION("unclosed quote points at the opening quote") {
    auto r = load("a: \"abc\nb: 1\nc: 2\n");
    check_refusal(r, "yaml/syntax", 1, 4);
    CHECK_THAT(r.diagnostics[0].message, Contains("the quote opened here is never closed"));
  }
  SECTION("a line without ':' is reported on that line, not the next") {
    auto r = load("case_id: CC-0001\nstatus draft\ndifficulty: low\n");
    check_refusal(r, "yaml/syntax", 2, 1);
    CHECK_THAT(r.diagnostics[0].message, Contains("no ':' after its key"));
  }
  SECTION("a quote left open is named when the parser stumbles lines later") {
    auto r = load("case_id: CC-0001\nuser_role: \"患者女儿\naudience: lay\nnote: \"引用\" 的话\nstatus: draft\n");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].rule == "yaml/syntax");
    CHECK(r.diagnostics[0].line == 4);
    CHECK_THAT(r.diagnostics[0].message, Contains("the quoted value that starts on line 2"));
  }
  SECTION("an alias with no anchor before it") {
    auto r = load("a: 1\nb: *x\n");
    check_refusal(r, "yaml/syntax", 2, 4);
    CHECK_THAT(r.diagnostics[0].message, Contains("*x refers to no anchor &x"));
  }
  SECTION("a control character YAML does not allow, located in code points") {
    auto r = load("a: 心\x0B率\n");
    check_refusal(r, "yaml/syntax", 1, 5);
    CHECK_THAT(r.diagnostics[0].message, Contains("U+000B"));
  }
  SECTION("bad indentation points at the misplaced key") {
    check_refusal(load("a:\n  b: 1\n c: 2\n"), "yaml/syntax", 3, 2);
  }
  SECTION("positions after Chinese text count code points") {
    check_refusal(load("名称:\n  子项: 1\n 孙项: 2\n"), "yaml/syntax", 3, 2);
    check_refusal(load("名称: 一个值: 冒号\n"), "yaml/syntax", 1, 8);
  }
}

TEST_CASE("yaml_loader: load_yaml_file reads from disk and reports unreadable files", "[core][yaml_loader]") {
  cc::test::TempDir dir;
  dir.write("a.yaml", "k: 心\n");
  auto ok = load_yaml_file(dir.path() + "/a.yaml", "a.yaml", LoadLimits{}, Lang::En);
  REQUIRE(ok.document);
  CHECK(ok.document->path == "a.yaml");
  CHECK(ok.document->root["k"] == "心");
  auto missing = load_yaml_file(dir.path() + "/missing.yaml", "missing.yaml", LoadLimits{}, Lang::En);
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].rule == "io/read");
  CHECK(missing.diagnostics[0].file == "missing.yaml");
  CHECK(missing.diagnostics[0].line == 0);
  CHECK_FALSE(missing.document);
}

// The three line breaks YAML 1.1 and 1.2 readers disagree on (found by the differential
// tests: libyaml broke lines on them, yaml-cpp and editors did not).
TEST_CASE("yaml_loader: NEL, U+2028 and U+2029 are refused where they stand", "[core][yaml_loader]") {
  for (const char* c : {"\u0085", "\u2028", "\u2029"}) {
    auto r = load(std::string("a: 1\n# 注释") + c + "续\nb: 2\n");
    check_refusal(r, "yaml/ambiguous-break", 2, 5);
    CHECK_FALSE(r.document);
  }
}
