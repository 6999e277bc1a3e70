#pragma once
// Taxonomy: the label sets a case may use (specialties, tasks, tiers, stages,
// audiences, rubric axes, statuses), read from schema/taxonomy.yaml so a maintainer can
// replace them without touching code.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/messages.h"
#include "core/yaml_loader.h"

namespace cc {

struct Label {
  std::string code;                  // ASCII, for paths, flags and reports: "cardiology"
  std::string zh;                    // what case files use for most dimensions: "心血管内科"
  std::string en;                    // for English reports: "Cardiology"
  std::vector<std::string> aliases;  // other common names, for suggestions only: "心内科"
};

// One dimension of the taxonomy and which of a label's names case files write.
struct Dimension {
  enum class Field { Code, Zh };
  std::string key;      // "specialties", "tasks", ...
  std::string word_id;  // message id of its name in prose: "word/specialty"
  Field file_field = Field::Zh;
  std::vector<Label> labels;

  const Label* find(std::string_view file_value) const;
  std::string file_name_of(const Label& l) const { return file_field == Field::Code ? l.code : l.zh; }
  // For an unknown value: the label it most likely means, matching the value against
  // every name (zh, en, code) exactly, then by edit distance.
  const Label* suggest(std::string_view value) const;
  std::vector<std::string> file_names() const;
};

struct Taxonomy {
  Dimension specialties{"specialties", "word/specialty", Dimension::Field::Zh, {}};
  Dimension tasks{"tasks", "word/task", Dimension::Field::Zh, {}};
  Dimension difficulty{"difficulty", "word/difficulty", Dimension::Field::Code, {}};
  Dimension care_stages{"care_stages", "word/care_stage", Dimension::Field::Zh, {}};
  Dimension audiences{"audiences", "word/audience", Dimension::Field::Code, {}};
  Dimension axes{"axes", "word/axis", Dimension::Field::Zh, {}};
  Dimension statuses{"statuses", "word/status", Dimension::Field::Code, {}};
  std::vector<std::string> professional_role_markers;

  // "professional" when the free-text role names a health professional, else "lay".
  std::string audience_for_role(std::string_view user_role) const;
  // Looks a specialty up by any of its names (zh, en, code), for flags like --subject.
  const Label* find_specialty_any(std::string_view name) const;
  const Label* find_task_any(std::string_view name) const;
};

struct TaxonomyLoad {
  std::optional<Taxonomy> taxonomy;
  std::vector<Diagnostic> diagnostics;
  std::string text;  // the file's bytes as read (for a fingerprint, without reading it again)
};

// Loads and checks a taxonomy file (`rel_path` is used in diagnostics).
TaxonomyLoad load_taxonomy(const std::string& abs_path, const std::string& rel_path, Lang lang);

}  // namespace cc
