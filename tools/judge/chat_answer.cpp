#include "judge/chat_answer.h"

#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "judge/judge_messages.h"

namespace cc::judge {
namespace {

using nlohmann::json;

// A server's own error text can be long (a stack trace) or echo part of the request; the
// message is for a person deciding what to fix, so a couple of lines is enough.
constexpr size_t kMaxQuotedBytes = 300;

// Cuts `text` to at most `max_bytes` without splitting a UTF-8 sequence, marking the cut.
std::string shorten(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "…";
}

bool is_token_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

// Hides what looks like a credential in a server's error text. Some gateways quote the
// Authorization header or the key back ("Incorrect API key provided: sk-..."), and these
// messages end up in terminals, CI logs and judge_errors.jsonl.
std::string redact_credentials(std::string text) {
  for (std::string_view marker : {"Bearer ", "bearer ", "sk-"}) {
    size_t pos = 0;
    while ((pos = text.find(marker, pos)) != std::string::npos) {
      // "sk-" only counts at the start of a token, so words like "task-" stay readable.
      if (marker == "sk-" && pos > 0 && is_token_char(text[pos - 1])) {
        pos += marker.size();
        continue;
      }
      size_t start = pos + marker.size();
      size_t end = start;
      while (end < text.size() && is_token_char(text[end])) ++end;
      if (end > start) text.replace(start, end - start, "***");
      pos = start + 3;
    }
  }
  return text;
}

// The text of an `error` member: {"error": {"message": ...}} from OpenAI and vLLM,
// {"error": "..."} from some other servers.
std::string error_text(const json& error) {
  if (error.is_string()) return error.get<std::string>();
  if (error.is_object()) {
    auto message = error.find("message");
    if (message != error.end() && message->is_string() && !message->get<std::string>().empty())
      return message->get<std::string>();
    auto code = error.find("code");
    if (code != error.end() && (code->is_string() || code->is_number())) return "code " + code->dump();
  }
  return "";
}

// A token count as a whole number, or 0 when the server sent something else.
int64_t token_count(const json& usage, const char* key) {
  auto it = usage.find(key);
  if (it == usage.end()) return 0;
  if (it->is_number_integer() || it->is_number_unsigned()) return it->get<int64_t>();
  if (it->is_number_float() && it->get<double>() >= 0 && it->get<double>() < 9e18)
    return static_cast<int64_t>(it->get<double>());
  return 0;
}

// message.content: a string, null (a tool call or an answer that is all reasoning), or —
// from servers following the newer OpenAI shape — an array of parts whose text parts are
// joined.
Result<std::string> content_text(const json& message, Lang lang) {
  auto it = message.find("content");
  if (it == message.end() || it->is_null()) return std::string();
  if (it->is_string()) return it->get<std::string>();
  if (it->is_array()) {
    std::string joined;
    for (const json& part : *it) {
      if (part.is_string()) {
        joined += part.get<std::string>();
      } else if (part.is_object()) {
        auto text = part.find("text");
        if (text != part.end() && text->is_string()) joined += text->get<std::string>();
      }
    }
    return joined;
  }
  return Error(judge_message(lang, "answer/content"));
}

Result<ChatAnswer> read_answer(const json& root, Lang lang) {
  if (!root.is_object()) return Error(judge_message(lang, "answer/not-object"));
  auto error = root.find("error");
  // Older vLLM releases put the error at the top: {"object": "error", "message": ...}.
  bool top_level_error = json_text(root, "object") == "error";
  if ((error != root.end() && !error->is_null()) || top_level_error) {
    std::string text = error != root.end() && !error->is_null() ? error_text(*error) : error_text(root);
    if (text.empty()) return Error(judge_message(lang, "answer/error-no-message"));
    return Error(judge_message(lang, "answer/error", {{"text", shorten(redact_credentials(text), kMaxQuotedBytes)}}));
  }
  auto choices = root.find("choices");
  if (choices == root.end() || !choices->is_array() || choices->empty()) return Error(judge_message(lang, "answer/no-choices"));
  const json& choice = (*choices)[0];
  if (!choice.is_object()) return Error(judge_message(lang, "answer/choice-not-object"));
  auto message = choice.find("message");
  if (message == choice.end() || !message->is_object()) return Error(judge_message(lang, "answer/no-message"));

  ChatAnswer answer;
  CC_TRY_ASSIGN(answer.content, content_text(*message, lang));
  // DeepSeek and vLLM's reasoning parsers use reasoning_content; OpenRouter and newer
  // vLLM use reasoning.
  answer.reasoning = json_text(*message, "reasoning_content");
  if (answer.reasoning.empty()) answer.reasoning = json_text(*message, "reasoning");
  answer.finish_reason = json_text(choice, "finish_reason");
  auto usage = root.find("usage");
  if (usage != root.end() && usage->is_object()) {
    answer.usage.prompt_tokens = token_count(*usage, "prompt_tokens");
    answer.usage.completion_tokens = token_count(*usage, "completion_tokens");
  }
  return answer;
}

}  // namespace

Result<ChatAnswer> parse_chat_completion(std::string_view body, Lang lang) {
  try {
    json root = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    // A connection cut mid-body is the usual cause, and is worth a retry; the size tells
    // a person reading the log whether anything arrived at all.
    if (root.is_discarded())
      return Error(judge_message(lang, "answer/incomplete", {{"bytes", std::to_string(body.size())}}));
    return read_answer(root, lang);
  } catch (const json::exception& e) {
    return Error(judge_message(lang, "answer/unreadable", {{"error", e.what()}}));
  }
}

}  // namespace cc::judge
