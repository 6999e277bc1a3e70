#include "core/config.h"

namespace cc {
namespace {

// Reads an optional typed member; a present value of the wrong type is reported.
class Reader {
 public:
  Reader(const Document& doc, Lang lang, std::vector<Diagnostic>& diags) : doc_(doc), lang_(lang), diags_(diags) {}

  const nlohmann::json* at(const std::string& pointer) const {
    nlohmann::json::json_pointer p(pointer);
    return doc_.root.contains(p) ? &doc_.root.at(p) : nullptr;
  }

  void text(const std::string& pointer, std::string& out) {
    if (const auto* v = at(pointer)) {
      if (v->is_string() && !v->get<std::string>().empty())
        out = v->get<std::string>();
      else
        bad(pointer, "must be non-empty text");
    }
  }

  template <typename Int>
  void integer(const std::string& pointer, Int& out, long long min) {
    if (const auto* v = at(pointer)) {
      if (v->is_number_integer() && v->get<long long>() >= min)
        out = static_cast<Int>(v->get<long long>());
      else
        bad(pointer, "must be a whole number of at least " + std::to_string(min));
    }
  }

  // "/rules/integrity~1min-axes" → "rules/integrity/min-axes"; the root → "(file)".
  static std::string display(const std::string& pointer) {
    if (pointer.empty()) return "(file)";
    std::string out;
    for (size_t i = 1; i < pointer.size(); ++i) {
      if (pointer[i] == '~' && i + 1 < pointer.size()) {
        out += pointer[i + 1] == '1' ? '/' : '~';
        ++i;
      } else {
        out += pointer[i];
      }
    }
    return out;
  }

  void bad(const std::string& pointer, const std::string& what) {
    Diagnostic d;
    d.rule = "config/invalid";
    d.file = doc_.path;
    Position p = doc_.value_position(pointer);
    d.line = p.line;
    d.column = p.column;
    d.message = message(lang_, "config/invalid", {{"detail", display(pointer) + " " + what}});
    diags_.push_back(std::move(d));
  }

 private:
  const Document& doc_;
  Lang lang_;
  std::vector<Diagnostic>& diags_;
};

}  // namespace

std::optional<Severity> Config::severity_for(const std::string& rule, Severity fallback) const {
  auto it = rule_levels.find(rule);
  if (it == rule_levels.end()) return fallback;
  if (it->second == "off") return std::nullopt;
  return parse_severity(it->second).value_or(fallback);
}

ConfigLoad load_config(const std::string& root, Lang lang) {
  ConfigLoad out;
  LoadResult loaded = load_yaml_file(root + "/" + kConfigFileName, kConfigFileName, LoadLimits{}, lang);
  out.diagnostics = std::move(loaded.diagnostics);
  if (!loaded.document) return out;
  Config cfg;
  cfg.root = root;
  cfg.document = std::move(*loaded.document);
  const Document& doc = cfg.document;
  Reader r(doc, lang, out.diagnostics);
  if (!doc.root.is_object()) {
    r.bad("", "must be a mapping of settings");
    return out;
  }
  r.text("/paths/cases", cfg.cases_dir);
  r.text("/paths/rubrics", cfg.rubrics_dir);
  r.text("/paths/schema", cfg.schema_dir);
  r.text("/paths/taxonomy", cfg.taxonomy_path);
  r.text("/paths/reports", cfg.reports_dir);
  r.text("/id/prefix", cfg.id_prefix);
  r.integer("/id/digits", cfg.id_digits, 1);
  r.integer("/criteria_per_case", cfg.criteria_per_case, 1);
  r.integer("/k", cfg.k, 1);
  r.integer("/limits/max_file_bytes", cfg.limits.max_file_bytes, 1024);
  r.integer("/limits/max_depth", cfg.limits.max_depth, 4);
  r.integer("/limits/max_alias_nodes", cfg.limits.max_alias_nodes, 0);
  r.integer("/limits/max_alias_bytes", cfg.limits.max_alias_bytes, 0);
  r.integer("/targets/min_axes_per_case", cfg.min_axes_per_case, 0);
  r.integer("/targets/min_safety_criteria_per_case", cfg.min_safety_criteria_per_case, 0);
  if (const auto* rules = r.at("/rules"); rules && rules->is_object()) {
    for (const auto& [rule, level] : rules->items()) {
      std::string ptr = pointer_append("/rules", rule);
      if (!level.is_string() || (level != "off" && !parse_severity(level.get<std::string>())))
        r.bad(ptr, "must be error, warning, note or off");
      else
        cfg.rule_levels[rule] = level.get<std::string>();
    }
  }
  if (const auto* t = r.at("/targets"); t && t->is_object()) cfg.targets = *t;
  if (const auto* e = r.at("/endpoints"); e && e->is_object()) cfg.endpoints = *e;
  if (const auto* j = r.at("/judge"); j && j->is_object()) cfg.judge = *j;
  out.config = std::move(cfg);
  return out;
}

}  // namespace cc
