#include "judge/endpoint.h"

#include <arpa/inet.h>

#include <cstdlib>

#include "judge/judge_messages.h"

namespace cc::judge {
namespace {

// The host of an http(s) URL, without brackets, port or path; "" when there is none.
struct UrlParts {
  std::string scheme;
  std::string userinfo;
  std::string host;
};

UrlParts split_url(const std::string& url) {
  UrlParts p;
  size_t sep = url.find("://");
  if (sep == std::string::npos) return p;
  p.scheme = url.substr(0, sep);
  for (auto& c : p.scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string rest = url.substr(sep + 3);
  std::string authority = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = authority.rfind('@'); at != std::string::npos) {
    p.userinfo = authority.substr(0, at);
    authority = authority.substr(at + 1);
  }
  if (!authority.empty() && authority[0] == '[') {
    size_t close = authority.find(']');
    p.host = authority.substr(1, close == std::string::npos ? std::string::npos : close - 1);
  } else {
    p.host = authority.substr(0, authority.find(':'));
  }
  for (auto& c : p.host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return p;
}

bool is_loopback(const std::string& host) {
  if (host == "localhost" || host.ends_with(".localhost")) return true;
  in_addr v4{};
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, host.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6);
  return false;
}

template <typename T>
void read_number(const nlohmann::json& j, const char* key, T& out) {
  if (auto it = j.find(key); it != j.end() && it->is_number()) out = it->get<T>();
}

}  // namespace

nlohmann::ordered_json Endpoint::describe() const {
  nlohmann::ordered_json j = {{"name", name},
                              {"base_url", base_url},
                              {"model", model},
                              {"api_key_env", api_key_env},
                              {"max_concurrency", max_concurrency},
                              {"requests_per_minute", requests_per_minute},
                              {"tokens_per_minute", tokens_per_minute},
                              {"timeout_s", timeout_s},
                              {"max_retries", max_retries},
                              {"max_tokens", max_tokens},
                              {"price_per_million_tokens", {{"input", price_input}, {"output", price_output}}},
                              {"extra_body", extra_body},
                              {"allow_insecure", allow_insecure}};
  j["temperature"] = temperature ? nlohmann::ordered_json(*temperature) : nlohmann::ordered_json(nullptr);
  return j;
}

Result<void> check_base_url(const std::string& url, bool allow_insecure, Lang lang) {
  UrlParts p = split_url(url);
  auto refuse = [&](std::string_view id) {
    return Error(judge_message(lang, id, {{"url", url}, {"host", p.host}}), Error::Kind::Usage);
  };
  if (p.scheme != "http" && p.scheme != "https") return refuse("endpoint/scheme");
  if (!p.userinfo.empty()) return refuse("endpoint/credentials");
  if (p.host.empty()) return refuse("endpoint/no-host");
  if (p.scheme == "http" && !allow_insecure && !is_loopback(p.host)) return refuse("endpoint/insecure");
  return {};
}

Result<Endpoint> find_endpoint(const Config& config, const std::string& name, Lang lang) {
  auto it = config.endpoints.find(name);
  if (it == config.endpoints.end() || !it->is_object()) {
    std::string known;
    for (auto e = config.endpoints.begin(); e != config.endpoints.end(); ++e)
      known += (known.empty() ? "" : ", ") + e.key();
    return Error(judge_message(lang, known.empty() ? "endpoint/none-declared" : "endpoint/unknown",
                               {{"name", name}, {"config", kConfigFileName}, {"known", known}}),
                 Error::Kind::Usage);
  }
  const nlohmann::json& j = *it;
  Endpoint e;
  e.name = name;
  if (auto u = j.find("base_url"); u != j.end() && u->is_string()) e.base_url = u->get<std::string>();
  while (!e.base_url.empty() && e.base_url.back() == '/') e.base_url.pop_back();
  if (auto m = j.find("model"); m != j.end() && m->is_string()) e.model = m->get<std::string>();
  if (e.base_url.empty() || e.model.empty())
    return Error(judge_message(lang, "endpoint/incomplete", {{"name", name}}), Error::Kind::Usage);
  if (auto k = j.find("api_key_env"); k != j.end() && k->is_string()) e.api_key_env = k->get<std::string>();
  read_number(j, "max_concurrency", e.max_concurrency);
  read_number(j, "requests_per_minute", e.requests_per_minute);
  read_number(j, "tokens_per_minute", e.tokens_per_minute);
  read_number(j, "timeout_s", e.timeout_s);
  read_number(j, "max_retries", e.max_retries);
  read_number(j, "max_tokens", e.max_tokens);
  if (auto t = j.find("temperature"); t != j.end()) {
    if (t->is_number())
      e.temperature = t->get<double>();
    else if (t->is_null())
      e.temperature.reset();  // leave it to the server
  }
  if (auto p = j.find("price_per_million_tokens"); p != j.end() && p->is_object()) {
    read_number(*p, "input", e.price_input);
    read_number(*p, "output", e.price_output);
  }
  if (auto x = j.find("extra_body"); x != j.end() && x->is_object()) e.extra_body = *x;
  if (auto a = j.find("allow_insecure"); a != j.end() && a->is_boolean()) e.allow_insecure = a->get<bool>();
  if (auto b = j.find("circuit_breaker"); b != j.end() && b->is_object()) {
    read_number(*b, "failures", e.breaker_failures);
    read_number(*b, "pause_s", e.breaker_pause_s);
  }
  if (e.max_concurrency < 1) e.max_concurrency = 1;
  if (e.max_retries < 0) e.max_retries = 0;
  if (e.breaker_failures < 1) e.breaker_failures = 1;
  if (auto ok = check_base_url(e.base_url, e.allow_insecure, lang); !ok)
    return Error(judge_message(lang, "endpoint/invalid", {{"name", name}, {"why", ok.error().message}}),
                 Error::Kind::Usage);
  return e;
}

Result<std::string> read_api_key(const Endpoint& endpoint, Lang lang) {
  if (endpoint.api_key_env.empty()) return std::string();
  const char* v = std::getenv(endpoint.api_key_env.c_str());
  if (!v || !*v)
    return Error(judge_message(lang, "endpoint/no-key", {{"name", endpoint.name}, {"env", endpoint.api_key_env}}),
                 Error::Kind::Usage);
  return std::string(v);
}

std::string redact(std::string text, const std::string& key) {
  if (key.empty()) return text;
  for (size_t pos = text.find(key); pos != std::string::npos; pos = text.find(key, pos + 10))
    text.replace(pos, key.size(), "[redacted]");
  return text;
}

}  // namespace cc::judge
