#include "leak/leak_probe.h"

#include <algorithm>
#include <iostream>

#include <unicode/utf8.h>

#include "judge/call_batch.h"
#include "judge/case_material.h"
#include "judge/chat_request.h"
#include "judge/endpoint.h"
#include "judge/llm_cache.h"
#include "judge/run_files.h"
#include "judge/token_estimate.h"
#include "judge/verdict_parse.h"
#include "leak/leak_messages.h"
#include "leak/probe_compare.h"
#include "release/export_jsonl.h"

namespace cc::leak {
namespace {

// Stands in for a prompt template's hash in the cache key.
constexpr const char* kProbePurpose = "leak-probe";
constexpr const char* kInstruction =
    "请逐字续写下面这段文字，直接从中断处接着写，不要重复已有内容，也不要添加任何解释。\n"
    "Continue the following text word for word from where it stops; do not repeat it and add no comment.\n\n";

}  // namespace

std::string probe_prompt(const std::string& query, std::string* second) {
  // The middle code point of the query.
  const auto* s = reinterpret_cast<const uint8_t*>(query.data());
  const auto n = static_cast<int32_t>(query.size());
  int32_t points = 0;
  for (int32_t i = 0; i < n;) {
    U8_FWD_1(s, i, n);
    ++points;
  }
  int32_t cut = 0;
  for (int32_t k = 0; k < points / 2; ++k) U8_FWD_1(s, cut, n);
  if (second) *second = query.substr(static_cast<size_t>(cut));
  return kInstruction + query.substr(0, static_cast<size_t>(cut));
}

Result<ProbeReport> run_probe(const Config& config, const Benchmark& benchmark, const ProbeOptions& options,
                              const judge::RunSettings& settings, Lang lang) {
  using namespace cc::judge;
  CC_TRY_ASSIGN(Endpoint ep, find_endpoint(config, options.endpoint, lang));
  std::string key;
  if (!settings.dry_run) {
    CC_TRY_ASSIGN(key, read_api_key(ep, lang));
  }
  struct Probe {
    std::string case_id, prompt, truth;
  };
  std::vector<Probe> probes;
  for (const Case& c : benchmark.cases) {
    if (c.difficulty != kPublicTier || c.status != kReleasedStatus) continue;
    Probe p{c.case_id, "", ""};
    p.prompt = probe_prompt(case_query(c.clinical_context, c.user_request), &p.truth);
    probes.push_back(std::move(p));
  }
  if (probes.empty()) return Error(leak_message(lang, "probe/no-cases", {{"tier", kPublicTier}}), Error::Kind::Input);
  std::unique_ptr<LlmCache> cache;
  if (settings.use_cache) {
    CC_TRY_ASSIGN(cache, LlmCache::open(llm_cache_path(config), lang));
  }
  CallBatch batch;
  batch.count = probes.size();
  batch.spec = [&](size_t i) {
    CallSpec spec;
    spec.endpoint = &ep;
    spec.key = request_key(ep, probes[i].prompt, kProbePurpose, 1);
    spec.estimated_input_tokens = estimate_tokens(probes[i].prompt);
    spec.estimated_output_tokens = std::min<int64_t>(ep.max_tokens, estimate_tokens(probes[i].truth));
    return spec;
  };
  batch.message = [&](size_t i) { return probes[i].prompt; };
  batch.parse = [](size_t, const ChatAnswer& a) -> Result<nlohmann::json> {
    return nlohmann::json{{"continuation", trim_blank(strip_thinking(a.content))}};
  };
  Progress progress = run_progress(settings, "leak --probe " + ep.name);
  BatchControl control = batch_control(settings, cache.get(), &progress, settings.seed);
  BatchResult b = run_batch(ep, key, batch, control);
  if (b.end == BatchEnd::Refused) return Error(b.message, Error::Kind::Refused);
  if (b.end == BatchEnd::CacheFailed) return Error(b.message, Error::Kind::Input);

  ProbeReport rep;
  rep.endpoint = ep.name;
  rep.cases = probes.size();
  rep.ngram = options.ngram;
  rep.threshold = options.threshold;
  if (settings.dry_run) {
    ProbeDryRun d;
    d.url = ep.chat_url();
    d.to_ask = b.to_ask;
    d.from_cache = b.counters.from_cache;
    d.input_tokens = b.estimated_input_tokens_to_ask;
    d.output_tokens = b.estimated_output_tokens_to_ask;
    d.cost = ep.cost(d.input_tokens, d.output_tokens);
    d.first_case_id = probes.front().case_id;
    d.first_prompt = probes.front().prompt;
    rep.dry_run = std::move(d);
    return rep;
  }
  rep.interrupted = b.end == BatchEnd::Interrupted;
  for (size_t i = 0; i < probes.size(); ++i) {
    const CallOutcome& o = b.outcomes[i];
    if (o.state != CallOutcome::State::Answered) {
      if (!rep.interrupted) rep.failed.push_back(probes[i].case_id);
      continue;
    }
    ProbeScore s = score_continuation(probes[i].truth, o.parsed.value("continuation", ""), options.ngram);
    if (std::max(s.lcs, s.grams) + 1e-12 >= options.threshold)
      rep.listed.push_back({probes[i].case_id, s.lcs, s.grams});
  }
  std::stable_sort(rep.listed.begin(), rep.listed.end(), [](const ProbeCase& a, const ProbeCase& b) {
    return std::max(a.lcs, a.grams) > std::max(b.lcs, b.grams);
  });
  return rep;
}

}  // namespace cc::leak
