#include "checks/result_cache.h"

#include <charconv>

#include <xxhash.h>

#include "core/atomic_write.h"
#include "core/yaml_loader.h"

namespace cc {

uint64_t content_hash(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

ResultCache ResultCache::load(const std::string& path, uint64_t fingerprint) {
  ResultCache cache;
  cache.fingerprint_ = fingerprint;
  auto text = read_file(path);
  if (!text) return cache;
  nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("fingerprint", std::string()) != std::to_string(fingerprint) ||
      !j.contains("files") || !j["files"].is_object())
    return cache;
  for (auto& [file, entry] : j["files"].items()) {
    if (!entry.is_object() || !entry.contains("hash") || !entry["hash"].is_string()) continue;
    const std::string& hex = entry["hash"].get_ref<const std::string&>();
    uint64_t hash = 0;
    auto [ptr, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), hash, 16);
    if (ec != std::errc() || ptr != hex.data() + hex.size() || hex.empty()) continue;
    auto result = file_result_from_json(entry);
    if (!result) continue;
    cache.entries_[file] = Entry{hash, std::move(*result)};
  }
  return cache;
}

const FileResult* ResultCache::find(const std::string& rel_path, uint64_t hash) const {
  auto it = entries_.find(rel_path);
  return it != entries_.end() && it->second.hash == hash ? &it->second.result : nullptr;
}

void ResultCache::put(const std::string& rel_path, uint64_t hash, FileResult result) {
  entries_[rel_path] = Entry{hash, std::move(result)};
  dirty_ = true;
}

Result<void> ResultCache::save(const std::string& path) const {
  nlohmann::json files = nlohmann::json::object();
  char hex[17];
  for (const auto& [file, entry] : entries_) {
    nlohmann::json e = file_result_to_json(entry.result);
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(entry.hash));
    e["hash"] = hex;
    files[file] = std::move(e);
  }
  nlohmann::json doc{{"fingerprint", std::to_string(fingerprint_)}, {"files", std::move(files)}};
  return write_file_atomic(path, doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace cc
