#include "judge/run_files.h"

#include "judge/judge_messages.h"

#include <ctime>
#include <filesystem>

#include "core/atomic_write.h"
#include "core/sha256.h"
#include "core/version.h"

namespace cc::judge {

std::string safe_file_stem(const std::string& model) {
  std::string s;
  for (unsigned char c : model)
    s += (std::isalnum(c) || c == '.' || c == '_' || c == '-' || c == '#' || c >= 0x80) ? static_cast<char>(c) : '_';
  if (s.empty() || s[0] == '.') s = "_" + s;
  return s;
}

Result<void> write_jsonl(const std::string& path, const std::vector<nlohmann::ordered_json>& rows, Lang lang) {
  std::string text;
  for (const auto& r : rows) {
    text += r.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    text += '\n';
  }
  if (auto w = write_file_atomic(path, text); !w)
    return Error(judge_message(lang, "run/write", {{"path", path}, {"why", w.error().message}}), Error::Kind::Input);
  return {};
}

Result<void> write_json(const std::string& path, const nlohmann::ordered_json& value, Lang lang) {
  if (auto w = write_file_atomic(path, value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"); !w)
    return Error(judge_message(lang, "run/write", {{"path", path}, {"why", w.error().message}}), Error::Kind::Input);
  return {};
}

nlohmann::ordered_json file_record(const std::string& path, const std::string& base) {
  std::error_code ec;
  std::string shown = path;
  auto rel = std::filesystem::relative(path, base, ec);
  if (!ec && !rel.empty() && rel.native().rfind("..", 0) != 0) shown = rel.string();
  nlohmann::ordered_json j;
  j["path"] = shown;
  // A file that cannot be hashed is recorded without a digest; the words of the error go unused.
  if (auto hex = sha256_file(path, Lang::En)) j["sha256"] = *hex;
  auto size = std::filesystem::file_size(path, ec);
  if (!ec) j["bytes"] = size;
  return j;
}

nlohmann::ordered_json batch_record(const BatchResult& b) {
  nlohmann::ordered_json j;
  j["calls"] = b.counters.total;
  j["from_cache"] = b.counters.from_cache;
  j["asked"] = b.counters.answered;
  j["failed"] = b.counters.failed;
  j["not_asked"] = b.counters.total - b.counters.done();
  j["retries"] = b.counters.retries;
  j["prompt_tokens"] = b.counters.prompt_tokens;
  j["completion_tokens"] = b.counters.completion_tokens;
  j["cost"] = b.counters.cost;
  j["seconds"] = b.seconds;
  return j;
}

nlohmann::ordered_json manifest_head(const std::string& command, const std::string& started) {
  nlohmann::ordered_json m;
  m["tool"] = "clinconsensus";
  m["version"] = kToolVersion;
  m["command"] = command;
  m["started"] = started;
  m["finished"] = utc_now();
  return m;
}

Result<void> write_manifest(nlohmann::ordered_json manifest, const std::string& out_dir, const std::string& name,
                            std::vector<std::string>& written, Lang lang) {
  nlohmann::ordered_json outs = nlohmann::ordered_json::array();
  for (const std::string& f : written) outs.push_back(file_record(f, out_dir));
  manifest["outputs"] = std::move(outs);
  std::string path = out_dir + "/" + name;
  CC_TRY(write_json(path, manifest, lang));
  written.push_back(path);
  return {};
}

std::string trim_blank(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string_view::npos ? "" : std::string(s.substr(b, e - b + 1));
}

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<std::unique_ptr<FileLock>> acquire_out_dir_lock(const std::string& out_dir, Lang lang) {
  auto lock = FileLock::acquire(out_dir + "/.lock", judge_message(lang, "run/busy", {{"dir", out_dir}}), lang);
  if (!lock) return Error(lock.error().message, Error::Kind::Usage);
  return lock;
}

}  // namespace cc::judge
