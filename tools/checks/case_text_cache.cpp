#include "checks/case_text_cache.h"

#include <charconv>
#include <cstdio>
#include <string_view>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "core/atomic_write.h"
#include "core/version.h"
#include "core/yaml_loader.h"

namespace cc {

namespace {

// The text key depends on the normalisation code, so a cache from another version of the
// tool is not used.
std::string cache_version() { return std::string("case-text/1/") + kToolVersion; }

}  // namespace

CaseTextCache CaseTextCache::load(const std::string& path) {
  // Read on every partial validate, so with simdjson: nlohmann took most of the 54 ms a
  // one-case validate cost at 2,500 cases.
  CaseTextCache cache;
  simdjson::padded_string text;
  if (simdjson::padded_string::load(path).get(text)) return cache;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(text).get(root)) return cache;
  std::string_view version;
  if (root["version"].get(version) || version != cache_version()) return cache;
  simdjson::dom::object entries;
  if (root["entries"].get(entries)) return cache;
  cache.entries_.reserve(entries.size());
  for (auto [identity, e] : entries) {
    // [case_id, status, text key (hex), line, column], read in one pass (array::at walks
    // from the start on every call).
    simdjson::dom::array a;
    if (e.get(a)) continue;
    std::string_view case_id, status, key;
    int64_t line = 0, column = 0;
    size_t n = 0;
    bool ok = true;
    for (simdjson::dom::element item : a) {
      switch (n++) {
        case 0: ok = ok && !item.get(case_id); break;
        case 1: ok = ok && !item.get(status); break;
        case 2: ok = ok && !item.get(key); break;
        case 3: ok = ok && !item.get(line); break;
        case 4: ok = ok && !item.get(column); break;
        default: ok = false;
      }
    }
    if (!ok || n != 5) continue;
    uint64_t text_key = 0;
    auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), text_key, 16);
    if (ec != std::errc() || end != key.data() + key.size() || key.empty()) continue;
    FileFacts& f = cache.entries_.try_emplace(std::string(identity)).first->second.facts;
    f.kind = FileKind::Case;
    f.case_id = case_id;
    f.status = status;
    f.text_key = text_key;
    f.text_line = static_cast<int>(line);
    f.text_column = static_cast<int>(column);
  }
  return cache;
}

const FileFacts* CaseTextCache::find(const std::string& identity) {
  auto it = entries_.find(identity);
  if (it == entries_.end()) return nullptr;
  if (!it->second.used) ++used_count_;
  it->second.used = true;
  return &it->second.facts;
}

void CaseTextCache::put(const std::string& identity, const FileFacts& facts) {
  Entry& e = entries_[identity];
  if (!e.used) ++used_count_;
  e.used = true;
  FileFacts& f = e.facts;
  if (f.kind == FileKind::Case && f.case_id == facts.case_id && f.status == facts.status &&
      f.text_key == facts.text_key && f.text_line == facts.text_line && f.text_column == facts.text_column)
    return;  // already known: nothing to write
  f.kind = FileKind::Case;
  f.case_id = facts.case_id;
  f.status = facts.status;
  f.text_key = facts.text_key;
  f.text_line = facts.text_line;
  f.text_column = facts.text_column;
  dirty_ = true;
}

Result<void> CaseTextCache::save(const std::string& path) const {
  const bool keep_all = entries_.size() <= 3 * used_count_;
  nlohmann::json entries = nlohmann::json::object();
  char hex[17];
  for (const auto& [identity, e] : entries_) {
    if (!keep_all && !e.used) continue;
    const FileFacts& f = e.facts;
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(f.text_key));
    entries[identity] = nlohmann::json::array({f.case_id, f.status, hex, f.text_line, f.text_column});
  }
  nlohmann::json doc{{"version", cache_version()}, {"entries", std::move(entries)}};
  return write_file_atomic(path, doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace cc
