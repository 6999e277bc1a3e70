#include "judge/generate_run.h"

#include <algorithm>
#include <iostream>
#include <sstream>

#include "judge/call_batch.h"
#include "judge/case_material.h"
#include "judge/chat_request.h"
#include "judge/endpoint.h"
#include "judge/judge_messages.h"
#include "judge/llm_cache.h"
#include "judge/run_files.h"
#include "core/file_lock.h"
#include "judge/token_estimate.h"
#include "judge/verdict_parse.h"

namespace cc::judge {
namespace {

// Generation requests carry no prompt template; this stands in for its hash in the key.
constexpr const char* kGeneratePurpose = "generate";

}  // namespace

Result<GenerateReport> run_generate(const Config& config, const GenerateOptions& options, const RunSettings& settings) {
  const Lang lang = settings.lang;
  if (options.samples < 1) return Error(judge_message(lang, "usage/samples"), Error::Kind::Usage);
  CC_TRY_ASSIGN(Endpoint ep, find_endpoint(config, options.endpoint, lang));
  std::string key;
  if (!settings.dry_run) {
    CC_TRY_ASSIGN(key, read_api_key(ep, lang));
  }
  CC_TRY_ASSIGN(CaseMaterials cases, load_case_materials(config, lang));
  if (!options.ids_file.empty()) CC_TRY(restrict_to_ids(cases, options.ids_file, lang));
  if (cases.cases.empty()) return Error(judge_message(lang, "generate/no-case"), Error::Kind::Input);
  std::unique_ptr<FileLock> lock;
  if (!settings.dry_run && !settings.dir_locked) {
    CC_TRY_ASSIGN(lock, acquire_out_dir_lock(settings.out_dir, lang));
  }
  std::unique_ptr<LlmCache> cache;
  if (settings.use_cache) {
    CC_TRY_ASSIGN(cache, LlmCache::open(llm_cache_path(config), lang));
  }

  size_t n = cases.cases.size() * static_cast<size_t>(options.samples);
  auto case_of = [&](size_t i) -> const CaseMaterial& { return cases.cases[i / options.samples]; };
  auto sample_of = [&](size_t i) { return static_cast<int>(i % options.samples) + 1; };
  CallBatch batch;
  batch.count = n;
  batch.spec = [&](size_t i) {
    const CaseMaterial& c = case_of(i);
    CallSpec spec;
    spec.endpoint = &ep;
    spec.key = request_key(ep, c.query, kGeneratePurpose, sample_of(i));
    spec.estimated_input_tokens = estimate_tokens(c.query);
    spec.estimated_output_tokens = std::min<int64_t>(ep.max_tokens, kResponseOutputTokens);
    return spec;
  };
  batch.message = [&](size_t i) { return case_of(i).query; };
  batch.parse = [lang](size_t, const ChatAnswer& a) -> Result<nlohmann::json> {
    std::string response = trim_blank(strip_thinking(a.content));
    if (response.empty())
      return Error(judge_message(lang, a.finish_reason == "length" ? "answer/empty-length" : "answer/empty"));
    return nlohmann::json{{"response", response}, {"finish_reason", a.finish_reason}};
  };
  Progress progress = run_progress(settings, "generate " + ep.name);
  BatchControl control = batch_control(settings, cache.get(), &progress, settings.seed);
  auto started = utc_now();
  BatchResult b = run_batch(ep, key, batch, control);
  if (b.end == BatchEnd::Refused) return Error(b.message, Error::Kind::Refused);
  if (b.end == BatchEnd::CacheFailed) return Error(b.message, Error::Kind::Input);

  GenerateReport report;
  report.calls = n;
  std::ostringstream text;
  if (settings.dry_run) {
    text << dry_run_line(lang, "generate " + ep.name, b, ep) << "\n"
         << judge_message(lang, "dry-run/generate-estimate", {{"n", std::to_string(kResponseOutputTokens)}}) << "\n";
    report.text = text.str();
    return report;
  }
  if (b.end == BatchEnd::Interrupted) {
    report.interrupted = true;
    report.text = judge_message(lang, "summary/interrupted") + "\n";
    return report;
  }

  std::vector<nlohmann::ordered_json> rows, errors;
  for (size_t i = 0; i < n; ++i) {
    const CallOutcome& o = b.outcomes[i];
    int s = sample_of(i);
    std::string model = s == 1 ? ep.name : ep.name + "#" + std::to_string(s);
    nlohmann::ordered_json r;
    r["case_id"] = case_of(i).case_id;
    r["model"] = model;
    if (o.state == CallOutcome::State::Answered) {
      r["response"] = o.parsed["response"];
      r["finish_reason"] = o.parsed["finish_reason"];
      r["usage"] = {{"prompt_tokens", o.usage.prompt_tokens}, {"completion_tokens", o.usage.completion_tokens}};
      r["latency_ms"] = static_cast<int64_t>(o.latency_ms + 0.5);
      rows.push_back(std::move(r));
    } else {
      r["attempts"] = o.attempts;
      r["error"] = o.error;
      errors.push_back(std::move(r));
    }
  }
  auto by_model_case = [](const nlohmann::ordered_json& a, const nlohmann::ordered_json& b) {
    return std::make_pair(a["model"].get<std::string>(), a["case_id"].get<std::string>()) <
           std::make_pair(b["model"].get<std::string>(), b["case_id"].get<std::string>());
  };
  std::sort(rows.begin(), rows.end(), by_model_case);
  std::sort(errors.begin(), errors.end(), by_model_case);
  report.responses_file = settings.out_dir + "/responses/" + safe_file_stem(ep.name) + ".jsonl";
  CC_TRY(write_jsonl(report.responses_file, rows, lang));
  std::string err_path = settings.out_dir + "/generate_errors.jsonl";
  CC_TRY(write_jsonl(err_path, errors, lang));
  report.written = {report.responses_file, err_path};
  report.responses = rows.size();
  report.failed = errors.size();

  nlohmann::ordered_json m = manifest_head(settings.command, started);
  m["endpoint"] = ep.describe();
  m["samples"] = options.samples;
  m["cases"] = cases.cases.size();
  nlohmann::ordered_json rec = batch_record(b);
  if (!b.message.empty()) rec["message"] = b.message;
  m["calls"] = rec;
  CC_TRY(write_manifest(std::move(m), settings.out_dir, "generate_manifest.json", report.written, lang));

  text << judge_message(lang, "summary/responses", {{"n", std::to_string(report.responses)}});
  if (report.failed) text << judge_message(lang, "summary/calls-failed", {{"n", std::to_string(report.failed)}});
  text << judge_message(lang, "summary/tokens",
                        {{"prompt", std::to_string(b.counters.prompt_tokens)},
                         {"completion", std::to_string(b.counters.completion_tokens)},
                         {"cost", cost_text(b.counters.cost)}})
       << "\n";
  if (!b.message.empty()) text << b.message << "\n";
  report.text = text.str();
  return report;
}

}  // namespace cc::judge
