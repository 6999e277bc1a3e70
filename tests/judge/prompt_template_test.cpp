#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "core/sha256.h"
#include "judge/prompt_template.h"
#include "test_support.h"

using namespace cc::judge;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::vector<std::string> kCriterionPlaceholders = {"query", "response", "criterion"};

// Loads `content` written to a temp file shown as "prompts/judge.md".
cc::Result<PromptTemplate> load_text(const cc::test::TempDir& dir, const std::string& content,
                                     const std::vector<std::string>& required = kCriterionPlaceholders) {
  dir.write("prompts/judge.md", content);
  return load_prompt_template(dir.path() + "/prompts/judge.md", "prompts/judge.md", required);
}

}  // namespace

TEST_CASE("prompt_template: loads names in order of first use and hashes the bytes", "[judge][prompt_template]") {
  cc::test::TempDir dir;
  const std::string content = "问题：{{query}}\n回答：{{ response }}\n标准：{{criterion}}\n再次：{{query}}\n";
  auto tmpl = load_text(dir, content);
  REQUIRE(tmpl.ok());
  CHECK(tmpl->path == "prompts/judge.md");
  CHECK(tmpl->text == content);
  CHECK(tmpl->placeholders == std::vector<std::string>{"query", "response", "criterion"});
  CHECK(tmpl->sha256 == cc::sha256_hex(content));
  CHECK(tmpl->sha256.size() == 64);
}

TEST_CASE("prompt_template: rendering replaces every placeholder once", "[judge][prompt_template]") {
  cc::test::TempDir dir;
  auto tmpl = load_text(dir, "Q={{query}}\nR={{ response }}\nC={{criterion}}\nQ again={{query}}\n");
  REQUIRE(tmpl.ok());
  const std::map<std::string, std::string> values = {{"query", "胸痛2小时"},
                                                     {"response", "按标准 {{criterion}} 来看，还有 {{query}} 与 {{"},
                                                     {"criterion", "是否建议立即行心电图检查"}};
  std::string out = render_prompt(*tmpl, values);
  CHECK(out ==
        "Q=胸痛2小时\nR=按标准 {{criterion}} 来看，还有 {{query}} 与 {{\nC=是否建议立即行心电图检查\n"
        "Q again=胸痛2小时\n");
}

TEST_CASE("prompt_template: names without a value are left as written", "[judge][prompt_template]") {
  PromptTemplate tmpl;
  tmpl.text = "{{query}} / {{extra}} / {{ response }}";
  CHECK(render_prompt(tmpl, {{"query", "Q"}}) == "Q / {{extra}} / {{ response }}");
}

TEST_CASE("prompt_template: a missing required placeholder is named", "[judge][prompt_template]") {
  cc::test::TempDir dir;
  auto tmpl = load_text(dir, "{{query}}\n{{response}}\n{{criteria}}\n");
  REQUIRE_FALSE(tmpl.ok());
  CHECK(tmpl.error().kind == cc::Error::Kind::Input);
  const std::string& message = tmpl.error().message;
  CHECK(contains(message, "prompts/judge.md"));
  CHECK(contains(message, "lacks {{criterion}}"));
  CHECK(contains(message, "it uses {{query}}, {{response}}, {{criteria}}"));
}

TEST_CASE("prompt_template: an unterminated {{ is refused with its line", "[judge][prompt_template]") {
  cc::test::TempDir dir;
  SECTION("closed on a later line only") {
    auto tmpl = load_text(dir, "第一行 {{query}}\n第二行 {{response}\n第三行 }} {{criterion}}\n");
    REQUIRE_FALSE(tmpl.ok());
    CHECK(tmpl.error().kind == cc::Error::Kind::Input);
    CHECK(contains(tmpl.error().message, "prompts/judge.md:2:5:"));
    CHECK(contains(tmpl.error().message, "not closed"));
  }
  SECTION("never closed") {
    auto tmpl = load_text(dir, "{{query}}\n{{response}}\n\n{{criterion");
    REQUIRE_FALSE(tmpl.ok());
    CHECK(contains(tmpl.error().message, "prompts/judge.md:4:1:"));
  }
}

TEST_CASE("prompt_template: a {{...}} that is not a name is refused", "[judge][prompt_template]") {
  cc::test::TempDir dir;
  auto tmpl = load_text(dir, "{{query}}\n{{Response}}\n{{criterion}}\n");
  REQUIRE_FALSE(tmpl.ok());
  CHECK(contains(tmpl.error().message, "prompts/judge.md:2:1: {{Response}} is not a placeholder"));
}

TEST_CASE("prompt_template: unreadable and non-UTF-8 files", "[judge][prompt_template]") {
  cc::test::TempDir dir;
  auto missing = load_prompt_template(dir.path() + "/nope.md", "prompts/nope.md", kCriterionPlaceholders);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().kind == cc::Error::Kind::Input);
  CHECK(contains(missing.error().message, "prompts/nope.md: cannot read"));
  CHECK(contains(missing.error().message, "judge.prompt"));

  auto folder = load_prompt_template(dir.path(), "prompts", kCriterionPlaceholders);
  REQUIRE_FALSE(folder.ok());
  CHECK(contains(folder.error().message, "not a regular file"));

  // "标准" in GBK, after a valid first line.
  auto gbk = load_text(dir, "{{query}} {{response}} {{criterion}}\n\xB1\xEA\xD7\xBC\n");
  REQUIRE_FALSE(gbk.ok());
  CHECK(contains(gbk.error().message, "prompts/judge.md:2:1:"));
  CHECK(contains(gbk.error().message, "not UTF-8"));
}

TEST_CASE("prompt_template: a BOM is dropped from the text but not from the hash", "[judge][prompt_template]") {
  cc::test::TempDir dir;
  const std::string content = "\xEF\xBB\xBF{{query}}{{response}}{{criterion}}";
  auto tmpl = load_text(dir, content);
  REQUIRE(tmpl.ok());
  CHECK(tmpl->text == "{{query}}{{response}}{{criterion}}");
  CHECK(tmpl->sha256 == cc::sha256_hex(content));
}

TEST_CASE("prompt_template: the shipped per-criterion prompt renders and states the rules",
          "[judge][prompt_template]") {
  auto tmpl = load_prompt_template(CC_SOURCE_DIR "/prompts/judge-criterion.md", "prompts/judge-criterion.md",
                                   kCriterionPlaceholders);
  REQUIRE(tmpl.ok());
  CHECK(tmpl->placeholders == kCriterionPlaceholders);
  std::string out = render_prompt(*tmpl, {{"query", "患者男，58岁，胸痛2小时。请给出处理建议。"},
                                          {"response", "建议立即行心电图检查。"},
                                          {"criterion", "是否建议立即完成12导联心电图检查"}});
  CHECK_FALSE(contains(out, "{{"));
  CHECK(contains(out, "患者男，58岁，胸痛2小时。"));
  CHECK(contains(out, "建议立即行心电图检查。"));
  CHECK(contains(out, "是否建议立即完成12导联心电图检查"));
  // The output contract the parser relies on.
  CHECK(contains(out, "\"explanation\""));
  CHECK(contains(out, "\"criteria_met\""));
  CHECK(contains(out, "true"));
  CHECK(contains(out, "false"));
  // The rules: every part of a multi-part criterion; examples are not a checklist;
  // facts and doses must be correct; 是否 needs the behaviour shown; negative criteria.
  CHECK(contains(out, "每一项都满足"));
  for (const char* word : {"如", "例如", "比如", "包括", "不是需要逐项核对的清单"}) CHECK(contains(out, word));
  CHECK(contains(out, "剂量"));
  CHECK(contains(out, "是否"));
  CHECK(contains(out, "明确"));
  CHECK(contains(out, "未推荐"));
  CHECK(contains(out, "不应"));
  CHECK(contains(out, "只判定上面这一条评分标准"));
}

TEST_CASE("prompt_template: the shipped per-case prompt loads", "[judge][prompt_template]") {
  auto tmpl = load_prompt_template(CC_SOURCE_DIR "/prompts/judge-case.md", "prompts/judge-case.md",
                                   {"query", "response", "criteria"});
  REQUIRE(tmpl.ok());
  std::string out = render_prompt(
      *tmpl, {{"query", "Q"}, {"response", "R"}, {"criteria", "1. CC-0001-R01: 标准一\n2. CC-0001-R02: 标准二"}});
  CHECK_FALSE(contains(out, "{{"));
  CHECK(contains(out, "1. CC-0001-R01: 标准一\n2. CC-0001-R02: 标准二"));
  CHECK(contains(out, "\"criterion_id\""));
  CHECK(contains(out, "\"criteria_met\""));
  CHECK(contains(out, "每一项都满足"));
  CHECK(contains(out, "未推荐"));
  // No id in the template itself, or a judge (and the fake server) could echo it.
  CHECK_FALSE(contains(tmpl->text, "CC-"));
}
