#pragma once
// Chat requests: the body sent to {base_url}/chat/completions for one user message — the
// endpoint's model id and sampling parameters, with its extra_body merged over them (for
// example vLLM's chat_template_kwargs) — and the cache key that identifies it.
#include <string>
#include <string_view>

#include "judge/endpoint.h"

namespace cc::judge {

// The request body as canonical JSON (keys sorted, UTF-8 unescaped), so equal requests
// are equal bytes. Invalid UTF-8 in `user_message` is replaced, never sent.
std::string chat_request_body(const Endpoint& endpoint, const std::string& user_message);

// The cache key of a request: SHA-256 over a canonical form of what decides its body
// (the endpoint's model, sampling parameters and extra_body as canonical JSON; then
// `content`, length-prefixed: the user message itself, or a canonical digest of what it
// is rendered from), the prompt template's hash and the repeat index. Equal requests
// give equal keys and different ones different keys; hashing a digest instead of the
// rendered, JSON-escaped prompt is what lets a resume look up 75,000 keys in well under
// two seconds. The API key is not part of a body, so it can never reach the cache.
std::string request_key(const Endpoint& endpoint, std::string_view content, std::string_view prompt_sha256, int repeat);

}  // namespace cc::judge
