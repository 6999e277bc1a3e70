#include "checks/integrity_check.h"

#include <map>
#include <set>
#include <unordered_map>

#include "core/repository.h"

namespace cc {
namespace {

using json = nlohmann::json;

// Collects findings of one file with their positions.
class Reporter {
 public:
  Reporter(const Document& doc, Lang lang, std::vector<Diagnostic>& out) : doc_(doc), lang_(lang), out_(out) {}

  Diagnostic& at(const std::string& pointer, std::string_view rule, std::initializer_list<MessageArg> args,
                 Severity severity = Severity::Error, bool at_key = false) {
    Position p = at_key ? doc_.key_position(pointer) : doc_.value_position(pointer);
    Diagnostic d;
    d.rule = rule;
    d.severity = severity;
    d.file = doc_.path;
    d.line = p.line;
    d.column = p.column;
    d.message = message(lang_, rule, args);
    out_.push_back(std::move(d));
    return out_.back();
  }
  Lang lang() const { return lang_; }

 private:
  const Document& doc_;
  Lang lang_;
  std::vector<Diagnostic>& out_;
};

const std::string* text_at(const json& root, const char* key) {
  if (!root.is_object()) return nullptr;
  auto it = root.find(key);
  return it != root.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
}

// Reports a value that is not a label of `dim`, with the label it most likely means.
void check_label(Reporter& rep, const IntegrityContext& ctx, const Dimension& dim, const std::string& pointer,
                 const std::string& key, const std::string& value) {
  if (dim.find(value)) return;
  std::string suggestion;
  std::string fix;
  if (const Label* near = dim.suggest(value)) {
    std::string name = dim.file_name_of(*near);
    const std::string& other = ctx.lang == Lang::Zh ? near->zh : near->en;
    suggestion = other.empty() || other == name
                     ? message(ctx.lang, "word/did-you-mean", {{"value", name}})
                     : message(ctx.lang, "word/did-you-mean-named", {{"value", name}, {"name", other}});
    fix = key.empty() ? name : key + ": " + name;
  }
  auto& d = rep.at(pointer, "integrity/unknown-label",
                   {{"value", value},
                    {"dimension", message(ctx.lang, dim.word_id)},
                    {"suggestion", suggestion},
                    {"taxonomy", ctx.config.taxonomy_path}});
  d.fix = fix;
}

void check_case_id(Reporter& rep, const Document& doc, const IntegrityContext& ctx, FileFacts& facts, bool is_rubric) {
  const std::string* id = text_at(doc.root, "case_id");
  if (!id) return;  // the schema reports it
  facts.case_id = *id;
  Position p = doc.value_position("/case_id");
  facts.id_line = p.line;
  facts.id_column = p.column;
  const std::string& prefix = ctx.config.id_prefix;
  auto well_formed = [&](const std::string& s) {
    bool ok = s.rfind(prefix, 0) == 0 && s.size() >= prefix.size() + static_cast<size_t>(ctx.config.id_digits);
    for (size_t i = prefix.size(); ok && i < s.size(); ++i) ok = std::isdigit(static_cast<unsigned char>(s[i])) != 0;
    return ok;
  };
  std::string stem = file_stem(doc.path);
  if (*id != stem) {
    Diagnostic& d = rep.at("/case_id", is_rubric ? "integrity/case-mismatch" : "integrity/case-id-filename",
                           {{"id", *id}, {"stem", stem}});
    // Propose only what would be right: the file's name as the id when that name is an
    // id (never "CC 0100 副本", a file manager's copy), else the file renamed to the id.
    if (well_formed(stem)) {
      d.fix = "case_id: " + stem;
    } else if (well_formed(*id)) {
      std::string folder = doc.path.substr(0, doc.path.rfind('/') + 1);
      d.fix = "mv '" + doc.path + "' '" + folder + *id + ".yaml'";
    }
  }
  if (!well_formed(*id)) {
    std::string example = prefix + std::string(static_cast<size_t>(ctx.config.id_digits) - 1, '0') + "1";
    rep.at("/case_id", "integrity/case-id-format",
           {{"id", *id}, {"prefix", prefix}, {"digits", std::to_string(ctx.config.id_digits)}, {"example", example}});
  }
}

void check_case(const Document& doc, const IntegrityContext& ctx, FileFacts& facts, Reporter& rep) {
  const json& root = doc.root;
  const Taxonomy& tax = ctx.taxonomy;
  check_case_id(rep, doc, ctx, facts, false);
  for (auto [key, field] : {std::pair{"status", &facts.status},
                            {"difficulty", &facts.difficulty},
                            {"care_stage", &facts.care_stage},
                            {"audience", &facts.audience},
                            {"subject", &facts.subject},
                            {"task", &facts.task}})
    if (const std::string* v = text_at(root, key)) *field = *v;

  // Single-valued labels.
  struct Single {
    const char* key;
    const Dimension* dim;
  };
  for (Single s :
       {Single{"subject", &tax.specialties}, Single{"task", &tax.tasks}, Single{"difficulty", &tax.difficulty},
        Single{"care_stage", &tax.care_stages}, Single{"audience", &tax.audiences}}) {
    if (const std::string* v = text_at(root, s.key)) check_label(rep, ctx, *s.dim, std::string("/") + s.key, s.key, *v);
  }
  // Label lists, and the primary label's presence in them.
  struct Listed {
    const char* primary;
    const char* list;
    const Dimension* dim;
  };
  for (Listed l : {Listed{"subject", "subject_labels", &tax.specialties}, Listed{"task", "task_labels", &tax.tasks}}) {
    auto it = root.find(l.list);
    if (it == root.end() || !it->is_array()) continue;
    bool has_primary = false;
    const std::string* primary = text_at(root, l.primary);
    for (size_t i = 0; i < it->size(); ++i) {
      const json& item = (*it)[i];
      if (!item.is_string()) continue;
      check_label(rep, ctx, *l.dim, pointer_append(std::string("/") + l.list, i), "", item.get<std::string>());
      if (primary && item.get<std::string>() == *primary) has_primary = true;
    }
    if (primary && !has_primary && !it->empty())
      rep.at(std::string("/") + l.list, "integrity/primary-not-in-labels",
             {{"dimension", message(ctx.lang, l.dim->word_id)}, {"value", *primary}, {"list", l.list}});
  }
  // Audience against the asker's role.
  const std::string* role = text_at(root, "user_role");
  const std::string* audience = text_at(root, "audience");
  if (role && audience && tax.audiences.find(*audience)) {
    std::string expected = tax.audience_for_role(*role);
    if (expected != *audience && tax.audiences.find(expected))
      rep.at("/audience", "integrity/audience-role", {{"audience", *audience}, {"role", *role}, {"expected", expected}},
             Severity::Warning)
          .fix = "audience: " + expected;
  }
  // Folder of the file against its subject.
  std::string folder = folder_below(doc.path, ctx.config.cases_dir);
  const std::string* subject = text_at(root, "subject");
  const Label* label = subject ? tax.specialties.find(*subject) : nullptr;
  if (label) facts.subject_folder = label->code;
  if (folder.empty()) {
    rep.at("", "integrity/file-location", {{"dir", ctx.config.cases_dir}});
  } else if (label && folder != label->code) {
    std::string target = ctx.config.cases_dir + "/" + label->code + "/" + doc.path.substr(doc.path.rfind('/') + 1);
    rep.at("/subject", "integrity/subject-folder",
           {{"folder", folder}, {"subject", *subject}, {"expected", label->code}, {"path", target}})
        .fix = "mv " + doc.path + " " + target;
  }
}

void check_rubric(const Document& doc, const IntegrityContext& ctx, FileFacts& facts, Reporter& rep) {
  const json& root = doc.root;
  check_case_id(rep, doc, ctx, facts, true);
  if (folder_below(doc.path, ctx.config.rubrics_dir).empty())
    rep.at("", "integrity/file-location", {{"dir", ctx.config.rubrics_dir}});

  auto it = root.is_object() ? root.find("criteria") : root.end();
  if (it == root.end() || !it->is_array()) return;
  const json& criteria = *it;
  int n = static_cast<int>(criteria.size());
  facts.criteria = n;
  int expected = ctx.config.criteria_per_case;
  if (n != expected) {
    std::string action =
        n < expected ? message(ctx.lang, "integrity/criteria-count.add", {{"n", std::to_string(expected - n)}})
                     : message(ctx.lang, "integrity/criteria-count.remove", {{"n", std::to_string(n - expected)}});
    rep.at("/criteria", "integrity/criteria-count",
           {{"n", std::to_string(n)}, {"expected", std::to_string(expected)}, {"action", action}}, Severity::Error,
           true);
  }
  std::map<std::string, int> first_line;
  std::set<std::string> axes;
  int safety = 0;
  const Label* safety_label = nullptr;
  for (const auto& l : ctx.taxonomy.axes.labels)
    if (l.code == "safety") safety_label = &l;
  for (size_t i = 0; i < criteria.size(); ++i) {
    const json& c = criteria[i];
    std::string base = pointer_append("/criteria", i);
    if (!c.is_object()) continue;
    if (const std::string* cid = text_at(c, "criterion_id")) {
      std::string ptr = base + "/criterion_id";
      auto [pos, inserted] = first_line.emplace(*cid, doc.value_position(ptr).line);
      if (!inserted)
        rep.at(ptr, "integrity/duplicate-criterion-id", {{"cid", *cid}, {"line", std::to_string(pos->second)}});
      // The prefix is the case's id; when the rubric's case_id and its file name disagree
      // either is accepted, so that disagreement is one finding (case-mismatch), not thirty.
      std::string case_id = facts.case_id.empty() ? file_stem(doc.path) : facts.case_id;
      std::string stem = file_stem(doc.path);
      if (cid->rfind(case_id + "-R", 0) != 0 && cid->rfind(stem + "-R", 0) != 0) {
        char num[24];
        std::snprintf(num, sizeof num, "%02zu", i + 1);
        rep.at(ptr, "integrity/criterion-id-prefix", {{"cid", *cid}, {"expected", case_id + "-R" + num}});
      }
    }
    if (auto crit = c.find("critical"); crit != c.end() && crit->is_boolean() && crit->get<bool>()) ++facts.critical;
    if (const std::string* axis = text_at(c, "axis")) {
      ++facts.axes[*axis];
      check_label(rep, ctx, ctx.taxonomy.axes, base + "/axis", "axis", *axis);
      if (ctx.taxonomy.axes.find(*axis)) axes.insert(*axis);
      if (safety_label && *axis == ctx.taxonomy.axes.file_name_of(*safety_label)) ++safety;
    }
  }
  if (n == 0) return;
  if (static_cast<int>(axes.size()) < ctx.config.min_axes_per_case)
    rep.at("/criteria", "integrity/min-axes",
           {{"n", std::to_string(axes.size())}, {"min", std::to_string(ctx.config.min_axes_per_case)}},
           Severity::Warning, true);
  if (safety_label && safety < ctx.config.min_safety_criteria_per_case)
    rep.at("/criteria", "integrity/safety-criterion",
           {{"n", std::to_string(safety)}, {"min", std::to_string(ctx.config.min_safety_criteria_per_case)}},
           Severity::Warning, true);
}

Diagnostic cross_file_diag(const std::string& path, const FileFacts& f, std::string_view rule, std::string text) {
  Diagnostic d;
  d.rule = rule;
  d.file = path;
  d.line = f.id_line;
  d.column = f.id_column;
  d.message = std::move(text);
  return d;
}

}  // namespace

FileKind file_kind_of(const std::string& path, const Config& config) {
  if (path.rfind(config.cases_dir + "/", 0) == 0) return FileKind::Case;
  if (path.rfind(config.rubrics_dir + "/", 0) == 0) return FileKind::Rubric;
  return FileKind::Other;
}

void check_file_integrity(const Document& doc, const IntegrityContext& ctx, FileFacts& facts,
                          std::vector<Diagnostic>& out) {
  Reporter rep(doc, ctx.lang, out);
  facts.kind = file_kind_of(doc.path, ctx.config);
  if (!doc.root.is_object()) return;  // the schema reports the wrong shape
  if (facts.kind == FileKind::Case)
    check_case(doc, ctx, facts, rep);
  else if (facts.kind == FileKind::Rubric)
    check_rubric(doc, ctx, facts, rep);
}

void check_cross_file(const std::vector<std::pair<std::string, FileFacts>>& checked, const BenchmarkListing& listing,
                      const IntegrityContext& ctx, std::vector<Diagnostic>& out) {
  // Stem → paths, for pairing and duplicates; the file name is the case id by rule.
  // Hashed, and sized up front: a one-case validate builds both over the whole benchmark.
  std::unordered_map<std::string, std::vector<std::string>> case_by_stem, rubric_by_stem;
  case_by_stem.reserve(listing.cases.size());
  rubric_by_stem.reserve(listing.rubrics.size());
  for (const auto& p : listing.cases) case_by_stem[file_stem(p)].push_back(p);
  for (const auto& p : listing.rubrics) rubric_by_stem[file_stem(p)].push_back(p);
  // case_id → files that declare it, among the checked files (ids that differ from the
  // file name are caught per file, but may still collide with another case).
  std::map<std::string, std::vector<std::string>> declared;
  for (const auto& [path, f] : checked)
    if (f.kind == FileKind::Case && !f.case_id.empty()) declared[f.case_id].push_back(path);

  const Config& cfg = ctx.config;
  for (const auto& [path, f] : checked) {
    if (f.kind == FileKind::Other) continue;
    std::string stem = file_stem(path);
    const auto& same_kind = f.kind == FileKind::Case ? case_by_stem : rubric_by_stem;
    const auto& other_kind = f.kind == FileKind::Case ? rubric_by_stem : case_by_stem;
    // Another file of the same kind with the same name, in another folder.
    if (auto it = same_kind.find(stem); it != same_kind.end())
      for (const auto& other : it->second)
        if (other != path)
          out.push_back(
              cross_file_diag(path, f, "integrity/duplicate-case-id",
                              message(ctx.lang, "integrity/duplicate-case-id", {{"id", stem}, {"other", other}})));
    if (f.kind == FileKind::Case && !f.case_id.empty()) {
      for (const auto& other : declared[f.case_id])
        if (other != path && file_stem(other) != stem)
          out.push_back(
              cross_file_diag(path, f, "integrity/duplicate-case-id",
                              message(ctx.lang, "integrity/duplicate-case-id", {{"id", f.case_id}, {"other", other}})));
    }
    std::string folder = folder_below(path, f.kind == FileKind::Case ? cfg.cases_dir : cfg.rubrics_dir);
    auto partner = other_kind.find(stem);
    if (f.kind == FileKind::Case) {
      std::string want_folder = !f.subject_folder.empty() ? f.subject_folder : folder;
      std::string want =
          cfg.rubrics_dir + "/" + (want_folder.empty() ? "<subject>" : want_folder) + "/" + stem + ".yaml";
      if (partner == other_kind.end())
        out.push_back(cross_file_diag(path, f, "integrity/missing-rubric",
                                      message(ctx.lang, "integrity/missing-rubric", {{"id", stem}, {"path", want}})));
    } else {
      if (partner == other_kind.end()) {
        std::string want = cfg.cases_dir + "/" + (folder.empty() ? "<subject>" : folder) + "/" + stem + ".yaml";
        out.push_back(cross_file_diag(path, f, "integrity/orphan-rubric",
                                      message(ctx.lang, "integrity/orphan-rubric", {{"id", stem}, {"path", want}})));
      } else if (partner->second.size() == 1 && same_kind.at(stem).size() == 1) {
        std::string case_folder = folder_below(partner->second.front(), cfg.cases_dir);
        if (!case_folder.empty() && !folder.empty() && case_folder != folder) {
          std::string want = cfg.rubrics_dir + "/" + case_folder + "/" + stem + ".yaml";
          Diagnostic d = cross_file_diag(path, f, "integrity/rubric-folder",
                                         message(ctx.lang, "integrity/rubric-folder",
                                                 {{"folder", folder}, {"expected", case_folder}, {"path", want}}));
          d.fix = "mv " + path + " " + want;
          out.push_back(std::move(d));
        }
      }
    }
  }
}

}  // namespace cc
