#include "judge/batch_requests.h"

#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/atomic_write.h"

namespace cc::judge {

void BatchRequestWriter::add(const std::string& custom_id, const std::string& body) {
  if (!ids_.insert(custom_id).second) return;
  nlohmann::ordered_json line;
  line["custom_id"] = custom_id;
  line["method"] = "POST";
  line["url"] = "/v1/chat/completions";
  line["body"] = nlohmann::ordered_json::parse(body);
  std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  if (files_.empty() || lines_in_last_ >= limits_.max_lines || files_.back().size() + text.size() > limits_.max_bytes) {
    files_.emplace_back();
    lines_in_last_ = 0;
  }
  files_.back() += text;
  ++lines_in_last_;
}

Result<std::vector<std::string>> BatchRequestWriter::finish() {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> out;
  for (size_t i = 0; i < files_.size(); ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "requests-%03zu.jsonl", i + 1);
    out.emplace_back(dir_ + "/" + name, std::move(files_[i]));
  }
  // Request files of an earlier export of the same folder would be sent twice.
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir_, ec)) {
    std::string n = e.path().filename().string();
    bool ours = n.rfind("requests-", 0) == 0 && e.path().extension() == ".jsonl";
    bool kept = false;
    for (const auto& [path, content] : out) kept = kept || path == e.path().string();
    if (ours && !kept) fs::remove(e.path(), ec);
  }
  if (!out.empty())
    if (auto written = write_files_atomic(out); !written) return Error(written.error().message, Error::Kind::Input);
  std::vector<std::string> paths;
  for (const auto& [path, content] : out) paths.push_back(path);
  return paths;
}

}  // namespace cc::judge
