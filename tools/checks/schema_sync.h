#pragma once
// Schema sync: the constraints of the case and rubric JSON Schemas that come from
// schema/taxonomy.yaml and clinconsensus.yaml — the enums of every label field and the
// criteria count — so an editor (yaml-language-server) or ajv rejects `difficulty:
// extreme` or a 29-criterion rubric as `validate` does. `clinconsensus schema sync`
// writes them; `validate` reports a schema file whose generated constraints drifted
// (schema/out-of-date).
//
// `validate` itself never checks these generated keywords against a file: the integrity
// checks (integrity/unknown-label, integrity/criteria-count) report the same values with
// better words (did-you-mean from every name, code and alias; how many criteria to add or
// remove), against the taxonomy and config in force even while the schema files are
// stale. So one wrong value gives one finding, never a schema/enum beside it.
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config.h"
#include "core/diagnostic.h"
#include "core/messages.h"
#include "core/result.h"
#include "core/taxonomy.h"

namespace cc {

// The schema files that carry generated constraints, by name inside the schema folder.
inline constexpr const char* kSyncedSchemas[] = {"case.schema.json", "rubric.schema.json"};

// The keywords `schema sync` owns in schema file `file_name`: (JSON pointer of the
// subschema, keyword), e.g. ("/properties/difficulty", "enum"). Empty for other files.
std::vector<std::pair<std::string, std::string>> generated_keywords(std::string_view file_name);

// What one schema file should be: `current` (its parsed text) with every generated
// keyword set from `config` and `taxonomy`. Keys keep their order; a generated keyword
// the file lacks goes right after the subschema's "type". A pointer the schema does not
// have is left alone (that field is not part of this schema).
nlohmann::ordered_json synced_schema(std::string_view file_name, const nlohmann::ordered_json& current,
                                     const Config& config, const Taxonomy& taxonomy);

// The bytes of schema files, by name inside the schema folder ("case.schema.json"), or why
// a file could not be read. load_project reads each file once and hands the bytes to the
// schema checkers, the fingerprint and the drift check.
using SchemaTexts = std::map<std::string, Result<std::string>, std::less<>>;

// Reads the files `names` of the project's schema folder.
SchemaTexts read_schema_texts(const Config& config, std::span<const char* const> names);

// One schema file's state against the taxonomy and config.
struct SchemaSyncState {
  std::string rel_path;      // "schema/case.schema.json"
  bool out_of_date = false;  // a generated keyword differs (formatting alone never counts)
  std::string first_stale;   // pointer of the first differing keyword: "/properties/difficulty/enum"
  std::string where;         // the same as a reader says it: "properties.difficulty.enum"
  std::string synced_text;   // the file as `schema sync` writes it (2-space JSON, final newline)
};

// Reads every synced schema file of the project and compares it with what the taxonomy
// and config give. An Error names a file that cannot be read or is not JSON.
Result<std::vector<SchemaSyncState>> schema_sync_states(const Config& config, const Taxonomy& taxonomy);
// As above, from the files' bytes in `texts` (which holds every kSyncedSchemas name).
Result<std::vector<SchemaSyncState>> schema_sync_states(const Config& config, const Taxonomy& taxonomy,
                                                        const SchemaTexts& texts);

// `clinconsensus schema sync`: the states as schema_sync_states finds them, with every
// out-of-date file rewritten (all in one atomic step, core/atomic_write) unless
// `check_only`. Files already in sync are never touched, so a second run writes nothing.
Result<std::vector<SchemaSyncState>> sync_schemas(const Config& config, const Taxonomy& taxonomy, bool check_only);

// The schema/out-of-date findings of a project, one per stale schema file, at the first
// stale keyword; none when a schema cannot be read (schema/unusable says that). `texts`
// holds the bytes of every kSyncedSchemas file.
std::vector<Diagnostic> schema_drift_findings(const Config& config, const Taxonomy& taxonomy, Lang lang,
                                              const SchemaTexts& texts);

}  // namespace cc
