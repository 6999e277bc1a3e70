#include "release/import_jsonl.h"

#include <filesystem>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/atomic_write.h"
#include "core/jsonl.h"
#include "core/repository.h"
#include "core/yaml_loader.h"
#include "core/yaml_writer.h"
#include "release/export_jsonl.h"
#include "release/release_messages.h"

namespace cc {
namespace {

using nlohmann::json;

// A row read into the model, before it becomes YAML.
struct Row {
  Case c;
  Rubric r;
};

// The public row's fields, with what each must be.
const char* const kStringFields[] = {"case_id",   "difficulty",       "task",        "subject",
                                     "user_role", "clinical_context", "user_request"};
const char* const kListFields[] = {"task_labels", "subject_labels"};

// Reads one parsed row into the model; returns the reason when it does not have the
// public shape.
std::string read_row(const json& j, Lang lang, Row& row) {
  if (!j.is_object()) return message(lang, "import/not-object");
  for (const char* k : kStringFields)
    if (!j.contains(k) || !j[k].is_string()) return message(lang, "import/field", {{"field", k}, {"type", "string"}});
  for (const char* k : kListFields) {
    bool ok = j.contains(k) && j[k].is_array();
    if (ok)
      for (const auto& v : j[k]) ok = ok && v.is_string();
    if (!ok) return message(lang, "import/field", {{"field", k}, {"type", "list of strings"}});
  }
  if (!j.contains("rubrics") || !j["rubrics"].is_array())
    return message(lang, "import/field", {{"field", "rubrics"}, {"type", "list"}});
  for (const auto& item : j["rubrics"])
    if (!item.is_object() || !item.contains("criterion_id") || !item["criterion_id"].is_string() ||
        !item.contains("criterion") || !item["criterion"].is_string())
      return message(lang, "import/field", {{"field", "rubrics[]"}, {"type", "{criterion_id, criterion}"}});
  row.c = case_from_json(j);
  row.c.status = kReleasedStatus;
  row.r.case_id = row.c.case_id;
  for (const auto& item : j["rubrics"]) {
    Criterion k;
    k.criterion_id = item["criterion_id"].get<std::string>();
    k.criterion = item["criterion"].get<std::string>();
    row.r.criteria.push_back(std::move(k));
  }
  return {};
}

// The care stage a task type most often belongs to: a starting point for the
// maintainer, marked as a guess in the file.
std::string guess_care_stage(const Taxonomy& tax, const std::string& task) {
  static const std::map<std::string, std::string> kStageOfTask = {
      {"health-education", "prevention"},
      {"treatment-planning", "intervention"},
      {"medication-guidance", "intervention"},
      {"follow-up", "follow-up"},
  };
  std::string stage_code = "diagnosis";
  for (const auto& l : tax.tasks.labels)
    if (l.zh == task || l.code == task)
      if (auto it = kStageOfTask.find(l.code); it != kStageOfTask.end()) stage_code = it->second;
  for (const auto& l : tax.care_stages.labels)
    if (l.code == stage_code) return tax.care_stages.file_name_of(l);
  return tax.care_stages.labels.empty() ? std::string() : tax.care_stages.file_name_of(tax.care_stages.labels.front());
}

std::string placeholder_axis(const Taxonomy& tax) {
  for (const auto& l : tax.axes.labels)
    if (l.code == "accuracy") return tax.axes.file_name_of(l);
  return tax.axes.labels.empty() ? std::string() : tax.axes.file_name_of(tax.axes.labels.front());
}

Result<std::string> case_yaml(const Project& p, const Row& row, const ImportOptions& o) {
  const Taxonomy& tax = p.taxonomy;
  const Case& c = row.c;
  YamlWriter w;
  w.comment("yaml-language-server: $schema=../../" + p.config.schema_dir + "/case.schema.json");
  w.comment("由公开发布版导入。Imported from the public release" +
            (o.source_name.empty() ? std::string() : " (" + o.source_name + ")") + ".");
  w.begin_map();
  w.field("case_id", c.case_id);
  w.field("status", c.status);
  w.field("difficulty", c.difficulty);
  w.field("subject", c.subject);
  w.list("subject_labels", c.subject_labels);
  w.field("task", c.task);
  w.list("task_labels", c.task_labels);
  w.comment(
      "TODO(import): 公开版没有诊疗阶段，此值按任务类型推测，请核对。"
      "care_stage is not in the public release; guessed from the task type — check it.");
  w.field("care_stage", guess_care_stage(tax, c.task));
  w.field("user_role", c.user_role);
  w.field("audience", tax.audience_for_role(c.user_role));
  w.field("clinical_context", c.clinical_context, ScalarStyle::Prose);
  w.field("user_request", c.user_request, ScalarStyle::Prose);
  w.comment("TODO(import): 请填写真实作者。Replace with the real authors.");
  w.list("authors", {"公开发布版导入"});
  w.key("provenance");
  w.begin_map();
  w.field("source", "imported");
  std::string notes = "imported from the public release";
  if (!o.source_name.empty()) notes += " " + o.source_name;
  w.field("notes", notes, ScalarStyle::Quoted);
  w.end_map();
  w.end_map();
  return w.finish();
}

Result<std::string> rubric_yaml(const Project& p, const Row& row) {
  std::string axis = placeholder_axis(p.taxonomy);
  YamlWriter w;
  w.comment("yaml-language-server: $schema=../../" + p.config.schema_dir + "/rubric.schema.json");
  w.comment("由公开发布版导入。Imported from the public release.");
  w.begin_map();
  w.field("case_id", row.r.case_id);
  w.comment("TODO(import): 公开版没有评分维度（axis）和关键标准（critical）；axis 均暂填 " + axis +
            "，请逐条核对。The public release has no axis or critical flag: every axis below is a placeholder.");
  w.key("criteria");
  w.begin_list();
  for (const auto& k : row.r.criteria) {
    w.begin_map();
    w.field("criterion_id", k.criterion_id);
    // A one-line criterion stays on its line; anything else becomes a literal block.
    w.field("criterion", k.criterion, ScalarStyle::Line);
    w.field("axis", axis);
    w.end_map();
  }
  w.end_list();
  w.end_map();
  return w.finish();
}

// The row as export would write it: the round-trip reference.
std::string exported(const Case& c, const Rubric& r) { return canonical_json(export_row(c, r)); }

// Reads generated YAML back and returns the row it holds, exported; "" when unreadable.
std::string read_back(const Project& p, const ImportedCase& ic) {
  LoadResult lc = load_yaml_text(ic.case_path, ic.case_yaml, p.config.limits, p.lang, Positions::TopLevel);
  LoadResult lr = load_yaml_text(ic.rubric_path, ic.rubric_yaml, p.config.limits, p.lang, Positions::TopLevel);
  if (!lc.document || !lr.document) return {};
  try {
    return exported(case_from_json(lc.document->root), rubric_from_json(lr.document->root));
  } catch (const std::exception&) {
    return {};
  }
}

std::string describe(const Diagnostic& d) {
  std::string s = d.file;
  if (d.line > 0) s += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
  return s + ": " + d.rule + ": " + d.message;
}

}  // namespace

ImportPlan plan_import(const Project& project, std::string_view jsonl, const ImportOptions& options) {
  ImportPlan plan;
  const Config& cfg = project.config;
  const Lang lang = project.lang;
  std::map<std::string, std::string> cases_there, rubrics_there;  // stem → path, of the benchmark's files
  for (const auto& f : list_yaml_files(cfg.root, cfg.cases_dir)) cases_there.emplace(file_stem(f), f);
  for (const auto& f : list_yaml_files(cfg.root, cfg.rubrics_dir)) rubrics_there.emplace(file_stem(f), f);
  std::map<std::string, int> seen;  // case id → line, within this file

  // A row that cannot be imported is rejected with its reason; the others are still planned.
  Result<void> read = for_each_jsonl_line(jsonl, [&](const JsonlLine& line) -> Result<void> {
    const int line_no = line.number;
    ++plan.rows;
    auto reject = [&](std::string id, std::string reason) {
      plan.rejected.push_back(ImportProblem{line_no, std::move(id), std::move(reason)});
    };
    const json& j = line.value;
    if (j.is_discarded()) {
      reject("", message(lang, "import/json"));
      return {};
    }
    Row row;
    if (std::string why = read_row(j, lang, row); !why.empty()) {
      reject(j.is_object() && j.contains("case_id") && j["case_id"].is_string() ? j["case_id"].get<std::string>() : "",
             why);
      return {};
    }
    const std::string& id = row.c.case_id;
    if (auto it = seen.find(id); it != seen.end()) {
      reject(id, message(lang, "import/duplicate", {{"line", std::to_string(it->second)}}));
      return {};
    }
    seen.emplace(id, line_no);
    auto case_there = cases_there.find(id);
    auto rubric_there = rubrics_there.find(id);
    if (case_there != cases_there.end() && rubric_there != rubrics_there.end()) {
      reject(id, message(lang, "import/exists", {{"path", case_there->second}}));
      return {};
    }
    if (id.empty() || id.find('/') != std::string::npos || id.find("..") != std::string::npos) {
      reject(id, message(lang, "import/bad-id"));
      return {};
    }
    const Label* subject = project.taxonomy.specialties.find(row.c.subject);
    if (!subject) {
      const Label* near = project.taxonomy.specialties.suggest(row.c.subject);
      reject(id, message(lang, "import/subject",
                         {{"subject", row.c.subject}, {"suggestion", near ? near->zh : std::string("-")}}));
      return {};
    }
    ImportedCase ic;
    ic.case_id = id;
    ic.case_path = cfg.cases_dir + "/" + subject->code + "/" + id + ".yaml";
    ic.rubric_path = cfg.rubrics_dir + "/" + subject->code + "/" + id + ".yaml";
    std::string want;
    try {
      want = exported(row.c, row.r);
    } catch (const std::exception&) {
      reject(id, message(lang, "import/json"));
      return {};
    }
    // The writer picks, value by value, the most readable form that reads back unchanged;
    // reading the whole files back checks what it wrote.
    Result<std::string> case_text = case_yaml(project, row, options);
    Result<std::string> rubric_text = rubric_yaml(project, row);
    if (case_text.ok() && rubric_text.ok()) {
      ic.case_yaml = std::move(case_text).value();
      ic.rubric_yaml = std::move(rubric_text).value();
    }
    if (!case_text.ok() || !rubric_text.ok() || read_back(project, ic) != want) {
      reject(id, message(lang, "import/unrepresentable"));
      return {};
    }
    // One file of the row already there: an interrupted import's half, or someone else's.
    if (case_there != cases_there.end() || rubric_there != rubrics_there.end()) {
      const bool has_case = case_there != cases_there.end();
      const std::string& there = has_case ? case_there->second : rubric_there->second;
      const std::string& ours = has_case ? ic.case_path : ic.rubric_path;
      auto bytes = read_file(cfg.abs(there));
      if (there != ours || !bytes || *bytes != (has_case ? ic.case_yaml : ic.rubric_yaml)) {
        reject(id, message(lang, "import/orphan",
                           {{"path", there}, {"missing", has_case ? ic.rubric_path : ic.case_path}}));
        return {};
      }
      (has_case ? ic.case_present : ic.rubric_present) = true;
    }
    std::vector<Diagnostic> errors;
    for (const auto& [path, text] :
         {std::pair{ic.case_path, ic.case_yaml}, std::pair{ic.rubric_path, ic.rubric_yaml}}) {
      FileResult fr = check_file(project, path, text);
      for (auto& d : fr.diagnostics) {
        if (d.severity == Severity::Error)
          errors.push_back(std::move(d));
        else
          ++ic.warnings;
      }
    }
    if (!errors.empty()) {
      if (!options.keep_invalid) {
        std::string reason = release_message(lang, "import/invalid", {{"n", std::to_string(errors.size())}});
        for (const auto& d : errors) reason += "\n    " + describe(d);
        reject(id, reason);
        return {};
      }
      ic.errors = std::move(errors);
    }
    plan.cases.push_back(std::move(ic));
    return {};
  });
  (void)read;  // the rows' problems are in plan.rejected; the callback never fails
  return plan;
}

Result<void> write_import(const Project& project, const ImportPlan& plan) {
  const Config& cfg = project.config;
  for (const auto& dir : {cfg.cases_dir, cfg.rubrics_dir}) remove_stale_temp_files(cfg.abs(dir));
  std::vector<std::string> written;
  for (const auto& ic : plan.cases) {
    std::vector<std::pair<std::string, std::string>> row;
    if (!ic.case_present) row.emplace_back(cfg.abs(ic.case_path), ic.case_yaml);
    if (!ic.rubric_present) row.emplace_back(cfg.abs(ic.rubric_path), ic.rubric_yaml);
    if (auto w = write_files_atomic(row); !w) {
      std::error_code ec;
      for (const auto& done : written) std::filesystem::remove(done, ec);
      return w.error();
    }
    for (const auto& [path, text] : row) written.push_back(path);
  }
  return {};
}

}  // namespace cc
