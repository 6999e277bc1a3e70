#include "scoring/input/verdict_files.h"

#include <algorithm>
#include <filesystem>

#include "core/parallel.h"

namespace cc::scoring {
namespace {

namespace fs = std::filesystem;

bool is_verdict_file_name(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".json" || ext == ".jsonl" || ext == ".ndjson";
}

VerdictLayout detect_layout(std::string_view text) {
  size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) ++i;
  if (i == text.size()) return VerdictLayout::Empty;
  return text[i] == '[' ? VerdictLayout::Public : VerdictLayout::Jsonl;
}

Diagnostic read_error(const std::string& file, std::string message) {
  Diagnostic d;
  d.rule = "io/read";
  d.file = file;
  d.message = std::move(message);
  return d;
}

}  // namespace

VerdictFiles open_verdict_files(const std::vector<VerdictInput>& inputs, Lang lang, unsigned threads) {
  VerdictFiles out;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (!fs::is_directory(in.open_path, ec)) {
      out.files.push_back(VerdictFile{SourceFile(in.path, in.open_path), in.judge, VerdictLayout::Unknown, {}});
      continue;
    }
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(in.open_path, ec))
      if (e.is_regular_file(ec) && is_verdict_file_name(e.path())) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    if (names.empty()) {
      out.diagnostics.push_back(read_error(
          in.path, message(lang, "io/read", {{"detail", "no *.json or *.jsonl verdict files in this folder"}})));
      out.unreadable = true;
    }
    std::string shown = in.path, opened = in.open_path;
    if (!shown.empty() && shown.back() != '/') shown += '/';
    if (!opened.empty() && opened.back() != '/') opened += '/';
    for (const auto& n : names)
      out.files.push_back(VerdictFile{SourceFile(shown + n, opened + n), in.judge, VerdictLayout::Unknown, {}});
  }
  parallel_for(out.files.size(), threads, [&](size_t i) {
    VerdictFile& f = out.files[i];
    if (auto read = f.file.read(lang))
      f.layout = detect_layout(f.file.text());
    else
      f.read_error = read.error().message;
  });
  for (const auto& f : out.files) {
    if (f.read_error.empty()) continue;
    out.diagnostics.push_back(read_error(f.file.path(), message(lang, "io/read", {{"detail", f.read_error}})));
    out.unreadable = true;
  }
  return out;
}

}  // namespace cc::scoring
