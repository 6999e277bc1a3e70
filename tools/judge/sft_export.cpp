#include "judge/sft_export.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "core/atomic_write.h"
#include "judge/judge_messages.h"
#include "judge/judge_outputs.h"
#include "judge/judge_prompt.h"
#include "judge/physician_labels.h"
#include "judge/stratified_sample.h"

namespace cc::judge {

std::vector<bool> dev_cases(const std::vector<std::pair<std::string, std::string>>& cases, double fraction,
                            uint64_t seed) {
  std::vector<SampleUnit> units;
  units.reserve(cases.size());
  for (const auto& [id, specialty] : cases) units.push_back({specialty, id});
  std::vector<std::tuple<double, uint64_t, size_t>> points;  // (point, hash, index)
  for (const auto& members : rank_within_strata(units, seed))
    for (size_t k = 0; k < members.size(); ++k)
      points.emplace_back((static_cast<double>(k) + 0.5) / static_cast<double>(members.size()), members[k].rank,
                          members[k].index);
  std::sort(points.begin(), points.end());
  size_t take = static_cast<size_t>(std::llround(fraction * static_cast<double>(cases.size())));
  std::vector<bool> dev(cases.size(), false);
  for (size_t k = 0; k < take && k < points.size(); ++k) dev[std::get<2>(points[k])] = true;
  return dev;
}

namespace {

std::string physician_explanation(bool met) {
  return met ? "医师复核：回答符合该评分标准。" : "医师复核：回答不符合该评分标准。";
}

std::string json_line(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

Result<SftExportReport> export_sft(const Config& config, const SftExportOptions& o, Lang lang) {
  if (!(o.dev_fraction >= 0 && o.dev_fraction < 1))
    return Error(judge_message(lang, "sft/fraction"), Error::Kind::Usage);
  CC_TRY_ASSIGN(CaseMaterials cases, load_case_materials(config, lang));
  CC_TRY_ASSIGN(JudgeOutputs run, read_judge_outputs(config, o.from_dir, o.responses, cases, lang));
  if (std::find(run.judges.begin(), run.judges.end(), o.teacher) == run.judges.end()) {
    std::string held;
    for (const auto& j : run.judges) held += (held.empty() ? "" : ", ") + j;
    return Error(judge_message(lang, "sft/no-teacher", {{"teacher", o.teacher}, {"judges", held}}), Error::Kind::Input);
  }
  std::map<CriterionKey, PhysicianLabel> gold;
  if (!o.gold.empty()) {
    CC_TRY_ASSIGN(std::vector<PhysicianLabel> labels, read_physician_labels(o.gold, lang));
    for (PhysicianLabel& l : labels) gold[l.key] = std::move(l);
  }
  JudgeSettings js = judge_settings(config);
  CC_TRY_ASSIGN(PromptTemplate prompt, load_judge_prompt(config, js));

  // One row per call the teacher answered: a criterion, or (per case) a whole response.
  struct Row {
    std::string case_id;
    std::string line;
    size_t met = 0, not_met = 0;
  };
  std::vector<Row> rows;
  SftExportReport report;
  for (const ResponseRow& resp : run.responses) {
    const CaseMaterial* c = cases.find(resp.case_id);
    if (!c) continue;
    nlohmann::ordered_json verdicts = nlohmann::ordered_json::array();
    Row row{resp.case_id, "", 0, 0};
    bool complete = true;
    for (size_t k = 0; k < c->criteria.size(); ++k) {
      CriterionKey key{resp.model, resp.case_id, c->criteria[k].first};
      auto v = run.verdicts.find(key);
      const JudgeVerdict* t = nullptr;
      if (v != run.verdicts.end())
        if (auto it = v->second.find(o.teacher); it != v->second.end()) t = &it->second;
      if (!t) {  // no answer from the teacher: nothing to learn from here
        complete = false;
        continue;
      }
      bool met = t->met;
      std::string why = t->explanation;
      if (auto g = gold.find(key); g != gold.end()) {
        if (g->second.met != met) ++report.overridden;
        met = g->second.met;
        why = g->second.note.empty() ? physician_explanation(met) : g->second.note;
      }
      (met ? row.met : row.not_met) += 1;
      if (js.per_case) {
        verdicts.push_back({{"criterion_id", c->criteria[k].first}, {"explanation", why}, {"criteria_met", met}});
        continue;
      }
      nlohmann::ordered_json line;
      line["instruction"] = judge_prompt_for(prompt, js, *c, resp.response, k);
      line["output"] = nlohmann::ordered_json{{"explanation", why}, {"criteria_met", met}}.dump(
          -1, ' ', false, nlohmann::json::error_handler_t::replace);
      rows.push_back({resp.case_id, json_line(line), met ? 1u : 0u, met ? 0u : 1u});
    }
    if (js.per_case && complete) {
      nlohmann::ordered_json line;
      line["instruction"] = judge_prompt_for(prompt, js, *c, resp.response, 0);
      line["output"] = verdicts.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      row.line = json_line(line);
      rows.push_back(std::move(row));
    }
  }
  if (rows.empty()) return Error(judge_message(lang, "sft/empty", {{"teacher", o.teacher}}), Error::Kind::Input);

  // The split, by case.
  std::vector<std::pair<std::string, std::string>> case_list;
  for (const Row& r : rows)
    if (case_list.empty() || case_list.back().first != r.case_id) {
      bool seen = false;
      for (const auto& [id, sp] : case_list) seen = seen || id == r.case_id;
      if (!seen) case_list.emplace_back(r.case_id, cases.find(r.case_id)->specialty);
    }
  std::vector<bool> dev = dev_cases(case_list, o.dev_fraction, o.seed);
  std::map<std::string, bool> in_dev;
  for (size_t i = 0; i < case_list.size(); ++i) in_dev[case_list[i].first] = dev[i];
  std::string train_text, dev_text;
  size_t met[2] = {0, 0}, not_met[2] = {0, 0}, case_count[2] = {0, 0};
  for (const Row& r : rows) {
    bool d = in_dev[r.case_id];
    (d ? dev_text : train_text) += r.line;
    (d ? report.dev : report.train) += 1;
    met[d] += r.met;
    not_met[d] += r.not_met;
  }
  for (size_t i = 0; i < case_list.size(); ++i) ++case_count[dev[i] ? 1 : 0];

  std::string teacher_model;
  if (run.manifest.contains("endpoints"))
    for (const auto& e : run.manifest["endpoints"])
      if (e.value("name", "") == o.teacher) teacher_model = e.value("model", "");
  std::ostringstream card;
  card << "# Distillation data card\n\n"
       << "| | train | dev |\n|---|---|---|\n"
       << "| rows | " << report.train << " | " << report.dev << " |\n"
       << "| cases | " << case_count[0] << " | " << case_count[1] << " |\n"
       << "| criteria met | " << met[0] << " | " << met[1] << " |\n"
       << "| criteria not met | " << not_met[0] << " | " << not_met[1] << " |\n\n"
       << "- teacher: " << o.teacher << (teacher_model.empty() ? "" : " (model " + teacher_model + ")") << "\n"
       << "- prompt: " << prompt.path << ", sha256 " << prompt.sha256 << " ("
       << (js.per_case ? "per-case" : "per-criterion") << ")\n"
       << "- physician labels: "
       << (o.gold.empty() ? "none"
                          : std::to_string(gold.size()) + " read, " + std::to_string(report.overridden) +
                                " of them changed the teacher's verdict")
       << "\n"
       << "- split: by case, stratified by specialty, dev fraction " << o.dev_fraction << ", seed " << o.seed << "\n"
       << "- rows: {\"instruction\": the exact prompt the teacher was sent, \"output\": its JSON answer}\n";
  std::vector<std::pair<std::string, std::string>> files{{o.out_dir + "/train.jsonl", train_text},
                                                         {o.out_dir + "/dev.jsonl", dev_text},
                                                         {o.out_dir + "/data_card.md", card.str()}};
  if (auto written = write_files_atomic(files, lang); !written)
    return Error(judge_message(lang, "review/write", {{"path", o.out_dir}, {"why", written.error().message}}),
                 Error::Kind::Usage);
  for (const auto& [path, content] : files) report.written.push_back(path);
  report.text = judge_message(lang, "sft/written",
                              {{"train", std::to_string(report.train)},
                               {"dev", std::to_string(report.dev)},
                               {"overridden", std::to_string(report.overridden)}}) +
                "\n";
  return report;
}

}  // namespace cc::judge
