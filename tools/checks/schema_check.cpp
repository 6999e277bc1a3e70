#include "checks/schema_check.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <string_view>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "checks/schema_detail.h"
#include "core/suggest.h"
#include "core/yaml_loader.h"

namespace cc {
namespace {

using json = nlohmann::json;

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// True when `v` is a float with no fractional part that an integer type can hold (2.0, 1e0).
bool is_whole_float(const json& v) {
  if (!v.is_number_float()) return false;
  double d = v.get<double>();
  return std::isfinite(d) && std::trunc(d) == d && d >= -9.2e18 && d <= 1.8e19;
}

// True when `v` holds a whole float anywhere.
bool has_whole_float(const json& v) {
  if (is_whole_float(v)) return true;
  if (v.is_structured())
    for (const auto& child : v)
      if (has_whole_float(child)) return true;
  return false;
}

// Draft-07 counts a number with a zero fraction as an integer, whatever its spelling
// (ajv and editors accept `revision: 2.0`); valijson goes by how nlohmann stores it. `v`
// with every whole float stored as an integer: the same numbers, checked as the draft says.
void store_whole_floats_as_integers(json& v) {
  if (is_whole_float(v)) {
    double d = v.get<double>();
    if (d < 0)
      v = static_cast<std::int64_t>(d);
    else
      v = static_cast<std::uint64_t>(d);
    return;
  }
  if (v.is_structured())
    for (auto& child : v) store_whole_floats_as_integers(child);
}

// The text between the last pair of single quotes in a valijson message.
std::string quoted_name(const std::string& description) {
  size_t close = description.rfind('\'');
  if (close == std::string::npos || close == 0) return "";
  size_t open = description.rfind('\'', close - 1);
  if (open == std::string::npos) return "";
  return description.substr(open + 1, close - open - 1);
}

// The first whole number in a valijson message ("... no fewer than 1 elements.").
std::string first_number(const std::string& s) {
  size_t i = s.find_first_of("0123456789");
  if (i == std::string::npos) return "";
  size_t j = s.find_first_not_of("0123456789", i);
  return s.substr(i, j - i);
}

// One step down from `schema` towards a child, resolving local $refs.
const json* resolve_ref(const json& root, const json* schema) {
  for (int guard = 0; schema && schema->is_object() && schema->contains("$ref") && guard < 16; ++guard) {
    std::string ref = (*schema)["$ref"].get<std::string>();
    if (!starts_with(ref, "#")) return nullptr;
    json::json_pointer p(ref.substr(1));
    schema = root.contains(p) ? &root.at(p) : nullptr;
  }
  return schema;
}

// A data path as valijson reports it: the JSON pointer, the keys/indices, and the schema
// that applies at its end (nullptr when the schema does not describe it).
struct Located {
  std::string pointer;
  std::string display;   // "criteria[3].axis"
  std::string last_key;  // last object key on the path ("" at the root or an array item)
  const json* schema = nullptr;
};

Located locate(const json& schema_root, const json& data, const std::vector<std::string>& context) {
  Located loc;
  const json* node = &data;
  const json* schema = resolve_ref(schema_root, &schema_root);
  for (size_t i = 1; i < context.size(); ++i) {  // context[0] is "<root>"
    std::string token = context[i];
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']') token = token.substr(1, token.size() - 2);
    if (node && node->is_array()) {
      size_t index = std::strtoul(token.c_str(), nullptr, 10);
      loc.pointer = pointer_append(loc.pointer, index);
      loc.display += "[" + std::to_string(index) + "]";
      node = index < node->size() ? &(*node)[index] : nullptr;
      schema = schema && schema->contains("items") ? resolve_ref(schema_root, &(*schema)["items"]) : nullptr;
    } else {
      loc.pointer = pointer_append(loc.pointer, token);
      if (!loc.display.empty()) loc.display += '.';
      loc.display += token;
      loc.last_key = token;
      node = node && node->is_object() && node->contains(token) ? &(*node)[token] : nullptr;
      const json* next = nullptr;
      if (schema && schema->contains("properties") && (*schema)["properties"].contains(token))
        next = &(*schema)["properties"][token];
      else if (schema && schema->contains("additionalProperties") && (*schema)["additionalProperties"].is_object())
        next = &(*schema)["additionalProperties"];
      schema = resolve_ref(schema_root, next);
    }
  }
  loc.schema = schema;
  if (loc.display.empty()) loc.display = "(file)";
  return loc;
}

std::string type_word(Lang lang, const std::string& type) { return message(lang, "word/" + type); }

std::string json_type_of(const json& v) {
  switch (v.type()) {
    case json::value_t::object: return "object";
    case json::value_t::array: return "array";
    case json::value_t::string: return "string";
    case json::value_t::boolean: return "boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "integer";
    case json::value_t::number_float: return "number";
    default: return "null";
  }
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

std::string scalar_text(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// Messages that only say "a child failed"; their children carry the useful leaf error.
bool is_wrapper(const std::string& d) {
  return starts_with(d, "Failed to validate item #") ||
         starts_with(d, "Failed to validate against schema associated") ||
         starts_with(d, "Failed to validate against additional properties schema") ||
         starts_with(d, "Failed to validate against child schema") ||
         starts_with(d, "Failed to validate against dependent schema");
}

class LeafMapper {
 public:
  LeafMapper(const json& schema_root, const Document& doc, Lang lang)
      : schema_root_(schema_root), doc_(doc), lang_(lang) {}

  // Where a key missing at the top belongs: at the file's first key, not at line 1,
  // which holds the editor's modeline comment. 1:1 when the file has no key.
  Position first_key_position() const {
    Position first{1, 1};
    bool any = false;
    if (doc_.root.is_object())
      for (const auto& [field, v] : doc_.root.items()) {
        Position p = doc_.key_position(pointer_append("", field));
        if (p.line < 1) continue;
        if (!any || p.line < first.line || (p.line == first.line && p.column < first.column)) first = p;
        any = true;
      }
    return first;
  }

  std::vector<Diagnostic> map(const valijson::ValidationResults::Error& err) const {
    const std::string& desc = err.description;
    if (is_wrapper(desc)) return {};
    Located loc = locate(schema_root_, doc_.root, err.context);
    const json* value =
        doc_.root.contains(json::json_pointer(loc.pointer)) ? &doc_.root.at(json::json_pointer(loc.pointer)) : nullptr;
    Diagnostic d;
    Position pos = doc_.value_position(loc.pointer);
    if (starts_with(desc, "Missing required property")) {
      std::string field = quoted_name(desc);
      std::string hint;
      if (lang_ == Lang::En && loc.schema && loc.schema->contains("properties") &&
          (*loc.schema)["properties"].contains(field)) {
        const json& prop = *resolve_ref(schema_root_, &(*loc.schema)["properties"][field]);
        if (prop.contains("description")) hint = " (" + prop["description"].get<std::string>() + ")";
      }
      d.rule = "schema/required";
      pos = loc.pointer.empty() ? first_key_position() : doc_.key_position(loc.pointer);
      d.message = message(lang_, d.rule, {{"field", field}, {"hint_en", hint}});
    } else if (starts_with(desc, "Object contains a property that could not be validated")) {
      // valijson names only the first unknown key of an object; report them all.
      std::vector<std::string> allowed;
      if (loc.schema && loc.schema->contains("properties"))
        for (const auto& [k, v] : (*loc.schema)["properties"].items()) allowed.push_back(k);
      std::vector<Diagnostic> all;
      if (value && value->is_object()) {
        for (const auto& [field, v] : value->items()) {
          if (std::find(allowed.begin(), allowed.end(), field) != allowed.end()) continue;
          Diagnostic u;
          std::string suggestion;
          if (auto near = nearest(field, allowed)) {
            suggestion = message(lang_, "word/did-you-mean", {{"value", *near}});
            u.fix = field + " → " + *near;
          }
          u.rule = "schema/unknown-key";
          u.file = doc_.path;
          Position p = doc_.key_position(pointer_append(loc.pointer, field));
          u.line = p.line;
          u.column = p.column;
          u.message =
              message(lang_, u.rule, {{"field", field}, {"suggestion", suggestion}, {"allowed", join(allowed, ", ")}});
          all.push_back(std::move(u));
        }
      }
      return all;
    } else if (starts_with(desc, "Value type not permitted")) {
      std::vector<std::string> expected;
      if (loc.schema && loc.schema->contains("type")) {
        const json& t = (*loc.schema)["type"];
        if (t.is_string())
          expected.push_back(type_word(lang_, t.get<std::string>()));
        else
          for (const auto& x : t) expected.push_back(type_word(lang_, x.get<std::string>()));
      }
      d.rule = "schema/type";
      d.message = message(lang_, d.rule,
                          {{"field", loc.display},
                           {"expected", join(expected, message(lang_, "word/or"))},
                           {"actual", value ? type_word(lang_, json_type_of(*value)) : "?"}});
    } else if (starts_with(desc, "Failed to match against any enum values")) {
      std::vector<std::string> allowed;
      if (loc.schema && loc.schema->contains("enum"))
        for (const auto& x : (*loc.schema)["enum"]) allowed.push_back(scalar_text(x));
      d.rule = "schema/enum";
      std::string v = value ? scalar_text(*value) : "";
      if (value && value->is_string())
        if (auto near = nearest(v, allowed)) d.fix = loc.last_key + ": " + *near;
      d.message = message(lang_, d.rule, {{"value", v}, {"field", loc.display}, {"allowed", join(allowed, ", ")}});
    } else if (starts_with(desc, "Failed to match regex specified by 'pattern'")) {
      std::string hint;
      if (loc.schema && loc.schema->contains("description") && lang_ == Lang::En)
        hint = " (" + (*loc.schema)["description"].get<std::string>() + ")";
      d.rule = "schema/pattern";
      d.message =
          message(lang_, d.rule, {{"value", value ? scalar_text(*value) : ""}, {"field", loc.display}, {"hint", hint}});
    } else if (starts_with(desc, "Array should contain no fewer than")) {
      d.rule = "schema/min-items";
      d.message = message(lang_, d.rule, {{"field", loc.display}, {"n", first_number(desc)}});
    } else if (starts_with(desc, "Array should contain no more than")) {
      d.rule = "schema/max-items";
      d.message = message(lang_, d.rule, {{"field", loc.display}, {"n", first_number(desc)}});
    } else if (starts_with(desc, "String should be no fewer than")) {
      d.rule = "schema/min-length";
      d.message = message(lang_, d.rule, {{"field", loc.display}});
    } else if (starts_with(desc, "String should be no more than")) {
      d.rule = "schema/max-length";
      d.message = message(lang_, d.rule, {{"field", loc.display}});
    } else if (starts_with(desc, "Elements at indexes #")) {
      size_t a = std::strtoul(desc.c_str() + desc.find('#') + 1, nullptr, 10);
      size_t b = std::strtoul(desc.c_str() + desc.rfind('#') + 1, nullptr, 10);
      d.rule = "schema/unique-items";
      pos = doc_.value_position(pointer_append(loc.pointer, std::max(a, b)));
      d.message = message(lang_, d.rule,
                          {{"field", loc.display},
                           {"a", std::to_string(std::min(a, b) + 1)},
                           {"b", std::to_string(std::max(a, b) + 1)}});
    } else if (starts_with(desc, "Expected number")) {
      d.rule = "schema/range";
      d.message = message(lang_, d.rule, {{"field", loc.display}, {"detail", range_detail(desc, lang_)}});
    } else {
      d.rule = "schema/invalid";
      d.message = message(lang_, d.rule, {{"field", loc.display}, {"detail", invalid_detail(desc, lang_)}});
    }
    d.file = doc_.path;
    d.line = pos.line;
    d.column = pos.column;
    return {std::move(d)};
  }

 private:
  const json& schema_root_;
  const Document& doc_;
  Lang lang_;
};

}  // namespace

std::optional<SchemaChecker> SchemaChecker::load(const std::string& abs_path, const std::string& rel_path, Lang lang,
                                                 std::vector<Diagnostic>& diags,
                                                 const std::vector<std::pair<std::string, std::string>>& unchecked) {
  return from_text(read_file(abs_path), rel_path, lang, diags, unchecked);
}

std::optional<SchemaChecker> SchemaChecker::from_text(
    const Result<std::string>& text, const std::string& rel_path, Lang lang, std::vector<Diagnostic>& diags,
    const std::vector<std::pair<std::string, std::string>>& unchecked) {
  auto fail = [&](const std::string& detail) {
    Diagnostic d;
    d.rule = "schema/unusable";
    d.file = rel_path;
    d.message = message(lang, "schema/unusable", {{"file", rel_path}, {"detail", detail}});
    diags.push_back(std::move(d));
    return std::nullopt;
  };
  if (!text) return fail(text.error().message);
  SchemaChecker checker;
  try {
    checker.schema_json_ = json::parse(*text);
    for (const auto& [pointer, keyword] : unchecked) {
      json::json_pointer p(pointer);
      if (checker.schema_json_.contains(p) && checker.schema_json_.at(p).is_object())
        checker.schema_json_.at(p).erase(keyword);
    }
    checker.schema_ = std::make_shared<valijson::Schema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(checker.schema_json_);
    parser.populateSchema(adapter, *checker.schema_);
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  return checker;
}

void SchemaChecker::check(const Document& doc, Lang lang, std::vector<Diagnostic>& out) const {
  // valijson caches compiled patterns inside the validator; one per thread keeps it safe.
  thread_local valijson::Validator validator;
  valijson::ValidationResults results;
  json whole;  // doc.root with whole floats as integers, only when it has any
  if (has_whole_float(doc.root)) {
    whole = doc.root;
    store_whole_floats_as_integers(whole);
  }
  valijson::adapters::NlohmannJsonAdapter target(whole.is_null() ? doc.root : whole);
  if (validator.validate(*schema_, target, &results)) return;
  LeafMapper mapper(schema_json_, doc, lang);
  std::set<std::tuple<int, int, std::string>> seen;
  valijson::ValidationResults::Error err;
  while (results.popError(err)) {
    for (auto& d : mapper.map(err)) {
      if (!seen.emplace(d.line, d.column, d.rule + d.message).second) continue;
      out.push_back(std::move(d));
    }
  }
}

}  // namespace cc
