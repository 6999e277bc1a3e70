#include "core/taxonomy.h"

#include <algorithm>

#include "core/suggest.h"

namespace cc {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

const Label* find_any(const Dimension& dim, std::string_view name) {
  for (const auto& l : dim.labels)
    if (l.zh == name || iequals(l.code, name) || iequals(l.en, name)) return &l;
  return nullptr;
}

const Label* find_alias(const Dimension& dim, std::string_view name) {
  for (const auto& l : dim.labels)
    for (const auto& a : l.aliases)
      if (iequals(a, name)) return &l;
  return nullptr;
}

}  // namespace

const Label* Dimension::find(std::string_view file_value) const {
  for (const auto& l : labels)
    if ((file_field == Field::Code ? l.code : l.zh) == file_value) return &l;
  return nullptr;
}

std::vector<std::string> Dimension::file_names() const {
  std::vector<std::string> out;
  out.reserve(labels.size());
  for (const auto& l : labels) out.push_back(file_name_of(l));
  return out;
}

const Label* Dimension::suggest(std::string_view value) const {
  if (const Label* exact = find_any(*this, value)) return exact;
  if (const Label* alias = find_alias(*this, value)) return alias;
  std::vector<std::string> names;
  std::vector<const Label*> owners;
  for (const auto& l : labels) {
    for (const std::string* n : {&l.zh, &l.en, &l.code}) {
      if (n->empty()) continue;
      names.push_back(*n);
      owners.push_back(&l);
    }
  }
  auto best = nearest(value, names);
  if (!best) return nullptr;
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == *best) return owners[i];
  return nullptr;
}

std::string Taxonomy::audience_for_role(std::string_view user_role) const {
  for (const auto& m : professional_role_markers)
    if (!m.empty() && user_role.find(m) != std::string_view::npos) return "professional";
  return "lay";
}

const Label* Taxonomy::find_specialty_any(std::string_view name) const {
  const Label* l = find_any(specialties, name);
  return l ? l : find_alias(specialties, name);
}
const Label* Taxonomy::find_task_any(std::string_view name) const { return find_any(tasks, name); }

TaxonomyLoad load_taxonomy(const std::string& abs_path, const std::string& rel_path, Lang lang) {
  TaxonomyLoad out;
  LoadResult loaded = load_yaml_file(abs_path, rel_path, LoadLimits{}, lang);
  out.diagnostics = std::move(loaded.diagnostics);
  if (!loaded.document) return out;
  const Document& doc = *loaded.document;
  out.text = doc.text;

  auto fail = [&](const std::string& pointer, const std::string& detail) {
    Diagnostic d;
    d.rule = "taxonomy/invalid";
    d.file = rel_path;
    Position p = doc.value_position(pointer);
    d.line = p.line;
    d.column = p.column;
    d.message = message(lang, "taxonomy/invalid", {{"detail", detail}});
    out.diagnostics.push_back(std::move(d));
  };

  if (!doc.root.is_object()) {
    fail("", "must be a mapping of dimensions");
    return out;
  }
  Taxonomy tax;
  for (Dimension* dim :
       {&tax.specialties, &tax.tasks, &tax.difficulty, &tax.care_stages, &tax.audiences, &tax.axes, &tax.statuses}) {
    std::string ptr = "/" + dim->key;
    auto it = doc.root.find(dim->key);
    if (it == doc.root.end() || !it->is_array() || it->empty()) {
      fail(ptr, "'" + dim->key + "' must be a non-empty list of {code, zh, en}");
      continue;
    }
    for (size_t i = 0; i < it->size(); ++i) {
      const auto& item = (*it)[i];
      std::string ip = pointer_append(ptr, i);
      if (!item.is_object() || !item.contains("code") || !item.contains("zh") || !item["code"].is_string() ||
          !item["zh"].is_string()) {
        fail(ip, "entry needs text fields code and zh (and en)");
        continue;
      }
      Label l{item["code"].get<std::string>(),
              item["zh"].get<std::string>(),
              item.contains("en") && item["en"].is_string() ? item["en"].get<std::string>() : "",
              {}};
      std::string name = dim->file_name_of(l);
      if (dim->find(name)) {
        fail(ip, "'" + name + "' appears twice in " + dim->key);
        continue;
      }
      if (auto a = item.find("aliases"); a != item.end() && a->is_array())
        for (const auto& x : *a)
          if (x.is_string()) l.aliases.push_back(x.get<std::string>());
      dim->labels.push_back(std::move(l));
    }
  }
  if (auto it = doc.root.find("professional_role_markers"); it != doc.root.end() && it->is_array()) {
    for (const auto& m : *it)
      if (m.is_string()) tax.professional_role_markers.push_back(m.get<std::string>());
  }
  if (count_diagnostics(out.diagnostics).errors == 0) out.taxonomy = std::move(tax);
  return out;
}

}  // namespace cc
