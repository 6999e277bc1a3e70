#include <filesystem>
#include <fstream>
#include <map>

#include "core/utf8.h"
#include "judge/csv_records.h"
#include "judge/judge_messages.h"
#include "judge/physician_labels.h"
#include "judge/review_sheet.h"

namespace cc::judge {

Result<ReviewImportReport> import_review_sheet(const Config& config, const ReviewImportOptions& options, Lang lang) {
  const std::string& path = options.sheet;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(judge_message(lang, "review/unreadable", {{"path", path}}), Error::Kind::Input);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (find_invalid_utf8(text))
    return Error(judge_message(lang, "review/not-utf8", {{"path", path}}), Error::Kind::Input);
  auto parsed = parse_csv(text, lang);
  if (!parsed) return Error(path + ": " + parsed.error().message, Error::Kind::Input);
  const std::vector<CsvRecord>& records = *parsed;
  if (records.empty()) return Error(judge_message(lang, "review/empty", {{"path", path}}), Error::Kind::Input);
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < records[0].fields.size(); ++i) column.emplace(records[0].fields[i], i);
  for (const char* name : {"row_key", "model", "case_id", "criterion_id", "physician_label"})
    if (!column.count(name))
      return Error(judge_message(lang, "review/no-column", {{"path", path}, {"column", name}}), Error::Kind::Input);
  CC_TRY_ASSIGN(CaseMaterials cases, load_case_materials(config, lang));

  std::vector<std::string> problems;
  std::map<CriterionKey, int> seen;  // → line
  std::vector<PhysicianLabel> labels;
  ReviewImportReport report;
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    auto field = [&](const std::string& name) -> std::string {
      auto c = column.find(name);
      return c == column.end() || c->second >= rec.fields.size() ? std::string() : rec.fields[c->second];
    };
    const std::string line = std::to_string(rec.line);
    auto problem = [&](std::string_view id, std::initializer_list<MessageArg> more = {}) {
      std::string msg = judge_message(lang, id, more);
      problems.push_back(path + ":" + line + ": " + msg);
    };
    CriterionKey key{field("model"), field("case_id"), field("criterion_id")};
    if (review_row_key(key) != field("row_key")) {
      problem("review/edited-key");
      continue;
    }
    const CaseMaterial* c = cases.find(std::get<1>(key));
    bool known = false;
    if (c)
      for (const auto& k : c->criteria) known = known || k.first == std::get<2>(key);
    if (!known) {
      problem("review/unknown-id", {{"case", std::get<1>(key)}, {"criterion", std::get<2>(key)}});
      continue;
    }
    auto [first, fresh] = seen.emplace(key, rec.line);
    if (!fresh) {
      problem("review/duplicate", {{"first", std::to_string(first->second)}});
      continue;
    }
    std::string label = field("physician_label");
    if (label.find_first_not_of(" \t") == std::string::npos) {
      ++report.unlabelled;
      continue;
    }
    std::optional<bool> met = physician_label_value(label);
    if (!met) {
      problem("review/bad-label", {{"value", label}});
      continue;
    }
    labels.push_back({key, *met, options.reviewer, field("note")});
  }
  if (!problems.empty()) {
    std::string all = judge_message(lang, "review/refused", {{"n", std::to_string(problems.size())}, {"path", path}});
    for (const std::string& p : problems) all += "\n  " + p;
    return Error(all, Error::Kind::Input);
  }
  // Labels already in the file stay, unless this sheet labels the same criterion again.
  std::vector<PhysicianLabel> merged;
  if (std::filesystem::exists(options.out)) {
    CC_TRY_ASSIGN(std::vector<PhysicianLabel> old, read_physician_labels(options.out, lang));
    for (PhysicianLabel& l : old)
      if (!seen.count(l.key) ||
          std::none_of(labels.begin(), labels.end(), [&](const PhysicianLabel& n) { return n.key == l.key; }))
        merged.push_back(std::move(l));
  }
  report.labelled = labels.size();
  merged.insert(merged.end(), labels.begin(), labels.end());
  CC_TRY(write_physician_labels(options.out, std::move(merged), lang));
  report.text = judge_message(lang, "review/imported",
                              {{"n", std::to_string(report.labelled)},
                               {"unlabelled", std::to_string(report.unlabelled)},
                               {"path", options.out}}) +
                "\n";
  return report;
}

}  // namespace cc::judge
