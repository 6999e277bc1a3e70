#include "judge/chat_request.h"

#include <nlohmann/json.hpp>

#include "core/sha256.h"

namespace cc::judge {

namespace {

// The body without its messages: model, sampling parameters and extra_body merged.
nlohmann::json body_without_messages(const Endpoint& ep) {
  nlohmann::json body = {{"model", ep.model}, {"max_tokens", ep.max_tokens}, {"stream", false}};
  if (ep.temperature) body["temperature"] = *ep.temperature;
  // extra_body wins over our own settings: it is how a user says what this server needs.
  for (auto it = ep.extra_body.begin(); it != ep.extra_body.end(); ++it) body[it.key()] = it.value();
  return body;
}

}  // namespace

std::string chat_request_body(const Endpoint& ep, const std::string& user_message) {
  nlohmann::json body = body_without_messages(ep);
  // Set before extra_body is applied again, so that extra_body still wins.
  nlohmann::json with = {{"messages", nlohmann::json::array({{{"role", "user"}, {"content", user_message}}})}};
  with.update(body);
  return with.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string request_key(const Endpoint& ep, std::string_view content, std::string_view prompt_sha256, int repeat) {
  Sha256 h;
  h.update("clinconsensus-request-v2\n");
  h.update(prompt_sha256);
  h.update("\n");
  h.update(std::to_string(repeat));
  h.update("\n");
  h.update(body_without_messages(ep).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  h.update("\n");
  h.update(std::to_string(content.size()));
  h.update("\n");
  h.update(content);
  return h.hex();
}

}  // namespace cc::judge
