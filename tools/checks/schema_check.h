#pragma once
// Schema check: validates a Document against one of the project's JSON Schemas with
// valijson, then reduces valijson's chain of errors to the leaf errors a physician can
// act on, each mapped to the line and column of the offending key or value.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostic.h"
#include "core/document.h"
#include "core/messages.h"
#include "core/result.h"

namespace valijson {
class Schema;
}

namespace cc {

class SchemaChecker {
 public:
  // Loads a draft-7 schema file; on failure returns nullopt and appends a diagnostic.
  // `unchecked` lists keywords (subschema pointer, keyword) left out of the check: the
  // ones `schema sync` generates, which the integrity checks report instead
  // (checks/schema_sync.h says why).
  static std::optional<SchemaChecker> load(const std::string& abs_path, const std::string& rel_path, Lang lang,
                                           std::vector<Diagnostic>& diags,
                                           const std::vector<std::pair<std::string, std::string>>& unchecked = {});
  // As load, from the file's bytes already read (or why they could not be): load_project
  // reads each schema file once and shares the bytes.
  static std::optional<SchemaChecker> from_text(const Result<std::string>& text, const std::string& rel_path, Lang lang,
                                                std::vector<Diagnostic>& diags,
                                                const std::vector<std::pair<std::string, std::string>>& unchecked = {});

  // Appends one diagnostic per leaf error of `doc` (rule ids schema/...). Thread-safe.
  void check(const Document& doc, Lang lang, std::vector<Diagnostic>& out) const;

  const nlohmann::json& schema_json() const { return schema_json_; }

 private:
  nlohmann::json schema_json_;
  std::shared_ptr<valijson::Schema> schema_;
};

}  // namespace cc
