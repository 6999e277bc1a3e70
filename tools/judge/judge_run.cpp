#include "judge/judge_run.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>

#include "judge/call_batch.h"
#include "judge/case_material.h"
#include "judge/chat_request.h"
#include "judge/endpoint.h"
#include "judge/llm_cache.h"
#include "judge/prompt_template.h"
#include "judge/responses_file.h"
#include "judge/run_files.h"
#include "core/file_lock.h"
#include "core/sha256.h"
#include "judge/token_estimate.h"
#include "judge/verdict_parse.h"

namespace cc::judge {
namespace {

// judge: in clinconsensus.yaml.
struct JudgeSettings {
  bool per_case = false;
  std::string prompt_path;  // root-relative
};

JudgeSettings judge_settings(const Config& config) {
  JudgeSettings s;
  const auto& j = config.judge;
  s.per_case = j.contains("mode") && j["mode"].is_string() && j["mode"].get<std::string>() == "per-case";
  const char* key = s.per_case ? "case_prompt" : "prompt";
  s.prompt_path = s.per_case ? "prompts/judge-case.md" : "prompts/judge-criterion.md";
  if (j.contains(key) && j[key].is_string()) s.prompt_path = j[key].get<std::string>();
  return s;
}

// One verdict wanted: a response, a criterion of its case.
struct Item {
  uint32_t row;
  uint32_t criterion;
};

// The calls of one judge and repeat, and what each answers.
struct JudgeCalls {
  std::vector<Item> calls;  // per-case mode: criterion unused (0)
};

std::string numbered_criteria(const CaseMaterial& c) {
  std::string s;
  for (size_t i = 0; i < c.criteria.size(); ++i)
    s += std::to_string(i + 1) + ". " + c.criteria[i].first + ": " + c.criteria[i].second + "\n";
  return s;
}

struct VerdictRow {
  std::string case_id, criterion_id, judge;
  bool met;
  std::string explanation;
};

struct ErrorRow {
  std::string model, case_id, criterion_id, judge;
  int attempts;
  std::string error;
};

}  // namespace

Result<JudgeReport> run_judge(const Config& config, const JudgeOptions& options, const RunSettings& settings) {
  if (options.judges.empty()) return Error("name a judge endpoint with --judge", Error::Kind::Usage);
  if (options.repeat < 1) return Error("--repeat must be at least 1", Error::Kind::Usage);
  std::vector<Endpoint> judges;
  for (const std::string& name : options.judges) {
    CC_TRY_ASSIGN(Endpoint ep, find_endpoint(config, name));
    judges.push_back(std::move(ep));
  }
  std::vector<std::string> keys;
  if (!settings.dry_run) {
    for (const Endpoint& ep : judges) {
      CC_TRY_ASSIGN(std::string key, read_api_key(ep));
      keys.push_back(std::move(key));
    }
  } else {
    keys.assign(judges.size(), "");
  }
  JudgeSettings js = judge_settings(config);
  std::vector<std::string> required = js.per_case ? std::vector<std::string>{"query", "response", "criteria"}
                                                  : std::vector<std::string>{"query", "response", "criterion"};
  CC_TRY_ASSIGN(PromptTemplate prompt, load_prompt_template(config.abs(js.prompt_path), js.prompt_path, required));
  CC_TRY_ASSIGN(CaseMaterials cases, load_case_materials(config, Lang::En));
  CC_TRY_ASSIGN(std::vector<ResponseRow> rows, read_responses(options.responses, cases));
  if (rows.empty()) return Error("the responses hold no row to judge", Error::Kind::Input);

  std::unique_ptr<FileLock> lock;
  if (!settings.dry_run && !settings.dir_locked) {
    CC_TRY_ASSIGN(lock, acquire_out_dir_lock(settings.out_dir));
  }
  std::unique_ptr<LlmCache> cache;
  if (settings.use_cache) {
    CC_TRY_ASSIGN(cache, LlmCache::open(llm_cache_path(config)));
  }

  std::vector<const CaseMaterial*> row_case;
  for (const ResponseRow& r : rows) row_case.push_back(cases.find(r.case_id));
  std::vector<Item> items;
  size_t verdicts_per_batch = 0;  // one per criterion of every response, whatever the mode
  for (uint32_t r = 0; r < rows.size(); ++r) {
    verdicts_per_batch += row_case[r]->criteria.size();
    if (js.per_case) items.push_back({r, 0});
    else
      for (uint32_t k = 0; k < row_case[r]->criteria.size(); ++k) items.push_back({r, k});
  }

  // Per response row, once: a digest of the query and the response (length-prefixed, so
  // no two rows share one) and their estimated tokens. The template's own tokens are
  // counted once; estimates are sums of the parts' estimates.
  struct RowDigest {
    std::string sha256;
    int64_t tokens = -1;
  };
  std::vector<RowDigest> row_digests(rows.size());
  auto row_digest = [&](uint32_t r) -> const RowDigest& {
    RowDigest& d = row_digests[r];
    if (d.tokens < 0) {
      const std::string& query = row_case[r]->query;
      const std::string& response = rows[r].response;
      Sha256 h;
      h.update("query " + std::to_string(query.size()) + "\n");
      h.update(query);
      h.update("\nresponse " + std::to_string(response.size()) + "\n");
      h.update(response);
      d.sha256 = h.hex();
      d.tokens = estimate_tokens(query) + estimate_tokens(response);
    }
    return d;
  };
  const int64_t template_tokens = estimate_tokens(prompt.text);

  JudgeReport report;
  std::map<std::string, std::vector<VerdictRow>> verdicts;  // by model
  std::vector<ErrorRow> errors;
  nlohmann::ordered_json batches = nlohmann::ordered_json::array();
  std::ostringstream text;
  auto started = utc_now();
  int64_t total_prompt = 0, total_completion = 0;
  double total_cost = 0, est_cost = 0;
  size_t calls_needed = 0;
  int64_t tokens_needed = 0;

  for (size_t j = 0; j < judges.size(); ++j) {
    const Endpoint& ep = judges[j];
    for (int rep = 1; rep <= options.repeat; ++rep) {
      std::string judge_name = rep == 1 ? ep.name : ep.name + "#" + std::to_string(rep);
      CallBatch batch;
      batch.count = items.size();
      // The message of item i: the prompt with the case, the response and the criterion
      // (or every criterion, per case) filled in.
      auto values_of = [&](size_t i) {
        const Item& it = items[i];
        const CaseMaterial& c = *row_case[it.row];
        std::map<std::string, std::string> values{{"query", c.query}, {"response", rows[it.row].response}};
        if (js.per_case) values["criteria"] = numbered_criteria(c);
        else values["criterion"] = c.criteria[it.criterion].second;
        return values;
      };
      batch.message = [&](size_t i) { return render_prompt(prompt, values_of(i)); };
      batch.spec = [&, rep](size_t i) {
        const Item& it = items[i];
        const CaseMaterial& c = *row_case[it.row];
        const RowDigest& row = row_digest(it.row);
        const std::string& part = js.per_case ? numbered_criteria(c) : c.criteria[it.criterion].second;
        CallSpec spec;
        spec.estimated_input_tokens = template_tokens + row.tokens + estimate_tokens(part);
        spec.estimated_output_tokens =
            kVerdictOutputTokens * (js.per_case ? static_cast<int64_t>(c.criteria.size()) : 1);
        // The message is a function of the template (its hash is in the key), the row and
        // this part, so their digest identifies it without rendering it.
        spec.key = request_key(ep, row.sha256 + "\n" + part, prompt.sha256, rep);
        spec.endpoint = &ep;
        return spec;
      };
      batch.parse = [&](size_t i, const ChatAnswer& answer) -> Result<nlohmann::json> {
        std::string text = answer.content.empty() ? answer.reasoning : answer.content;
        if (js.per_case) {
          std::vector<std::string> ids;
          for (const auto& c : row_case[items[i].row]->criteria) ids.push_back(c.first);
          CC_TRY_ASSIGN(std::vector<CriterionVerdict> vs, parse_case_verdicts(text, ids));
          nlohmann::json arr = nlohmann::json::array();
          for (const auto& v : vs) arr.push_back({{"id", v.criterion_id}, {"met", v.criteria_met}, {"why", v.explanation}});
          return arr;
        }
        CC_TRY_ASSIGN(CriterionVerdict v, parse_criterion_verdict(text));
        return nlohmann::json{{"met", v.criteria_met}, {"why", v.explanation}};
      };
      Progress progress = run_progress(settings, "judge " + judge_name);
      BatchControl control =
          batch_control(settings, cache.get(), &progress, settings.seed + j * 1000 + static_cast<uint64_t>(rep));
      BatchResult b = run_batch(ep, keys[j], batch, control);
      if (b.end == BatchEnd::Refused) return Error(b.message, Error::Kind::Refused);
      if (b.end == BatchEnd::CacheFailed) return Error(b.message, Error::Kind::Input);
      if (b.end == BatchEnd::Interrupted) {
        report.interrupted = true;
        report.text = "interrupted: answers received so far are in the cache; run the same command again to resume\n";
        return report;
      }
      if (settings.dry_run) {
        int64_t in_tokens = b.estimated_input_tokens_to_ask, out_tokens = b.estimated_output_tokens_to_ask;
        double cost = ep.cost(in_tokens, out_tokens);
        text << "judge " << judge_name << ": " << b.to_ask << " of " << b.counters.total << " calls still needed ("
             << b.counters.from_cache << " in the cache), about " << in_tokens << " input + " << out_tokens
             << " output tokens, estimated cost " << cost << "\n";
        calls_needed += b.to_ask;
        tokens_needed += in_tokens + out_tokens;
        est_cost += cost;
        continue;
      }
      total_prompt += b.counters.prompt_tokens;
      total_completion += b.counters.completion_tokens;
      total_cost += b.counters.cost;
      nlohmann::ordered_json rec;
      rec["judge"] = judge_name;
      rec["endpoint"] = ep.name;
      rec["repeat"] = rep;
      rec["end"] = b.end == BatchEnd::BreakerOpen ? "circuit breaker open" : "completed";
      if (!b.message.empty()) rec["message"] = b.message;
      rec.update(batch_record(b));
      batches.push_back(std::move(rec));
      for (size_t i = 0; i < items.size(); ++i) {
        const CallOutcome& o = b.outcomes[i];
        const ResponseRow& row = rows[items[i].row];
        const CaseMaterial& c = *row_case[items[i].row];
        if (o.state == CallOutcome::State::Answered) {
          if (js.per_case) {
            for (const auto& v : o.parsed)
              verdicts[row.model].push_back({row.case_id, v["id"].get<std::string>(), judge_name, v["met"].get<bool>(),
                                             v["why"].get<std::string>()});
          } else {
            verdicts[row.model].push_back({row.case_id, c.criteria[items[i].criterion].first, judge_name,
                                           o.parsed["met"].get<bool>(), o.parsed["why"].get<std::string>()});
          }
          continue;
        }
        if (js.per_case) {
          for (const auto& k : c.criteria)
            errors.push_back({row.model, row.case_id, k.first, judge_name, o.attempts, o.error});
        } else {
          errors.push_back({row.model, row.case_id, c.criteria[items[i].criterion].first, judge_name, o.attempts,
                            o.error});
        }
      }
      report.items += verdicts_per_batch;
    }
  }
  if (settings.dry_run) {
    text << "total: " << calls_needed << " calls, about " << tokens_needed << " tokens, estimated cost " << est_cost
         << "\n(tokens estimated as one per CJK character and one per 4 other bytes of the prompt template, the case, the response and the criteria, plus "
         << kVerdictOutputTokens << " output tokens per verdict; cost from price_per_million_tokens)\n";
    report.text = text.str();
    return report;
  }

  // Outputs: verdict files, the error list, the manifest.
  namespace fs = std::filesystem;
  std::string vdir = settings.out_dir + "/verdicts";
  std::error_code ec;
  fs::create_directories(vdir, ec);
  for (auto& [model, vs] : verdicts) {
    std::sort(vs.begin(), vs.end(), [](const VerdictRow& a, const VerdictRow& b) {
      return std::tie(a.case_id, a.criterion_id, a.judge) < std::tie(b.case_id, b.criterion_id, b.judge);
    });
    std::vector<nlohmann::ordered_json> out;
    out.reserve(vs.size());
    for (const VerdictRow& v : vs) {
      nlohmann::ordered_json r;
      r["model"] = model;
      r["case_id"] = v.case_id;
      r["criterion_id"] = v.criterion_id;
      r["judge"] = v.judge;
      r["criteria_met"] = v.met;
      r["explanation"] = v.explanation;
      out.push_back(std::move(r));
    }
    std::string path = vdir + "/" + safe_file_stem(model) + ".jsonl";
    CC_TRY(write_jsonl(path, out));
    report.verdicts += vs.size();
    report.written.push_back(path);
  }
  std::sort(errors.begin(), errors.end(), [](const ErrorRow& a, const ErrorRow& b) {
    return std::tie(a.model, a.case_id, a.criterion_id, a.judge) < std::tie(b.model, b.case_id, b.criterion_id, b.judge);
  });
  std::vector<nlohmann::ordered_json> err_rows;
  for (const ErrorRow& e : errors) {
    nlohmann::ordered_json r;
    r["model"] = e.model;
    r["case_id"] = e.case_id;
    r["criterion_id"] = e.criterion_id;
    r["judge"] = e.judge;
    r["attempts"] = e.attempts;
    r["error"] = e.error;
    err_rows.push_back(std::move(r));
  }
  std::string err_path = settings.out_dir + "/judge_errors.jsonl";
  CC_TRY(write_jsonl(err_path, err_rows));
  report.written.push_back(err_path);
  report.failed = errors.size();

  nlohmann::ordered_json m = manifest_head(settings.command, started);
  m["mode"] = js.per_case ? "per-case" : "per-criterion";
  m["prompt"] = {{"path", js.prompt_path}, {"sha256", prompt.sha256}};
  m["repeat"] = options.repeat;
  m["cache"] = settings.use_cache ? ".clinconsensus/cache/llm.sqlite" : "not used (--no-cache)";
  nlohmann::ordered_json eps = nlohmann::ordered_json::array();
  for (const Endpoint& ep : judges) eps.push_back(ep.describe());
  m["endpoints"] = eps;
  nlohmann::ordered_json inputs = nlohmann::ordered_json::array();
  std::vector<std::string> seen_files;
  for (const ResponseRow& r : rows)
    if (std::find(seen_files.begin(), seen_files.end(), r.file) == seen_files.end()) seen_files.push_back(r.file);
  for (const std::string& f : seen_files) inputs.push_back(file_record(f, config.root));
  m["inputs"] = inputs;
  m["counts"] = {{"responses", rows.size()}, {"items", report.items}, {"verdicts", report.verdicts},
                 {"errors", report.failed}};
  m["tokens"] = {{"prompt", total_prompt}, {"completion", total_completion}};
  m["cost"] = total_cost;
  m["batches"] = batches;
  CC_TRY(write_manifest(std::move(m), settings.out_dir, "judge_manifest.json", report.written));

  text << report.verdicts << " verdicts written";
  if (report.failed) text << ", " << report.failed << " items without a verdict (see judge_errors.jsonl; rerun to retry them)";
  text << "; " << total_prompt << " + " << total_completion << " tokens, cost " << total_cost << "\n";
  for (const auto& b : batches)
    if (b.contains("message")) text << b["judge"].get<std::string>() << ": " << b["message"].get<std::string>() << "\n";
  report.text = text.str();
  return report;
}

}  // namespace cc::judge
