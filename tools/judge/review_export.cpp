#include <set>

#include "core/output_file.h"
#include "core/sha256.h"
#include "judge/csv_records.h"
#include "judge/judge_messages.h"
#include "judge/review_sheet.h"

namespace cc::judge {

std::string review_row_key(const CriterionKey& key) {
  return sha256_hex(std::get<0>(key) + "\n" + std::get<1>(key) + "\n" + std::get<2>(key)).substr(0, 16);
}

Result<ReviewExportReport> export_review_sheet(const Config& config, const ReviewExportOptions& options, Lang lang) {
  CC_TRY_ASSIGN(CaseMaterials cases, load_case_materials(config, lang));
  CC_TRY_ASSIGN(JudgeOutputs run, read_judge_outputs(config, options.from_dir, options.responses, cases, lang));
  std::vector<std::string> header{"row_key",  "model",    "case_id", "criterion_id", "context_and_request",
                                  "response", "criterion"};
  for (const std::string& j : run.judges) {
    header.push_back(j + " verdict");
    header.push_back(j + " explanation");
  }
  header.push_back("physician_label");
  header.push_back("note");
  std::string sheet = "\xEF\xBB\xBF" + csv_record(header);
  ReviewExportReport report;
  for (const auto& [key, by_judge] : run.verdicts) {
    const auto& [model, case_id, criterion_id] = key;
    std::set<bool> said;
    for (const auto& [judge, v] : by_judge) said.insert(v.met);
    bool settle = said.size() > 1 || run.final_missing.count(key) > 0;
    if (!options.all && !settle) continue;
    const CaseMaterial* c = cases.find(case_id);
    if (!c) return Error(judge_message(lang, "review/unknown-case", {{"case", case_id}}), Error::Kind::Input);
    std::string criterion;
    for (const auto& [id, text] : c->criteria)
      if (id == criterion_id) criterion = text;
    auto r = run.response_of.find({model, case_id});
    if (r == run.response_of.end())
      return Error(judge_message(lang, "review/no-response", {{"model", model}, {"case", case_id}}),
                   Error::Kind::Input);
    std::vector<std::string> row{
        review_row_key(key), model, case_id, criterion_id, c->query, run.responses[r->second].response, criterion};
    for (const std::string& j : run.judges) {
      auto v = by_judge.find(j);
      row.push_back(v == by_judge.end() ? "" : v->second.met ? "true" : "false");
      row.push_back(v == by_judge.end() ? "" : v->second.explanation);
    }
    row.push_back("");
    row.push_back("");
    sheet += csv_record(row);
    ++report.rows;
  }
  auto written = write_output_file(options.out, sheet);
  if (!written)
    return Error(judge_message(lang, "review/write", {{"path", options.out}, {"why", written.error().message}}),
                 Error::Kind::Usage);
  report.text = judge_message(lang, options.all ? "review/exported-all" : "review/exported",
                              {{"n", std::to_string(report.rows)}, {"path", options.out}}) +
                "\n";
  return report;
}

}  // namespace cc::judge
