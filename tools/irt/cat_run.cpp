#include "irt/cat_run.h"

#include <set>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/atomic_write.h"
#include "core/jsonl.h"
#include "irt/irt_messages.h"
#include "irt/item_bank.h"
#include "judge/case_material.h"
#include "judge/generate_run.h"
#include "judge/judge_run.h"
#include "scoring/run_setup.h"
#include "scoring/output/text_format.h"

namespace cc::irt {

Result<void> read_cat_verdicts(const std::string& path, const ItemBank& bank, std::vector<uint8_t>& met,
                               std::vector<uint8_t>& trials, Lang lang) {
  std::unordered_map<std::string, uint32_t> index;
  for (uint32_t i = 0; i < bank.ids.size(); ++i) index.emplace(bank.ids[i], i);
  met.assign(bank.ids.size(), 0);
  trials.assign(bank.ids.size(), 0);
  JsonlMessages messages;
  messages.unreadable = [&](const std::string& why) {
    return path + ": " + irt_message(lang, "csv/unreadable", {{"why", why}});
  };
  messages.not_object = irt_message(lang, "cat/verdict-row");
  return for_each_jsonl_object(path, messages, [&](const nlohmann::json& row, int n) -> Result<void> {
    if (!row.contains("criteria_met") || !row["criteria_met"].is_boolean())
      return Error(path + ":" + std::to_string(n) + ": " + messages.not_object, Error::Kind::Input);
    const std::string key = bank.unit == ItemUnit::Case ? row.value("case_id", "") : row.value("criterion_id", "");
    auto it = index.find(key);
    if (it == index.end() || trials[it->second] >= bank.trials[it->second]) return {};
    ++trials[it->second];
    met[it->second] += row["criteria_met"].get<bool>();
    return {};
  });
}

Result<CatReport> run_cat(const Config& config, const CatOptions& o, const judge::RunSettings& settings) {
  if (o.budget < 1) return Error(irt_message(o.lang, "usage/budget"), Error::Kind::Usage);
  if (!(o.target_se > 0)) return Error(irt_message(o.lang, "usage/target-se"), Error::Kind::Usage);
  CC_TRY_ASSIGN(ItemBank bank, read_item_bank(scoring::resolve_path(o.start_dir, o.items), o.items, o.lang));
  CC_TRY_ASSIGN(judge::CaseMaterials materials, judge::load_case_materials(config, o.lang));
  // The cases that can be asked: in the bank and in the benchmark.
  std::vector<size_t> askable;
  for (size_t c = 0; c < bank.cases.size(); ++c)
    if (materials.find(bank.cases[c])) askable.push_back(c);
  const int k = o.k > 0 ? o.k : config.k;
  const std::string dir = settings.out_dir;
  const std::string ids_path = dir + "/cat_ids.txt";
  CatReport report;
  std::vector<uint8_t> met(bank.ids.size(), 0), trials(bank.ids.size(), 0);
  std::set<size_t> used;
  std::string ids;
  Ability ability;
  while (true) {
    if (!report.steps.empty() && ability.se <= o.target_se) {
      report.stop = irt_message(o.lang, "cat/stopped-se",
                                {{"se", format_fixed(ability.se, 3)}, {"target", scoring::format_number(o.target_se)}});
      break;
    }
    if (static_cast<int>(report.steps.size()) >= o.budget) {
      report.stop = irt_message(o.lang, "cat/stopped-budget", {{"budget", std::to_string(o.budget)}});
      break;
    }
    // The most informative case not yet asked, at the current ability.
    size_t best = SIZE_MAX;
    double best_info = -1;
    for (size_t c : askable) {
      if (used.count(c)) continue;
      double info = 0;
      for (uint32_t i : bank.case_items[c]) info += bank.trials[i] * information(bank.params[i], ability.theta);
      if (info > best_info) best_info = info, best = c;
    }
    if (best == SIZE_MAX) {
      report.stop = irt_message(o.lang, "cat/stopped-pool");
      break;
    }
    used.insert(best);
    ids += bank.cases[best] + "\n";
    if (auto written = write_file_atomic(ids_path, ids); !written)
      return Error(written.error().message, Error::Kind::Input);
    // Ask the model the cases so far (the earlier ones come from the cache), judge them.
    CC_TRY_ASSIGN(judge::GenerateReport gen, judge::run_generate(config, {o.endpoint, ids_path, 1}, settings));
    if (gen.interrupted) {
      report.interrupted = true;
      break;
    }
    judge::JudgeOptions jo;
    jo.responses = {gen.responses_file};
    jo.judges = {o.judge};
    CC_TRY_ASSIGN(judge::JudgeReport jr, judge::run_judge(config, jo, settings));
    if (jr.interrupted) {
      report.interrupted = true;
      break;
    }
    CC_TRY(read_cat_verdicts(dir + "/verdicts/" + o.endpoint + ".jsonl", bank, met, trials, o.lang));
    ability = map_ability(bank.params, met, trials);
    CatStep step{bank.cases[best], best_info, 0, 0, ability.theta, ability.se};
    for (uint32_t i : bank.case_items[best]) step.met += met[i], step.judged += trials[i];
    report.steps.push_back(step);
  }
  report.estimate = estimate_full(bank, met, trials, k, 1.96);

  // cat.json and the terminal text.
  nlohmann::ordered_json j;
  j["endpoint"] = o.endpoint;
  j["judge"] = o.judge;
  j["items"] = o.items;
  j["target_se"] = o.target_se;
  j["budget"] = o.budget;
  j["stop"] = report.interrupted ? "interrupted" : report.stop;
  nlohmann::ordered_json steps = nlohmann::ordered_json::array();
  std::ostringstream text;
  for (size_t s = 0; s < report.steps.size(); ++s) {
    const CatStep& st = report.steps[s];
    steps.push_back({{"case_id", st.case_id},
                     {"information", st.information},
                     {"met", st.met},
                     {"judged", st.judged},
                     {"ability", st.theta},
                     {"se", st.se}});
    text << s + 1 << ". " << st.case_id << "  " << st.met << "/" << st.judged << "  ability "
         << format_fixed(st.theta, 2) << " ± " << format_fixed(st.se, 2) << "\n";
  }
  j["steps"] = std::move(steps);
  const FullEstimate& e = report.estimate;
  j["estimate"] = {{"ability", e.ability.theta},
                   {"ability_se", e.ability.se},
                   {"rubric_accuracy_pct", e.rubric_accuracy},
                   {"rubric_accuracy_low", e.rubric_accuracy_low},
                   {"rubric_accuracy_high", e.rubric_accuracy_high},
                   {"k", k},
                   {"cacs_at_k_pct", e.cacs},
                   {"cacs_at_k_low", e.cacs_low},
                   {"cacs_at_k_high", e.cacs_high}};
  if (auto written = write_file_atomic(dir + "/cat.json", j.dump(2) + "\n"); !written)
    return Error(written.error().message, Error::Kind::Input);
  report.written = {dir + "/cat_ids.txt", dir + "/cat.json"};
  text << (report.interrupted ? std::string("interrupted: run the same command again to resume") : report.stop) << "\n"
       << "ability " << format_fixed(e.ability.theta, 2) << " ± " << format_fixed(e.ability.se, 2) << "; Rubric Acc. "
       << format_fixed(e.rubric_accuracy, 1) << " [" << format_fixed(e.rubric_accuracy_low, 1) << ", "
       << format_fixed(e.rubric_accuracy_high, 1) << "]; CACS@" << k << " " << format_fixed(e.cacs, 1) << " ["
       << format_fixed(e.cacs_low, 1) << ", " << format_fixed(e.cacs_high, 1) << "] (95%, p-IRT)\n";
  report.text = text.str();
  return report;
}

}  // namespace cc::irt
