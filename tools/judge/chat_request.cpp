#include "judge/chat_request.h"

#include <nlohmann/json.hpp>

#include "core/sha256.h"

namespace cc::judge {

std::string chat_request_body(const Endpoint& ep, const std::string& user_message) {
  nlohmann::json body = {{"model", ep.model},
                         {"messages", nlohmann::json::array({{{"role", "user"}, {"content", user_message}}})},
                         {"max_tokens", ep.max_tokens},
                         {"stream", false}};
  if (ep.temperature) body["temperature"] = *ep.temperature;
  // extra_body wins over our own settings: it is how a user says what this server needs.
  for (auto it = ep.extra_body.begin(); it != ep.extra_body.end(); ++it) body[it.key()] = it.value();
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string request_key(std::string_view body, std::string_view prompt_sha256, int repeat) {
  Sha256 h;
  h.update("clinconsensus-request-v1\n");
  h.update(prompt_sha256);
  h.update("\n");
  h.update(std::to_string(repeat));
  h.update("\n");
  h.update(body);
  return h.hex();
}

}  // namespace cc::judge
