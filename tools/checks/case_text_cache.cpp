#include "checks/case_text_cache.h"

#include <sys/stat.h>

#include <charconv>

#include <openssl/evp.h>

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
  for (auto [identity, e] : entries) {
    // [case_id, status, text key (hex), line, column]
    simdjson::dom::array a;
    if (e.get(a) || a.size() != 5) continue;
    std::string_view case_id, status, key;
    int64_t line = 0, column = 0;
    if (a.at(0).get(case_id) || a.at(1).get(status) || a.at(2).get(key) || a.at(3).get(line) || a.at(4).get(column))
      continue;
    FileFacts f;
    f.kind = FileKind::Case;
    f.case_id = std::string(case_id);
    f.status = std::string(status);
    auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), f.text_key, 16);
    if (ec != std::errc() || end != key.data() + key.size() || key.empty()) continue;
    f.text_line = static_cast<int>(line);
    f.text_column = static_cast<int>(column);
    cache.entries_.emplace(std::string(identity), std::move(f));
  }
  return cache;
}

const FileFacts* CaseTextCache::find(const std::string& identity) {
  auto it = entries_.find(identity);
  if (it == entries_.end()) return nullptr;
  used_.insert(identity);
  return &it->second;
}

void CaseTextCache::put(const std::string& identity, const FileFacts& facts) {
  used_.insert(identity);
  auto it = entries_.find(identity);
  if (it != entries_.end() && it->second.case_id == facts.case_id && it->second.status == facts.status &&
      it->second.text_key == facts.text_key && it->second.text_line == facts.text_line &&
      it->second.text_column == facts.text_column)
    return;  // already known: nothing to write
  FileFacts& f = entries_[identity];
  f.kind = FileKind::Case;
  f.case_id = facts.case_id;
  f.status = facts.status;
  f.text_key = facts.text_key;
  f.text_line = facts.text_line;
  f.text_column = facts.text_column;
  dirty_ = true;
}

Result<void> CaseTextCache::save(const std::string& path) const {
  const bool keep_all = entries_.size() <= 3 * used_.size();
  nlohmann::json entries = nlohmann::json::object();
  char hex[17];
  for (const auto& [identity, f] : entries_) {
    if (!keep_all && !used_.count(identity)) continue;
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(f.text_key));
    entries[identity] = nlohmann::json::array({f.case_id, f.status, hex, f.text_line, f.text_column});
  }
  nlohmann::json doc{{"version", cache_version()}, {"entries", std::move(entries)}};
  return write_file_atomic(path, doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::string blob_identity(std::string_view bytes) {
  const std::string header = "blob " + std::to_string(bytes.size()) + '\0';
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha1(), nullptr) == 1 &&
            EVP_DigestUpdate(ctx, header.data(), header.size()) == 1 &&
            EVP_DigestUpdate(ctx, bytes.data(), bytes.size()) == 1 && EVP_DigestFinal_ex(ctx, digest, &size) == 1;
  EVP_MD_CTX_free(ctx);
  if (!ok) return std::string();
  static const char* kHex = "0123456789abcdef";
  std::string out = "blob:";
  for (unsigned int i = 0; i < size; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

std::string stat_identity(const std::string& abs_path) {
  struct stat st;
  if (::stat(abs_path.c_str(), &st) != 0) return std::string();
  return "stat:" + std::to_string(st.st_ino) + ':' + std::to_string(st.st_size) + ':' +
         std::to_string(st.st_mtim.tv_sec) + '.' + std::to_string(st.st_mtim.tv_nsec);
}

}  // namespace cc
