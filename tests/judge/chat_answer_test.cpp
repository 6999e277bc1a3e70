#include <catch2/catch.hpp>

#include <string>

#include "judge/chat_answer.h"

using namespace cc::judge;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("chat_answer: an OpenAI body gives content, finish_reason and usage", "[judge][chat_answer]") {
  const std::string body = R"({
    "id": "chatcmpl-1", "object": "chat.completion", "model": "qwen-max",
    "choices": [{"index": 0, "finish_reason": "stop",
                 "message": {"role": "assistant", "content": "建议完善心电图检查。"}}],
    "usage": {"prompt_tokens": 120, "completion_tokens": 35, "total_tokens": 155}})";
  auto answer = parse_chat_completion(body);
  REQUIRE(answer.ok());
  CHECK(answer->content == "建议完善心电图检查。");
  CHECK(answer->reasoning.empty());
  CHECK(answer->finish_reason == "stop");
  CHECK(answer->usage.prompt_tokens == 120);
  CHECK(answer->usage.completion_tokens == 35);
}

TEST_CASE("chat_answer: reasoning comes from reasoning_content or reasoning", "[judge][chat_answer]") {
  auto deepseek = parse_chat_completion(
      R"({"choices":[{"message":{"content":"{\"criteria_met\": true}","reasoning_content":"先看标准……"},)"
      R"("finish_reason":"stop"}]})");
  REQUIRE(deepseek.ok());
  CHECK(deepseek->content == R"({"criteria_met": true})");
  CHECK(deepseek->reasoning == "先看标准……");

  auto openrouter = parse_chat_completion(R"({"choices":[{"message":{"content":"好","reasoning":"想一想"}}]})");
  REQUIRE(openrouter.ok());
  CHECK(openrouter->reasoning == "想一想");
  CHECK(openrouter->finish_reason.empty());
}

TEST_CASE("chat_answer: null or missing content is empty text", "[judge][chat_answer]") {
  auto null_content = parse_chat_completion(
      R"({"choices":[{"message":{"role":"assistant","content":null,"tool_calls":[]},"finish_reason":"tool_calls"}]})");
  REQUIRE(null_content.ok());
  CHECK(null_content->content.empty());
  CHECK(null_content->finish_reason == "tool_calls");

  auto reasoning_only =
      parse_chat_completion(R"({"choices":[{"message":{"reasoning_content":"思考未完"},"finish_reason":"length"}]})");
  REQUIRE(reasoning_only.ok());
  CHECK(reasoning_only->content.empty());
  CHECK(reasoning_only->reasoning == "思考未完");
  CHECK(reasoning_only->finish_reason == "length");
}

TEST_CASE("chat_answer: content given as parts is joined", "[judge][chat_answer]") {
  auto answer = parse_chat_completion(
      R"({"choices":[{"message":{"content":[{"type":"text","text":"第一段"},{"type":"text","text":"第二段"}]}}]})");
  REQUIRE(answer.ok());
  CHECK(answer->content == "第一段第二段");
}

TEST_CASE("chat_answer: usage is optional and odd counts read as 0", "[judge][chat_answer]") {
  auto none = parse_chat_completion(R"({"choices":[{"message":{"content":"x"}}]})");
  REQUIRE(none.ok());
  CHECK(none->usage.prompt_tokens == 0);
  CHECK(none->usage.completion_tokens == 0);

  auto partial = parse_chat_completion(
      R"({"choices":[{"message":{"content":"x"}}],"usage":{"prompt_tokens":"many","completion_tokens":7}})");
  REQUIRE(partial.ok());
  CHECK(partial->usage.prompt_tokens == 0);
  CHECK(partial->usage.completion_tokens == 7);

  auto null_usage = parse_chat_completion(R"({"choices":[{"message":{"content":"x"}}],"usage":null})");
  REQUIRE(null_usage.ok());
  CHECK(null_usage->usage.prompt_tokens == 0);
}

TEST_CASE("chat_answer: a truncated or non-JSON body is an error with its size", "[judge][chat_answer]") {
  const std::string full = R"({"choices":[{"message":{"content":"建议复查血钾"}}]})";
  const std::string half = full.substr(0, full.size() / 2);
  auto truncated = parse_chat_completion(half);
  REQUIRE_FALSE(truncated.ok());
  CHECK(truncated.error().message == "response body is not complete JSON (" + std::to_string(half.size()) + " bytes)");
  CHECK(truncated.error().kind == cc::Error::Kind::Failed);

  auto html = parse_chat_completion("<html><body>502 Bad Gateway</body></html>");
  REQUIRE_FALSE(html.ok());
  CHECK(contains(html.error().message, "not complete JSON (41 bytes)"));

  auto empty = parse_chat_completion("");
  REQUIRE_FALSE(empty.ok());
  CHECK(contains(empty.error().message, "(0 bytes)"));
}

TEST_CASE("chat_answer: an error object is an error quoting its message", "[judge][chat_answer]") {
  auto vllm = parse_chat_completion(
      R"({"object":"error","error":{"message":"This model's maximum context length is 8192 tokens.",)"
      R"("type":"BadRequestError","code":400}})");
  REQUIRE_FALSE(vllm.ok());
  CHECK(contains(vllm.error().message, "\"This model's maximum context length is 8192 tokens.\""));

  auto old_vllm = parse_chat_completion(
      R"({"object":"error","message":"The model `qwen` does not exist.","type":"NotFoundError","code":404})");
  REQUIRE_FALSE(old_vllm.ok());
  CHECK(contains(old_vllm.error().message, "The model `qwen` does not exist."));

  auto plain = parse_chat_completion(R"({"error":"model not found"})");
  REQUIRE_FALSE(plain.ok());
  CHECK(contains(plain.error().message, "model not found"));

  auto no_message = parse_chat_completion(R"({"error":{"type":"server_error"}})");
  REQUIRE_FALSE(no_message.ok());
  CHECK(contains(no_message.error().message, "no message"));
}

TEST_CASE("chat_answer: an error message neither leaks a key nor runs long", "[judge][chat_answer]") {
  auto leaked = parse_chat_completion(
      R"({"error":{"message":"Incorrect API key provided: sk-abcdefghijklmnop1234. Header was Bearer sk-zyxw9876."}})");
  REQUIRE_FALSE(leaked.ok());
  const std::string& message = leaked.error().message;
  CHECK_FALSE(contains(message, "abcdefghijklmnop1234"));
  CHECK_FALSE(contains(message, "zyxw9876"));
  CHECK(contains(message, "Incorrect API key provided"));

  std::string long_text;
  for (int i = 0; i < 200; ++i) long_text += "错误";
  auto long_error = parse_chat_completion(R"({"error":{"message":")" + long_text + R"("}})");
  REQUIRE_FALSE(long_error.ok());
  CHECK(long_error.error().message.size() < 400);
  CHECK(contains(long_error.error().message, "…"));
}

TEST_CASE("chat_answer: a body without a usable first choice is an error", "[judge][chat_answer]") {
  for (const char* body :
       {R"({"choices":[]})", R"({"id":"x"})", R"({"choices":"none"})", R"([1,2])",
        R"({"choices":[{"finish_reason":"stop"}]})", R"({"choices":[{"message":{"content":42}}]})"}) {
    INFO(body);
    CHECK_FALSE(parse_chat_completion(body).ok());
  }
}

// Regression: why a body could not be read went to judge_errors.jsonl in English under zh.
TEST_CASE("chat_answer: a body that cannot be read is refused in the reader's language", "[judge][chat_answer][locale]") {
  auto cut = parse_chat_completion(R"({"choices":[)", cc::Lang::Zh);
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.error().message == "响应正文不是完整的 JSON（12 字节）");
  auto server = parse_chat_completion(R"({"error":{"message":"model overloaded"}})", cc::Lang::Zh);
  REQUIRE_FALSE(server.ok());
  CHECK(server.error().message == "端点返回了错误：“model overloaded”");
  auto none = parse_chat_completion(R"({"choices":[]})", cc::Lang::Zh);
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().message == "响应中没有 choices");
  CHECK_FALSE(contains(cut.error().message + server.error().message + none.error().message, "response"));
  CHECK(parse_chat_completion(R"({"choices":[]})", cc::Lang::En).error().message == "response has no choices");
}
