#include "leak/corpus_files.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "leak/leak_messages.h"

namespace fs = std::filesystem;

namespace cc::leak {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Layout layout_of(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* z : {".gz", ".zst", ".zstd"})
    if (ends_with(name, z)) {
      name.resize(name.size() - std::char_traits<char>::length(z));
      break;
    }
  return ends_with(name, ".jsonl") || ends_with(name, ".ndjson") ? Layout::Jsonl : Layout::Text;
}

// Opens the file and reads its magic bytes; false when it cannot be read.
bool sniff(CorpusFile& f) {
  std::ifstream in(f.path, std::ios::binary);
  if (!in) return false;
  unsigned char b[4] = {0, 0, 0, 0};
  in.read(reinterpret_cast<char*>(b), 4);
  if (in.bad()) return false;
  const auto got = in.gcount();
  if (got >= 2 && b[0] == 0x1f && b[1] == 0x8b)
    f.compression = Compression::Gzip;
  else if (got >= 4 && b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f && b[3] == 0xfd)
    f.compression = Compression::Zstd;
  f.layout = layout_of(fs::path(f.path).filename().string());
  return true;
}

Error unreadable(Lang lang, const std::string& path, const std::string& why) {
  return Error(message(lang, "corpus/unreadable", {{"path", path}, {"why", why}}), Error::Kind::Input);
}

Result<void> add_file(const std::string& path, uint64_t size, Lang lang, std::vector<CorpusFile>& out) {
  CorpusFile f;
  f.path = path;
  f.size = size;
  if (!sniff(f)) return unreadable(lang, path, std::error_code(errno, std::generic_category()).message());
  out.push_back(std::move(f));
  return {};
}

}  // namespace

Result<std::vector<CorpusFile>> list_corpus(const std::vector<std::string>& paths, Lang lang) {
  std::vector<CorpusFile> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) return unreadable(lang, p, ec ? ec.message() : "No such file or directory");
    if (fs::is_regular_file(st)) {
      CC_TRY(add_file(p, fs::file_size(p, ec), lang, out));
      continue;
    }
    if (!fs::is_directory(st)) return unreadable(lang, p, message(lang, "corpus/not-file"));
    std::vector<std::pair<std::string, uint64_t>> files;
    fs::recursive_directory_iterator it(p, fs::directory_options::none, ec), end;
    if (ec) return unreadable(lang, p, ec.message());
    for (; it != end; it.increment(ec)) {
      if (ec) return unreadable(lang, it->path().string(), ec.message());
      std::error_code fe;
      if (it->is_regular_file(fe)) files.emplace_back(it->path().string(), it->file_size(fe));
    }
    if (ec) return unreadable(lang, p, ec.message());
    std::sort(files.begin(), files.end());
    for (const auto& [path, size] : files) CC_TRY(add_file(path, size, lang, out));
  }
  return out;
}

}  // namespace cc::leak
