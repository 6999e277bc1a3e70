#pragma once
// Chat answers: what an OpenAI-compatible /chat/completions response body says — the
// message text, any separate reasoning, why generation stopped, and the token usage —
// read the same way from OpenAI, vLLM, SGLang, llama.cpp's server and Ollama.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/messages.h"
#include "core/result.h"

namespace cc::judge {

// Token counts a server reported (0 when it reported none).
struct Usage {
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
};

// The first choice of a chat completion.
struct ChatAnswer {
  std::string content;        // choices[0].message.content, "" when null
  std::string reasoning;      // choices[0].message.reasoning_content (or .reasoning), when sent
  std::string finish_reason;  // "stop", "length", ... ; "" when absent
  Usage usage;
};

// Reads a response body. An Error (kind Failed) when the body is not JSON, is truncated,
// has no choices, or carries an `error` object instead (its message is quoted), worded in
// `lang` (the run's --lang; the server's own text stays in its words).
Result<ChatAnswer> parse_chat_completion(std::string_view body, Lang lang = Lang::En);

}  // namespace cc::judge
