#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "judge/verdict_parse.h"

using namespace cc::judge;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::vector<std::string> kIds = {"CC-0001-R01", "CC-0001-R02", "CC-0001-R03"};

}  // namespace

TEST_CASE("verdict_parse: a bare object", "[judge][verdict_parse]") {
  auto v = parse_criterion_verdict(R"({"explanation": "回答明确建议完善心电图。", "criteria_met": true})");
  REQUIRE(v.ok());
  CHECK(v->criteria_met);
  CHECK(v->explanation == "回答明确建议完善心电图。");
  CHECK(v->criterion_id.empty());

  auto no = parse_criterion_verdict(R"({"criteria_met": false})");
  REQUIRE(no.ok());
  CHECK_FALSE(no->criteria_met);
  CHECK(no->explanation.empty());
}

TEST_CASE("verdict_parse: a fenced block with prose around it", "[judge][verdict_parse]") {
  const std::string text =
      "根据评分标准，我的判断如下：\n\n```json\n{\n  \"explanation\": \"未提及剂量。\",\n"
      "  \"criteria_met\": false\n}\n```\n\n以上为判定结果。";
  auto v = parse_criterion_verdict(text);
  REQUIRE(v.ok());
  CHECK_FALSE(v->criteria_met);
  CHECK(v->explanation == "未提及剂量。");
}

TEST_CASE("verdict_parse: a bare object inside prose, with braces in prose and strings", "[judge][verdict_parse]") {
  const std::string text =
      "分析 {见下} 后给出结论 {\"explanation\": \"回答写了 \\\"{剂量}\\\" 与 } 符号，全角（）保持不变。\", "
      "\"criteria_met\": true} 完毕。";
  auto v = parse_criterion_verdict(text);
  REQUIRE(v.ok());
  CHECK(v->criteria_met);
  CHECK(v->explanation == "回答写了 \"{剂量}\" 与 } 符号，全角（）保持不变。");
}

TEST_CASE("verdict_parse: thinking before the answer is ignored", "[judge][verdict_parse]") {
  SECTION("a whole <think> block holding a decoy verdict") {
    auto v = parse_criterion_verdict(
        "<think>也许应该写 {\"criteria_met\": false} ……再想想。</think>\n{\"explanation\": \"满足。\", "
        "\"criteria_met\": true}");
    REQUIRE(v.ok());
    CHECK(v->criteria_met);
  }
  SECTION("only the closing tag, the server having stripped the opening one") {
    auto v = parse_criterion_verdict(
        "先分析 {\"criteria_met\": true} 不对。\n</think>\n\n{\"explanation\": \"不满足。\", \"criteria_met\": false}");
    REQUIRE(v.ok());
    CHECK_FALSE(v->criteria_met);
  }
  SECTION("thinking cut off by max_tokens holds no verdict") {
    auto v = parse_criterion_verdict("<think>按标准 {\"criteria_met\": true} 判定，但还需考虑");
    REQUIRE_FALSE(v.ok());
    CHECK(contains(v.error().message, "nothing after its thinking"));
  }
  CHECK(strip_thinking("<think>a</think>b") == "b");
  CHECK(strip_thinking("a</think>b</think>c") == "c");
  CHECK(strip_thinking("answer <think>unfinished") == "answer ");
  CHECK(strip_thinking("plain") == "plain");
}

TEST_CASE("verdict_parse: of several objects the last with criteria_met wins", "[judge][verdict_parse]") {
  const std::string text =
      "输出格式示例：{\"explanation\": \"...\", \"criteria_met\": true}\n"
      "我的判定：\n```json\n{\"explanation\": \"剂量错误。\", \"criteria_met\": false}\n```\n"
      "附注：{\"note\": \"无\"}";
  auto v = parse_criterion_verdict(text);
  REQUIRE(v.ok());
  CHECK_FALSE(v->criteria_met);
  CHECK(v->explanation == "剂量错误。");
}

TEST_CASE("verdict_parse: a one-verdict array is accepted", "[judge][verdict_parse]") {
  auto v = parse_criterion_verdict(R"([{"explanation": "满足。", "criteria_met": true}])");
  REQUIRE(v.ok());
  CHECK(v->criteria_met);
}

TEST_CASE("verdict_parse: criteria_met must be a JSON boolean", "[judge][verdict_parse]") {
  struct Case {
    const char* text;
    const char* found;
  };
  for (const Case& c : {Case{R"({"explanation": "x", "criteria_met": "true"})", R"(found "true")"},
                        Case{R"({"explanation": "x", "criteria_met": 1})", "found 1"},
                        Case{R"({"explanation": "x", "criteria_met": "是"})", R"(found "是")"},
                        Case{R"({"explanation": "x", "criteria_met": null})", "found null"}}) {
    INFO(c.text);
    auto v = parse_criterion_verdict(c.text);
    REQUIRE_FALSE(v.ok());
    CHECK(contains(v.error().message, "criteria_met must be true or false"));
    CHECK(contains(v.error().message, c.found));
  }
}

TEST_CASE("verdict_parse: missing criteria_met, no JSON, bad explanation", "[judge][verdict_parse]") {
  auto missing = parse_criterion_verdict(R"(结论：{"explanation": "满足。"})");
  REQUIRE_FALSE(missing.ok());
  CHECK(contains(missing.error().message, "criteria_met is missing"));

  auto prose = parse_criterion_verdict("该回答满足标准。criteria_met: true");
  REQUIRE_FALSE(prose.ok());
  CHECK(contains(prose.error().message, "no complete JSON object"));

  auto cut = parse_criterion_verdict(R"({"explanation": "回答提到了)");
  REQUIRE_FALSE(cut.ok());
  CHECK(contains(cut.error().message, "no complete JSON object"));

  auto empty = parse_criterion_verdict("  \n");
  REQUIRE_FALSE(empty.ok());
  CHECK(contains(empty.error().message, "empty"));

  auto explanation = parse_criterion_verdict(R"({"explanation": ["a"], "criteria_met": true})");
  REQUIRE_FALSE(explanation.ok());
  CHECK(contains(explanation.error().message, "explanation must be a JSON string"));

  auto python = parse_criterion_verdict(R"({"explanation": "x", "criteria_met": True})");
  CHECK_FALSE(python.ok());
}

TEST_CASE("verdict_parse: a repeated criteria_met key is ambiguous", "[judge][verdict_parse]") {
  auto v = parse_criterion_verdict(R"({"criteria_met": true, "explanation": "x", "criteria_met": false})");
  REQUIRE_FALSE(v.ok());
  CHECK(contains(v.error().message, "\"criteria_met\" twice"));
}

TEST_CASE("verdict_parse: a pathological answer ends quickly", "[judge][verdict_parse]") {
  std::string text(50000, '{');
  text += R"({"criteria_met": true})";
  auto v = parse_criterion_verdict(text);  // must return; either outcome is acceptable
  (void)v;
  std::string brackets;
  for (int i = 0; i < 20000; ++i) brackets += "[\"";
  CHECK_FALSE(parse_criterion_verdict(brackets).ok());
}

TEST_CASE("verdict_parse: per-case verdicts in any order come back in rubric order", "[judge][verdict_parse]") {
  const std::string text =
      "<think>逐条看。</think>\n```json\n[\n"
      "  {\"criterion_id\": \"CC-0001-R02\", \"explanation\": \"未提及。\", \"criteria_met\": false},\n"
      "  {\"criterion_id\": \"CC-0001-R01\", \"explanation\": \"满足。\", \"criteria_met\": true},\n"
      "  {\"criterion_id\": \" CC-0001-R03 \", \"criteria_met\": true}\n]\n```";
  auto v = parse_case_verdicts(text, kIds);
  REQUIRE(v.ok());
  REQUIRE(v->size() == 3);
  CHECK((*v)[0].criterion_id == "CC-0001-R01");
  CHECK((*v)[0].criteria_met);
  CHECK((*v)[0].explanation == "满足。");
  CHECK((*v)[1].criterion_id == "CC-0001-R02");
  CHECK_FALSE((*v)[1].criteria_met);
  CHECK((*v)[2].criterion_id == "CC-0001-R03");
  CHECK((*v)[2].explanation.empty());
}

TEST_CASE("verdict_parse: per-case list under verdicts, or objects one per line", "[judge][verdict_parse]") {
  auto wrapped = parse_case_verdicts(R"({"verdicts": [{"criterion_id": "CC-0001-R01", "criteria_met": true},)"
                                     R"({"criterion_id": "CC-0001-R02", "criteria_met": false},)"
                                     R"({"criterion_id": "CC-0001-R03", "criteria_met": true}]})",
                                     kIds);
  REQUIRE(wrapped.ok());
  CHECK((*wrapped)[1].criteria_met == false);

  auto lines = parse_case_verdicts(
      "{\"criterion_id\": \"CC-0001-R01\", \"criteria_met\": true}\n"
      "{\"criterion_id\": \"CC-0001-R02\", \"criteria_met\": true}\n"
      "{\"criterion_id\": \"CC-0001-R03\", \"criteria_met\": false}\n",
      kIds);
  REQUIRE(lines.ok());
  CHECK((*lines)[2].criteria_met == false);
}

TEST_CASE("verdict_parse: per-case, the last list wins over a restated example", "[judge][verdict_parse]") {
  const std::string text =
      "格式：[{\"criterion_id\": \"<标准编号>\", \"explanation\": \"...\", \"criteria_met\": true}]\n"
      "[{\"criterion_id\": \"CC-0001-R01\", \"criteria_met\": false},"
      "{\"criterion_id\": \"CC-0001-R02\", \"criteria_met\": false},"
      "{\"criterion_id\": \"CC-0001-R03\", \"criteria_met\": false}]";
  auto v = parse_case_verdicts(text, kIds);
  REQUIRE(v.ok());
  for (const auto& verdict : *v) CHECK_FALSE(verdict.criteria_met);
}

TEST_CASE("verdict_parse: per-case missing, repeated and unknown ids name the id", "[judge][verdict_parse]") {
  auto missing = parse_case_verdicts(R"([{"criterion_id": "CC-0001-R01", "criteria_met": true},)"
                                     R"({"criterion_id": "CC-0001-R03", "criteria_met": true}])",
                                     kIds);
  REQUIRE_FALSE(missing.ok());
  CHECK(contains(missing.error().message, "no verdict for criterion_id CC-0001-R02"));

  auto repeated = parse_case_verdicts(R"([{"criterion_id": "CC-0001-R01", "criteria_met": true},)"
                                      R"({"criterion_id": "CC-0001-R02", "criteria_met": true},)"
                                      R"({"criterion_id": "CC-0001-R01", "criteria_met": false},)"
                                      R"({"criterion_id": "CC-0001-R03", "criteria_met": true}])",
                                      kIds);
  REQUIRE_FALSE(repeated.ok());
  CHECK(contains(repeated.error().message, "CC-0001-R01 more than once"));

  auto unknown = parse_case_verdicts(R"([{"criterion_id": "CC-0001-R01", "criteria_met": true},)"
                                     R"({"criterion_id": "CC-0001-R02", "criteria_met": true},)"
                                     R"({"criterion_id": "CC-0001-R03", "criteria_met": true},)"
                                     R"({"criterion_id": "CC-0001-R09", "criteria_met": true}])",
                                     kIds);
  REQUIRE_FALSE(unknown.ok());
  CHECK(contains(unknown.error().message, "unknown criterion_id \"CC-0001-R09\""));

  auto no_id = parse_case_verdicts(R"([{"criteria_met": true}])", kIds);
  REQUIRE_FALSE(no_id.ok());
  CHECK(contains(no_id.error().message, "has no criterion_id"));
}

TEST_CASE("verdict_parse: per-case criteria_met must be a boolean, naming the id", "[judge][verdict_parse]") {
  auto v = parse_case_verdicts(R"([{"criterion_id": "CC-0001-R01", "criteria_met": true},)"
                               R"({"criterion_id": "CC-0001-R02", "criteria_met": "否"},)"
                               R"({"criterion_id": "CC-0001-R03", "criteria_met": true}])",
                               kIds);
  REQUIRE_FALSE(v.ok());
  CHECK(contains(v.error().message, "criteria_met of CC-0001-R02 must be true or false, found \"否\""));

  auto none = parse_case_verdicts("全部满足。", kIds);
  REQUIRE_FALSE(none.ok());
  CHECK(contains(none.error().message, "no complete JSON array of verdicts"));
}

// Regression: why no verdict could be read went to judge_errors.jsonl in English under zh.
TEST_CASE("verdict_parse: why no verdict could be read is said in the reader's language", "[judge][verdict_parse][locale]") {
  auto empty = parse_criterion_verdict("  ", cc::Lang::Zh);
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error().message == "评审的回答为空");
  auto prose = parse_criterion_verdict(R"({"criteria_met": "是"})", cc::Lang::Zh);
  REQUIRE_FALSE(prose.ok());
  CHECK(prose.error().message == "criteria_met 必须为 true 或 false，实际为 \"是\"");
  std::vector<std::string> ids = {"a", "b", "c", "d", "e", "f", "g"};
  auto missing = parse_case_verdicts(R"([{"criterion_id": "a", "criteria_met": true}])", ids, cc::Lang::Zh);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message == "评审未给出以下 criterion_id 的评分结果：b、c、d、e、f 等（另有 1 个）");
  CHECK_FALSE(contains(empty.error().message + prose.error().message + missing.error().message, "judge"));
  auto english = parse_case_verdicts(R"([{"criterion_id": "a", "criteria_met": true}])", ids, cc::Lang::En);
  CHECK(english.error().message == "the judge gave no verdict for criterion_id b, c, d, e, f and 1 more");
}
