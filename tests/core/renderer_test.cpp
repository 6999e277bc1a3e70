#include <catch2/catch.hpp>

#include <cctype>
#include <sstream>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/renderer.h"

using namespace cc;
using Catch::Matchers::Contains;

namespace {

std::vector<Diagnostic> sample() {
  Diagnostic a;
  a.rule = "schema/required";
  a.severity = Severity::Error;
  a.file = "cases/cardiology/CC-0001.yaml";
  a.line = 3;
  a.column = 5;
  a.message = "missing required field 'status'; add it";
  Diagnostic b;
  b.rule = "integrity/audience-role";
  b.severity = Severity::Warning;
  b.file = "cases/a,b:c/CC-0002.yaml";
  b.line = 12;
  b.column = 11;
  b.message = "100% sure\nsecond line";
  b.fix = "audience: professional";
  Diagnostic c;
  c.rule = "integrity/not-benchmark-file";
  c.severity = Severity::Note;
  c.file = "notes.yaml";
  c.message = "心血管内科：不是病例";
  return {a, b, c};
}

// An error finding of `rule` at file:line:column.
Diagnostic error_at(const std::string& rule, const std::string& file, int line, int column,
                    const std::string& message) {
  Diagnostic d;
  d.rule = rule;
  d.file = file;
  d.line = line;
  d.column = column;
  d.message = message;
  return d;
}

std::string run(void (*fn)(const RenderInput&, std::ostream&), const std::vector<Diagnostic>& diags, int files,
                Lang lang = Lang::En, bool color = false) {
  std::ostringstream out;
  RenderInput in{diags, files, lang, color};
  fn(in, out);
  return out.str();
}

}  // namespace

TEST_CASE("renderers: parse_output_format", "[core][renderer]") {
  CHECK(parse_output_format("text") == OutputFormat::Text);
  CHECK(parse_output_format("json") == OutputFormat::Json);
  CHECK(parse_output_format("github") == OutputFormat::Github);
  CHECK(parse_output_format("sarif") == OutputFormat::Sarif);
  CHECK_FALSE(parse_output_format("JSON"));
  CHECK_FALSE(parse_output_format(""));
}

TEST_CASE("renderers: json has exactly the shape of CLI.md", "[core][renderer]") {
  auto diags = sample();
  std::string text = run(render_json, diags, 7);
  auto j = nlohmann::ordered_json::parse(text);
  std::vector<std::string> top;
  for (auto& [k, v] : j.items()) top.push_back(k);
  CHECK(top == std::vector<std::string>{"files_checked", "diagnostics", "summary"});
  CHECK(j["files_checked"] == 7);
  REQUIRE(j["diagnostics"].size() == 3);

  const auto& a = j["diagnostics"][0];
  std::vector<std::string> keys;
  for (auto& [k, v] : a.items()) keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"rule", "severity", "file", "line", "column", "message"});
  CHECK(a["rule"] == "schema/required");
  CHECK(a["severity"] == "error");
  CHECK(a["file"] == "cases/cardiology/CC-0001.yaml");
  CHECK(a["line"] == 3);
  CHECK(a["column"] == 5);
  CHECK(a["message"] == "missing required field 'status'; add it");

  const auto& b = j["diagnostics"][1];
  keys.clear();
  for (auto& [k, v] : b.items()) keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"rule", "severity", "file", "line", "column", "message", "fix"});
  CHECK(b["severity"] == "warning");
  CHECK(b["message"] == "100% sure\nsecond line");
  CHECK(b["fix"] == "audience: professional");

  CHECK(j["diagnostics"][2]["severity"] == "note");
  CHECK(j["diagnostics"][2]["message"] == "心血管内科：不是病例");
  // A finding about the whole file: CLI.md's positions are 1-based, so its start.
  CHECK(j["diagnostics"][2]["line"] == 1);
  CHECK(j["diagnostics"][2]["column"] == 1);

  CHECK(j["summary"] == nlohmann::ordered_json({{"errors", 1}, {"warnings", 1}}));
  CHECK(text.back() == '\n');
}

TEST_CASE("renderers: json with no findings", "[core][renderer]") {
  auto j = nlohmann::json::parse(run(render_json, {}, 0));
  CHECK(j == nlohmann::json::parse(R"({"files_checked":0,"diagnostics":[],"summary":{"errors":0,"warnings":0}})"));
}

TEST_CASE("renderers: github annotations escape data and properties", "[core][renderer]") {
  auto diags = sample();
  std::string out = run(render_github, diags, 3);
  std::istringstream lines(out);
  std::string l1, l2, l3;
  std::getline(lines, l1);
  std::getline(lines, l2);
  std::getline(lines, l3);
  CHECK(l1 ==
        "::error file=cases/cardiology/CC-0001.yaml,line=3,col=5,title=schema/required::"
        "missing required field 'status'; add it");
  CHECK(l2 ==
        "::warning file=cases/a%2Cb%3Ac/CC-0002.yaml,line=12,col=11,title=integrity/audience-role::"
        "100%25 sure%0Asecond line%0Aaudience: professional");
  CHECK(l3 == "::notice file=notes.yaml,title=integrity/not-benchmark-file::心血管内科：不是病例");
  // Workflow commands only: no plain log after them.
  std::string rest;
  CHECK_FALSE(std::getline(lines, rest));
  CHECK(out.find('\x1b') == std::string::npos);

  Diagnostic cr = error_at("r", "f.yaml", 1, 1, "a\r\nb");
  std::string o2 = run(render_github, {cr}, 1);
  CHECK(o2.rfind("::error file=f.yaml,line=1,col=1,title=r::a%0D%0Ab\n", 0) == 0);
}

TEST_CASE("renderers: sarif 2.1.0 structure", "[core][renderer]") {
  auto diags = sample();
  diags.push_back(diags[0]);  // a second finding of the same rule shares its rule entry
  diags.back().line = 9;
  diags.back().column = 2;
  auto j = nlohmann::json::parse(run(render_sarif, diags, 3));
  CHECK(j["version"] == "2.1.0");
  CHECK(j["$schema"].get<std::string>().find("sarif-2.1.0") != std::string::npos);
  REQUIRE(j["runs"].is_array());
  REQUIRE(j["runs"].size() == 1);
  const auto& run0 = j["runs"][0];
  CHECK(run0["columnKind"] == "unicodeCodePoints");
  CHECK(run0["tool"]["driver"]["name"] == "clinconsensus");
  const auto& rules = run0["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == 3);
  const auto& results = run0["results"];
  REQUIRE(results.size() == 4);

  CHECK(results[0]["ruleId"] == "schema/required");
  CHECK(results[0]["level"] == "error");
  CHECK(results[0]["message"]["text"] == "missing required field 'status'; add it");
  const auto& phys = results[0]["locations"][0]["physicalLocation"];
  CHECK(phys["artifactLocation"]["uri"] == "cases/cardiology/CC-0001.yaml");
  CHECK(phys["region"]["startLine"] == 3);
  CHECK(phys["region"]["startColumn"] == 5);

  CHECK(results[1]["level"] == "warning");
  CHECK(results[1]["message"]["text"].get<std::string>().find("audience: professional") != std::string::npos);
  CHECK(results[2]["level"] == "note");
  // A whole-file finding has a location without a region.
  CHECK(results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "notes.yaml");
  CHECK_FALSE(results[2]["locations"][0]["physicalLocation"].contains("region"));
  CHECK(results[3]["locations"][0]["physicalLocation"]["region"]["startLine"] == 9);

  for (const auto& r : results) {
    size_t idx = r["ruleIndex"].get<size_t>();
    REQUIRE(idx < rules.size());
    CHECK(rules[idx]["id"] == r["ruleId"]);
  }
}

TEST_CASE("renderers: text without colour has no ESC byte", "[core][renderer]") {
  auto diags = sample();
  std::string out = run(render_text, diags, 3);
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out ==
        "cases/cardiology/CC-0001.yaml:3:5: error: missing required field 'status'; add it [schema/required]\n"
        "cases/a,b:c/CC-0002.yaml:12:11: warning: 100% sure\\nsecond line [integrity/audience-role]\n"
        "    fix: audience: professional\n"
        "notes.yaml: note: 心血管内科：不是病例 [integrity/not-benchmark-file]\n"
        "3 files checked: 1 error, 1 warning, 1 note\n");
  CHECK(run(render_text, {}, 1) == "1 file checked: 0 errors, 0 warnings\n");
}

TEST_CASE("renderers: text keeps a finding on one line when a key holds CR, LF or ESC", "[core][renderer]") {
  Diagnostic d =
      error_at("schema/unknown-key", "cases/cardiology/CC-0001.yaml", 2, 1, "unknown field 'a\r\nb\x1b[31mc\td'");
  d.fix = "remove 'a\nb'";
  std::string out = run(render_text, {d}, 1);
  CHECK(out ==
        "cases/cardiology/CC-0001.yaml:2:1: error: unknown field 'a\\r\\nb\\x1b[31mc\\td' [schema/unknown-key]\n"
        "    fix: remove 'a\\nb'\n"
        "1 file checked: 1 error, 0 warnings\n");
}

TEST_CASE("renderers: text in Chinese and with colour", "[core][renderer]") {
  auto diags = sample();
  std::string zh = run(render_text, diags, 3, Lang::Zh);
  CHECK_THAT(zh, Contains("cases/cardiology/CC-0001.yaml:3:5: 错误: missing required field"));
  CHECK_THAT(zh, Contains("    修复：audience: professional\n"));
  CHECK_THAT(zh, Contains("已检查 3 个文件：1 个错误，1 个警告，1 个提示\n"));
  CHECK(zh.find('\x1b') == std::string::npos);
  std::string coloured = run(render_text, diags, 3, Lang::En, true);
  CHECK(coloured.find("\x1b[1;31m") != std::string::npos);
  CHECK(coloured.find("\x1b[1;33m") != std::string::npos);
}

TEST_CASE("renderers: render dispatches on the format", "[core][renderer]") {
  auto diags = sample();
  std::ostringstream a;
  render(OutputFormat::Json, RenderInput{diags, 3, Lang::En, false}, a);
  CHECK(a.str() == run(render_json, diags, 3));
  std::ostringstream b;
  render(OutputFormat::Sarif, RenderInput{diags, 3, Lang::En, false}, b);
  CHECK(b.str() == run(render_sarif, diags, 3));
}

namespace {

// Whether `s` is an RFC 3986 relative reference made of a path only (relative-part with
// path-noscheme or path-absolute, no query or fragment): the characters a path may hold,
// '%' only before two hex digits, and no ':' in the first segment.
bool is_path_reference(const std::string& s) {
  const std::string allowed = "-._~!$&'()*+,;=:@/";
  bool first_segment = true;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '%') {
      if (i + 2 >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[i + 1])) ||
          !std::isxdigit(static_cast<unsigned char>(s[i + 2])))
        return false;
      i += 2;
      continue;
    }
    if (c == '/') first_segment = false;
    if (c == ':' && first_segment) return false;
    if (!std::isalnum(c) && allowed.find(static_cast<char>(c)) == std::string::npos) return false;
  }
  return true;
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

TEST_CASE("renderers: sarif artifact uris are percent-encoded uri-references", "[core][renderer][sarif]") {
  const std::vector<std::pair<std::string, std::string>> paths = {
      {"cases/cardiology/CC-0001.yaml", "cases/cardiology/CC-0001.yaml"},
      {"my cases/cardiology/CC 0001.yaml", "my%20cases/cardiology/CC%200001.yaml"},
      {"基准/cases/心内科/CC-0001.yaml", "%E5%9F%BA%E5%87%86/cases/%E5%BF%83%E5%86%85%E7%A7%91/CC-0001.yaml"},
      {"100%/cases/a.yaml", "100%25/cases/a.yaml"},
      {"c:d/a#b?c[d].yaml", "c%3Ad/a%23b%3Fc%5Bd%5D.yaml"},
  };
  std::vector<Diagnostic> diags;
  for (const auto& [path, encoded] : paths) diags.push_back(error_at("schema/required", path, 1, 1, "m"));
  auto j = nlohmann::json::parse(run(render_sarif, diags, static_cast<int>(diags.size())));
  const auto& results = j["runs"][0]["results"];
  REQUIRE(results.size() == paths.size());
  for (size_t i = 0; i < paths.size(); ++i) {
    const auto& location = results[i]["locations"][0]["physicalLocation"]["artifactLocation"];
    std::string uri = location["uri"].get<std::string>();
    INFO(paths[i].first << " -> " << uri);
    CHECK(uri == paths[i].second);
    CHECK(is_path_reference(uri));
    CHECK(percent_decode(uri) == paths[i].first);
    CHECK(location["uriBaseId"] == "SRCROOT");
  }
}
