#pragma once
// Token estimates for --dry-run and the tokens-per-minute limit, before a server has
// counted anything: one token per CJK character and one per four other bytes. Chinese
// tokenizers (Qwen, DeepSeek, GLM) give about 0.6–1.0 tokens per Han character and
// English BPE about 4 bytes per token, so the estimate errs high for Chinese prose, which
// is the safe side for a budget.
#include <cstdint>
#include <string_view>

namespace cc::judge {

int64_t estimate_tokens(std::string_view utf8);

// Output tokens assumed per call before any answer is known: a verdict with a 1–3
// sentence explanation, and a candidate model's answer to a clinical case.
inline constexpr int64_t kVerdictOutputTokens = 150;
inline constexpr int64_t kResponseOutputTokens = 800;

}  // namespace cc::judge
