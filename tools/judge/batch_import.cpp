#include <ctime>

#include <nlohmann/json.hpp>

#include "core/jsonl.h"
#include "judge/batch_requests.h"
#include "judge/chat_answer.h"
#include "judge/judge_messages.h"
#include "judge/llm_cache.h"

namespace cc::judge {
namespace {

bool is_cache_key(const std::string& s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
}

}  // namespace

Result<BatchImportReport> import_batch_output(const std::string& cache_path, const std::vector<std::string>& files,
                                              Lang lang) {
  struct Answer {
    std::string key, body;
  };
  std::vector<Answer> answers;
  BatchImportReport report;
  // Every line is checked before anything is stored.
  for (const std::string& path : files) {
    JsonlMessages messages;
    messages.unreadable = [&](const std::string&) { return judge_message(lang, "batch/unreadable", {{"path", path}}); };
    messages.not_object = judge_message(lang, "batch/not-json");
    CC_TRY(for_each_jsonl_object(path, messages, [&](const nlohmann::json& j, int n) -> Result<void> {
      auto bad = [&](std::string_view id) {
        return Error(path + ":" + std::to_string(n) + ": " + judge_message(lang, id), Error::Kind::Input);
      };
      if (!j.contains("custom_id") || !j["custom_id"].is_string() || !is_cache_key(j["custom_id"].get<std::string>()))
        return bad("batch/custom-id");
      const nlohmann::json* response = j.contains("response") && j["response"].is_object() ? &j["response"] : nullptr;
      bool has_error = j.contains("error") && !j["error"].is_null();
      if (!response && !has_error) return bad("batch/no-response");
      int status = response && (*response).contains("status_code") && (*response)["status_code"].is_number_integer()
                       ? (*response)["status_code"].get<int>()
                       : 0;
      if (has_error || status != 200 || !response->contains("body")) {
        ++report.failed;
        return {};
      }
      std::string body =
          (*response)["body"].is_string() ? (*response)["body"].get<std::string>() : (*response)["body"].dump();
      if (!parse_chat_completion(body, lang)) {
        ++report.failed;
        return {};
      }
      answers.push_back({j["custom_id"].get<std::string>(), std::move(body)});
      return {};
    }));
  }
  CC_TRY_ASSIGN(std::unique_ptr<LlmCache> cache, LlmCache::open(cache_path, lang));
  for (Answer& a : answers) {
    auto answer = parse_chat_completion(a.body, lang);
    CachedAnswer c;
    c.prompt_tokens = answer->usage.prompt_tokens;
    c.completion_tokens = answer->usage.completion_tokens;
    nlohmann::json body = nlohmann::json::parse(a.body, nullptr, false);
    if (body.contains("model") && body["model"].is_string()) c.model = body["model"].get<std::string>();
    c.endpoint = "batch";
    c.body = std::move(a.body);  // parsed on first use by the judge run (call_batch)
    c.created_unix = static_cast<int64_t>(std::time(nullptr));
    CC_TRY(cache->put(a.key, c));
    ++report.stored;
  }
  report.text = judge_message(lang, "batch/imported", {{"n", std::to_string(report.stored)}}) + "\n";
  if (report.failed) report.text += judge_message(lang, "batch/failed", {{"n", std::to_string(report.failed)}}) + "\n";
  return report;
}

}  // namespace cc::judge
