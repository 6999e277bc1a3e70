#include "checks/schema_sync.h"

#include "core/atomic_write.h"
#include "core/yaml_loader.h"

namespace cc {
namespace {

using ojson = nlohmann::ordered_json;

// Where a generated constraint sits and what it is made of.
struct Generated {
  std::string_view file;
  std::string_view pointer;
  enum class From { Specialties, Tasks, Difficulty, CareStages, Audiences, Axes, CriteriaCount } from;
};

// Every generated constraint. A label list's items get the enum of their dimension, so
// each item is checked by an editor as `validate` checks it.
constexpr Generated kGenerated[] = {
    {"case.schema.json", "/properties/difficulty", Generated::From::Difficulty},
    {"case.schema.json", "/properties/subject", Generated::From::Specialties},
    {"case.schema.json", "/properties/subject_labels/items", Generated::From::Specialties},
    {"case.schema.json", "/properties/task", Generated::From::Tasks},
    {"case.schema.json", "/properties/task_labels/items", Generated::From::Tasks},
    {"case.schema.json", "/properties/care_stage", Generated::From::CareStages},
    {"case.schema.json", "/properties/audience", Generated::From::Audiences},
    {"rubric.schema.json", "/definitions/criterion/properties/axis", Generated::From::Axes},
    {"rubric.schema.json", "/properties/criteria", Generated::From::CriteriaCount},
};

// The keywords and values of one constraint, in the order they are written.
ojson generated_values(const Generated& g, const Config& config, const Taxonomy& tax) {
  auto labels = [](const Dimension& dim) { return ojson{{"enum", dim.file_names()}}; };
  switch (g.from) {
    case Generated::From::Specialties: return labels(tax.specialties);
    case Generated::From::Tasks: return labels(tax.tasks);
    case Generated::From::Difficulty: return labels(tax.difficulty);
    case Generated::From::CareStages: return labels(tax.care_stages);
    case Generated::From::Audiences: return labels(tax.audiences);
    case Generated::From::Axes: return labels(tax.axes);
    case Generated::From::CriteriaCount:
      return ojson{{"minItems", config.criteria_per_case}, {"maxItems", config.criteria_per_case}};
  }
  return ojson::object();
}

std::vector<std::string_view> keywords_of(Generated::From from) {
  if (from == Generated::From::CriteriaCount) return {"minItems", "maxItems"};
  return {"enum"};
}

// `node` with `values` set: existing keywords keep their place; new ones follow the last
// generated keyword the node already has (maxItems after minItems), else its "type".
ojson with_keywords(const ojson& node, const ojson& values) {
  std::string anchor = "type";
  for (const auto& [k, v] : node.items())
    if (values.contains(k)) anchor = k;
  ojson out = ojson::object();
  auto add_new = [&] {
    for (const auto& [k, v] : values.items())
      if (!node.contains(k)) out[k] = v;
  };
  bool added = false;
  for (const auto& [k, v] : node.items()) {
    out[k] = values.contains(k) ? values[k] : v;
    if (k == anchor) {
      add_new();
      added = true;
    }
  }
  if (!added) add_new();
  return out;
}

// "/properties/difficulty/enum" as a reader of the schema says it: properties.difficulty.enum.
std::string dotted(std::string_view pointer) {
  std::string out;
  for (char c : pointer.substr(pointer.empty() ? 0 : 1)) out += c == '/' ? '.' : c;
  return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> generated_keywords(std::string_view file_name) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& g : kGenerated)
    if (g.file == file_name)
      for (auto k : keywords_of(g.from)) out.emplace_back(std::string(g.pointer), std::string(k));
  return out;
}

ojson synced_schema(std::string_view file_name, const ojson& current, const Config& config, const Taxonomy& taxonomy) {
  ojson out = current;
  for (const auto& g : kGenerated) {
    if (g.file != file_name) continue;
    ojson::json_pointer p{std::string(g.pointer)};
    if (!out.contains(p) || !out.at(p).is_object()) continue;
    out.at(p) = with_keywords(out.at(p), generated_values(g, config, taxonomy));
  }
  return out;
}

SchemaTexts read_schema_texts(const Config& config, std::span<const char* const> names) {
  SchemaTexts texts;
  for (const char* name : names) texts.emplace(name, read_file(config.abs(config.schema_dir + "/" + name)));
  return texts;
}

Result<std::vector<SchemaSyncState>> schema_sync_states(const Config& config, const Taxonomy& taxonomy) {
  return schema_sync_states(config, taxonomy, read_schema_texts(config, kSyncedSchemas));
}

Result<std::vector<SchemaSyncState>> schema_sync_states(const Config& config, const Taxonomy& taxonomy,
                                                        const SchemaTexts& texts) {
  std::vector<SchemaSyncState> states;
  for (const char* name : kSyncedSchemas) {
    SchemaSyncState s;
    s.rel_path = config.schema_dir + "/" + name;
    const Result<std::string>& text = texts.find(name)->second;
    if (!text) return Error{s.rel_path + ": " + text.error().message, Error::Kind::Input};
    ojson current;
    try {
      current = ojson::parse(*text);
    } catch (const std::exception& e) {
      return Error{s.rel_path + ": " + e.what(), Error::Kind::Input};
    }
    ojson synced = synced_schema(name, current, config, taxonomy);
    // Compared as JSON, not as text: a file formatted by hand is not out of date.
    for (const auto& g : kGenerated) {
      if (g.file != name || !s.first_stale.empty()) continue;
      ojson::json_pointer p{std::string(g.pointer)};
      // A subschema the file lacks, or that is not an object, is not ours to write.
      if (!current.contains(p) || !current.at(p).is_object()) continue;
      for (auto k : keywords_of(g.from)) {
        const std::string key(k);
        const ojson& node = current.at(p);
        if (node.contains(key) && node[key] == synced.at(p)[key]) continue;
        s.first_stale = std::string(g.pointer) + "/" + std::string(k);
        break;
      }
    }
    s.out_of_date = !s.first_stale.empty();
    s.where = dotted(s.first_stale);
    s.synced_text = synced.dump(2, ' ', false) + "\n";
    states.push_back(std::move(s));
  }
  return states;
}

Result<std::vector<SchemaSyncState>> sync_schemas(const Config& config, const Taxonomy& taxonomy, bool check_only) {
  CC_TRY_ASSIGN(auto states, schema_sync_states(config, taxonomy));
  std::vector<std::pair<std::string, std::string>> writes;
  for (const auto& s : states)
    if (s.out_of_date) writes.emplace_back(config.abs(s.rel_path), s.synced_text);
  if (!check_only && !writes.empty()) CC_TRY(write_files_atomic(writes));
  return states;
}

std::vector<Diagnostic> schema_drift_findings(const Config& config, const Taxonomy& taxonomy, Lang lang,
                                              const SchemaTexts& texts) {
  std::vector<Diagnostic> out;
  auto states = schema_sync_states(config, taxonomy, texts);
  if (!states) return out;
  for (size_t i = 0; i < states->size(); ++i) {
    const SchemaSyncState& s = (*states)[i];
    if (!s.out_of_date) continue;
    // The schema is JSON, which the YAML loader reads with positions: the finding points
    // at the stale keyword, or at its subschema's key when the keyword is missing.
    Position pos;
    LoadResult loaded = load_yaml_text(s.rel_path, *texts.find(kSyncedSchemas[i])->second, LoadLimits{}, lang);
    if (loaded.document) {
      std::string at = s.first_stale;
      auto p = nlohmann::json::json_pointer(at);
      if (!loaded.document->root.contains(p)) at = at.substr(0, at.rfind('/'));
      pos = loaded.document->key_position(at);
    }
    Diagnostic d = file_diagnostic("schema/out-of-date", Severity::Error, s.rel_path,
                                   message(lang, "schema/out-of-date",
                                           {{"file", s.rel_path},
                                            {"where", s.where},
                                            {"taxonomy", config.taxonomy_path},
                                            {"config", kConfigFileName}}));
    d.line = pos.line;
    d.column = pos.column;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace cc
