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
#include "judge/judge_messages.h"
#include "judge/judge_policy.h"
#include "judge/judge_prompt.h"
#include "judge/physician_labels.h"
#include "judge/stratified_sample.h"

namespace cc::judge {
namespace {

// One verdict wanted: a response, a criterion of its case.
struct Item {
  uint32_t row;
  uint32_t criterion;
};

// The calls of one judge and repeat, and what each answers.
struct JudgeCalls {
  std::vector<Item> calls;  // per-case mode: criterion unused (0)
};

struct VerdictRow {
  std::string case_id, criterion_id, judge;
  bool met;
  std::string explanation;
  int repeat = 0;                // 0: not written
  nlohmann::ordered_json extra;  // final rows: policy and source
};

// One judge's verdict on one criterion of one response (a cell), as a pass left it.
struct CellVerdict {
  std::optional<bool> met;
  std::string why;
};

// One batch of calls: an endpoint judging some of the items, once.
struct Pass {
  size_t endpoint;  // into the run's endpoints
  int rep;
  std::string name;                           // the judge name its rows carry
  std::vector<size_t> items;                  // into the run's items
  std::vector<CellVerdict>* cells = nullptr;  // where its verdicts go too (policy), or null
};

struct ErrorRow {
  std::string model, case_id, criterion_id, judge;
  int attempts;
  std::string error;
};

}  // namespace

Result<JudgeReport> run_judge(const Config& config, const JudgeOptions& options, const RunSettings& settings) {
  const Lang lang = settings.lang;
  if (options.judges.empty()) return Error(judge_message(lang, "usage/no-judge"), Error::Kind::Usage);
  if (options.judges.size() > 2) return Error(judge_message(lang, "usage/judges"), Error::Kind::Usage);
  if (options.repeat < 1) return Error(judge_message(lang, "usage/repeat"), Error::Kind::Usage);
  if (!(options.second_judge_sample > 0 && options.second_judge_sample <= 1))
    return Error(judge_message(lang, "usage/sample"), Error::Kind::Usage);
  const bool two = options.judges.size() == 2;
  if (options.second_judge_sample < 1 && !two)
    return Error(judge_message(lang, "usage/sample-one"), Error::Kind::Usage);
  CC_TRY_ASSIGN(JudgePolicy policy, judge_policy(config, lang));
  if (!options.arbiter.empty() && !(two && policy == JudgePolicy::Escalate))
    return Error(judge_message(lang, "usage/arbiter"), Error::Kind::Usage);
  std::vector<Endpoint> judges;
  std::vector<std::string> names = options.judges;
  if (!options.arbiter.empty()) names.push_back(options.arbiter);
  for (const std::string& name : names) {
    CC_TRY_ASSIGN(Endpoint ep, find_endpoint(config, name, lang));
    judges.push_back(std::move(ep));
  }
  const bool exporting = !options.batch_export_dir.empty();
  if (exporting && !settings.use_cache) return Error(judge_message(lang, "usage/batch-no-cache"), Error::Kind::Usage);
  std::vector<std::string> keys;
  if (!settings.dry_run && !exporting) {
    for (const Endpoint& ep : judges) {
      CC_TRY_ASSIGN(std::string key, read_api_key(ep, lang));
      keys.push_back(std::move(key));
    }
  } else {
    keys.assign(judges.size(), "");
  }
  JudgeSettings js = judge_settings(config);
  CC_TRY_ASSIGN(PromptTemplate prompt, load_judge_prompt(config, js));
  CC_TRY_ASSIGN(CaseMaterials cases, load_case_materials(config, lang));
  CC_TRY_ASSIGN(std::vector<ResponseRow> rows, read_responses(options.responses, cases, lang));
  if (rows.empty()) return Error(judge_message(lang, "judge/no-rows"), Error::Kind::Input);

  std::unique_ptr<FileLock> lock;
  if (!settings.dry_run && !exporting && !settings.dir_locked) {
    CC_TRY_ASSIGN(lock, acquire_out_dir_lock(settings.out_dir, lang));
  }
  std::unique_ptr<LlmCache> cache;
  if (settings.use_cache) {
    CC_TRY_ASSIGN(cache, LlmCache::open(llm_cache_path(config), lang));
  }

  std::vector<const CaseMaterial*> row_case;
  std::vector<size_t> first_cell;  // per row: index of its first criterion among all cells
  size_t cell_count = 0;
  for (const ResponseRow& r : rows) {
    row_case.push_back(cases.find(r.case_id));
    first_cell.push_back(cell_count);
    cell_count += row_case.back()->criteria.size();
  }
  std::vector<Item> items;
  for (uint32_t r = 0; r < rows.size(); ++r) {
    if (js.per_case)
      items.push_back({r, 0});
    else
      for (uint32_t k = 0; k < row_case[r]->criteria.size(); ++k) items.push_back({r, k});
  }
  // The criteria (cells) an item answers: one, or all of its case's.
  auto item_cells = [&](const Item& it) -> std::pair<size_t, size_t> {
    size_t f = first_cell[it.row];
    return js.per_case ? std::make_pair(f, f + row_case[it.row]->criteria.size())
                       : std::make_pair(f + it.criterion, f + it.criterion + 1);
  };

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

  BatchRequestWriter requests(options.batch_export_dir, options.batch_limits);
  // Runs one pass; false when the run must end now (`stop` holds the reason).
  std::optional<Result<JudgeReport>> stop;
  auto run_pass = [&](const Pass& pass) -> bool {
    const Endpoint& ep = judges[pass.endpoint];
    const int rep = pass.rep;
    CallBatch batch;
    batch.count = pass.items.size();
    auto item = [&](size_t i) -> const Item& { return items[pass.items[i]]; };
    // The message of call i: the prompt with the case, the response and the criterion
    // (or every criterion, per case) filled in.
    batch.message = [&](size_t i) {
      const Item& it = item(i);
      return judge_prompt_for(prompt, js, *row_case[it.row], rows[it.row].response, it.criterion);
    };
    batch.spec = [&](size_t i) {
      const Item& it = item(i);
      const CaseMaterial& c = *row_case[it.row];
      const RowDigest& row = row_digest(it.row);
      const std::string& part = js.per_case ? numbered_criteria(c) : c.criteria[it.criterion].second;
      CallSpec spec;
      spec.estimated_input_tokens = template_tokens + row.tokens + estimate_tokens(part);
      spec.estimated_output_tokens = kVerdictOutputTokens * (js.per_case ? static_cast<int64_t>(c.criteria.size()) : 1);
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
        for (const auto& c : row_case[item(i).row]->criteria) ids.push_back(c.first);
        CC_TRY_ASSIGN(std::vector<CriterionVerdict> vs, parse_case_verdicts(text, ids, lang));
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& v : vs)
          arr.push_back({{"id", v.criterion_id}, {"met", v.criteria_met}, {"why", v.explanation}});
        return arr;
      }
      CC_TRY_ASSIGN(CriterionVerdict v, parse_criterion_verdict(text, lang));
      return nlohmann::json{{"met", v.criteria_met}, {"why", v.explanation}};
    };
    if (exporting) {  // the calls the cache cannot answer become request lines
      for (size_t i = 0; i < batch.count; ++i) {
        CallSpec spec = batch.spec(i);
        auto hit = cache->get(spec.key);
        if (!hit) {
          stop = Error(hit.error().message, Error::Kind::Input);
          return false;
        }
        if (!*hit) requests.add(spec.key, chat_request_body(ep, batch.message(i)));
      }
      return true;
    }
    Progress progress = run_progress(settings, "judge " + pass.name);
    BatchControl control = batch_control(settings, cache.get(), &progress,
                                         settings.seed + pass.endpoint * 1000 + static_cast<uint64_t>(rep));
    BatchResult b = run_batch(ep, keys[pass.endpoint], batch, control);
    if (b.end == BatchEnd::Refused) {
      stop = Error(b.message, Error::Kind::Refused);
      return false;
    }
    if (b.end == BatchEnd::CacheFailed) {
      stop = Error(b.message, Error::Kind::Input);
      return false;
    }
    if (b.end == BatchEnd::Interrupted) {
      report.interrupted = true;
      report.text = judge_message(lang, "summary/interrupted") + "\n";
      stop = report;
      return false;
    }
    if (settings.dry_run) {
      int64_t in_tokens = b.estimated_input_tokens_to_ask, out_tokens = b.estimated_output_tokens_to_ask;
      double cost = ep.cost(in_tokens, out_tokens);
      text << dry_run_line(lang, "judge " + pass.name, b, ep) << "\n";
      calls_needed += b.to_ask;
      tokens_needed += in_tokens + out_tokens;
      est_cost += cost;
      return true;
    }
    total_prompt += b.counters.prompt_tokens;
    total_completion += b.counters.completion_tokens;
    total_cost += b.counters.cost;
    nlohmann::ordered_json rec;
    rec["judge"] = pass.name;
    rec["endpoint"] = ep.name;
    rec["repeat"] = rep;
    rec["end"] = b.end == BatchEnd::BreakerOpen ? "circuit breaker open" : "completed";
    if (!b.message.empty()) rec["message"] = b.message;
    rec.update(batch_record(b));
    batches.push_back(std::move(rec));
    const int row_repeat = options.repeat > 1 ? rep : 0;
    for (size_t i = 0; i < pass.items.size(); ++i) {
      const CallOutcome& o = b.outcomes[i];
      const Item& it = item(i);
      const ResponseRow& row = rows[it.row];
      const CaseMaterial& c = *row_case[it.row];
      auto [cell_begin, cell_end] = item_cells(it);
      report.items += cell_end - cell_begin;
      for (size_t cell = cell_begin; cell < cell_end; ++cell) {
        const std::string& criterion_id = c.criteria[cell - first_cell[it.row]].first;
        if (o.state != CallOutcome::State::Answered) {
          errors.push_back({row.model, row.case_id, criterion_id, pass.name, o.attempts, o.error});
          continue;
        }
        const nlohmann::json& v = js.per_case ? o.parsed[cell - cell_begin] : o.parsed;
        bool met = v["met"].get<bool>();
        std::string why = v["why"].get<std::string>();
        if (pass.cells) (*pass.cells)[cell] = {met, why};
        verdicts[row.model].push_back({row.case_id, criterion_id, pass.name, met, std::move(why), row_repeat, {}});
      }
    }
    return true;
  };

  // The judges' passes: the first judges every item; the second every item or a sample.
  std::vector<CellVerdict> first_cells(cell_count), second_cells(cell_count), arbiter_cells(cell_count);
  std::vector<bool> second_asked(cell_count, two);
  std::vector<size_t> all(items.size());
  for (size_t i = 0; i < items.size(); ++i) all[i] = i;
  std::vector<size_t> sampled = all;
  if (two && options.second_judge_sample < 1) {
    std::vector<SampleUnit> units;
    for (const Item& it : items) {
      const ResponseRow& row = rows[it.row];
      std::string key = row.model + "\n" + row.case_id;
      if (!js.per_case) key += "\n" + row_case[it.row]->criteria[it.criterion].first;
      units.push_back({row_case[it.row]->specialty, key});
    }
    std::vector<bool> chosen = stratified_sample(units, options.second_judge_sample, settings.seed);
    sampled.clear();
    for (size_t i = 0; i < items.size(); ++i) {
      if (chosen[i]) sampled.push_back(i);
      auto [b, e] = item_cells(items[i]);
      for (size_t cell = b; cell < e; ++cell) second_asked[cell] = chosen[i];
    }
  }
  for (size_t j = 0; j < options.judges.size(); ++j)
    for (int rep = 1; rep <= options.repeat; ++rep) {
      Pass pass{j, rep, rep == 1 ? judges[j].name : judges[j].name + "#" + std::to_string(rep), j == 0 ? all : sampled};
      if (two && rep == 1) pass.cells = j == 0 ? &first_cells : &second_cells;
      if (!run_pass(pass)) return std::move(*stop);
    }
  // Disagreements go to the arbiter (escalate); the dry run cannot know them yet.
  // Physician labels of earlier reviews (review import) settle their criteria.
  std::vector<std::optional<bool>> physician(cell_count);
  std::map<CriterionKey, const PhysicianLabel*> label_of;
  std::vector<PhysicianLabel> labels;
  const std::string labels_path = settings.out_dir + "/physician_labels.jsonl";
  if (two && std::filesystem::exists(labels_path)) {
    CC_TRY_ASSIGN(labels, read_physician_labels(labels_path, lang));
    for (const PhysicianLabel& l : labels) label_of[l.key] = &l;
    for (uint32_t r = 0; r < rows.size(); ++r)
      for (size_t k = 0; k < row_case[r]->criteria.size(); ++k) {
        auto it = label_of.find({rows[r].model, rows[r].case_id, row_case[r]->criteria[k].first});
        if (it != label_of.end()) physician[first_cell[r] + k] = it->second->met;
      }
  }
  auto pair_of = [&](size_t cell) {
    return PairVerdicts{first_cells[cell].met, second_asked[cell], second_cells[cell].met, arbiter_cells[cell].met,
                        physician[cell]};
  };
  if (two && !options.arbiter.empty()) {
    if (settings.dry_run || exporting) {
      text << judge_message(lang, "dry/arbiter", {{"arbiter", options.arbiter}}) << "\n";
    } else {
      Pass pass{2, 1, judges[2].name, {}};
      pass.cells = &arbiter_cells;
      for (size_t i = 0; i < items.size(); ++i) {
        auto [b, e] = item_cells(items[i]);
        for (size_t cell = b; cell < e; ++cell)
          if (needs_arbiter(policy, pair_of(cell))) {
            pass.items.push_back(i);
            break;
          }
      }
      // Only the disagreeing criteria take the arbiter's verdict; its rows are kept for all it judged.
      if (!pass.items.empty() && !run_pass(pass)) return std::move(*stop);
    }
  }
  if (exporting) {
    CC_TRY_ASSIGN(report.written, requests.finish());
    text << (requests.lines() ? judge_message(lang, "batch/exported",
                                              {{"n", std::to_string(requests.lines())},
                                               {"files", std::to_string(report.written.size())},
                                               {"dir", options.batch_export_dir}})
                              : judge_message(lang, "batch/nothing"))
         << "\n";
    report.text = text.str();
    return report;
  }
  if (settings.dry_run) {
    text << judge_message(lang, "dry-run/total",
                          {{"calls", std::to_string(calls_needed)},
                           {"tokens", std::to_string(tokens_needed)},
                           {"cost", cost_text(est_cost)}})
         << "\n"
         << judge_message(lang, "dry-run/judge-estimate", {{"n", std::to_string(kVerdictOutputTokens)}}) << "\n";
    report.text = text.str();
    return report;
  }

  // The final verdicts (two judges): by the policy, one per criterion, or listed missing.
  std::vector<nlohmann::ordered_json> missing_rows;
  std::map<std::string, size_t> missing_by_reason;
  if (two) {
    for (uint32_t r = 0; r < rows.size(); ++r) {
      const CaseMaterial& c = *row_case[r];
      for (size_t k = 0; k < c.criteria.size(); ++k) {
        size_t cell = first_cell[r] + k;
        PairVerdicts pv = pair_of(cell);
        FinalVerdict f = final_verdict(policy, pv);
        if (!f.met) {
          nlohmann::ordered_json m;
          m["model"] = rows[r].model;
          m["case_id"] = rows[r].case_id;
          m["criterion_id"] = c.criteria[k].first;
          m["reason"] = f.reason.substr(f.reason.find('/') + 1);
          if (pv.first) m[judges[0].name] = *pv.first;
          if (pv.second) m[judges[1].name] = *pv.second;
          missing_rows.push_back(std::move(m));
          ++missing_by_reason[f.reason];
          continue;
        }
        const CellVerdict& from = f.source == "arbiter" ? arbiter_cells[cell] : first_cells[cell];
        std::string source = f.source == "arbiter"     ? judges[2].name
                             : f.source == "both"      ? judges[0].name + "+" + judges[1].name
                             : f.source == "physician" ? "physician"
                                                       : judges[0].name;
        std::string why = from.why;
        if (f.source == "physician") {
          const PhysicianLabel& l = *label_of.at({rows[r].model, rows[r].case_id, c.criteria[k].first});
          why = l.note;
          source = "physician:" + l.reviewer;
        }
        nlohmann::ordered_json extra;
        extra["policy"] = policy_name(policy);
        extra["source"] = source;
        verdicts[rows[r].model].push_back(
            {rows[r].case_id, c.criteria[k].first, kFinalJudge, *f.met, why, 0, std::move(extra)});
      }
    }
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
      if (v.repeat > 0) r["repeat"] = v.repeat;
      r["criteria_met"] = v.met;
      r["explanation"] = v.explanation;
      for (const auto& [key, value] : v.extra.items()) r[key] = value;
      out.push_back(std::move(r));
    }
    std::string path = vdir + "/" + safe_file_stem(model) + ".jsonl";
    CC_TRY(write_jsonl(path, out, lang));
    report.verdicts += vs.size();
    report.written.push_back(path);
  }
  std::sort(errors.begin(), errors.end(), [](const ErrorRow& a, const ErrorRow& b) {
    return std::tie(a.model, a.case_id, a.criterion_id, a.judge) <
           std::tie(b.model, b.case_id, b.criterion_id, b.judge);
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
  CC_TRY(write_jsonl(err_path, err_rows, lang));
  report.written.push_back(err_path);
  report.failed = errors.size();
  if (two) {
    std::string missing_path = settings.out_dir + "/final_missing.jsonl";
    CC_TRY(write_jsonl(missing_path, missing_rows, lang));
    report.written.push_back(missing_path);
    report.final_missing = missing_rows.size();
  }

  nlohmann::ordered_json m = manifest_head(settings.command, started);
  m["mode"] = js.per_case ? "per-case" : "per-criterion";
  m["prompt"] = {{"path", js.prompt_path}, {"sha256", prompt.sha256}};
  m["repeat"] = options.repeat;
  if (two) {
    m["policy"] = policy_name(policy);
    m["second_judge_sample"] = options.second_judge_sample;
    m["seed"] = settings.seed;
    if (!options.arbiter.empty()) m["arbiter"] = options.arbiter;
  }
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
  m["counts"] = {
      {"responses", rows.size()}, {"items", report.items}, {"verdicts", report.verdicts}, {"errors", report.failed}};
  if (two) m["counts"]["final_missing"] = report.final_missing;
  m["tokens"] = {{"prompt", total_prompt}, {"completion", total_completion}};
  m["cost"] = total_cost;
  m["batches"] = batches;
  CC_TRY(write_manifest(std::move(m), settings.out_dir, "judge_manifest.json", report.written, lang));

  text << judge_message(lang, "summary/verdicts", {{"n", std::to_string(report.verdicts)}});
  if (report.failed) text << judge_message(lang, "summary/without-verdict", {{"n", std::to_string(report.failed)}});
  text << judge_message(lang, "summary/tokens",
                        {{"prompt", std::to_string(total_prompt)},
                         {"completion", std::to_string(total_completion)},
                         {"cost", cost_text(total_cost)}})
       << "\n";
  for (const auto& [reason, n] : missing_by_reason)
    text << judge_message(lang, "final/summary", {{"n", std::to_string(n)}, {"why", judge_message(lang, reason)}})
         << "\n";
  for (const auto& b : batches)
    if (b.contains("message")) text << b["judge"].get<std::string>() << ": " << b["message"].get<std::string>() << "\n";
  report.text = text.str();
  return report;
}

}  // namespace cc::judge
