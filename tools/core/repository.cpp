#include "core/repository.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace cc {

std::optional<std::string> find_repository_root(const std::string& start) {
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(fs::absolute(start, ec), ec);
  if (ec) return std::nullopt;
  while (true) {
    if (fs::is_regular_file(dir / kConfigFileName, ec)) return dir.string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

std::vector<std::string> list_yaml_files(const std::string& root, const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  fs::path base = fs::path(root) / dir;
  if (!fs::is_directory(base, ec)) return out;
  for (fs::recursive_directory_iterator it(base, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    auto ext = it->path().extension();
    if (ext != ".yaml" && ext != ".yml") continue;
    out.push_back(it->path().lexically_relative(root).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> relative_to_root(const std::string& root, const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(path, ec), ec);
  fs::path rel = abs.lexically_relative(fs::path(root));
  if (rel.empty()) return std::nullopt;
  std::string s = rel.generic_string();
  if (s == "." ) return std::string();
  if (s.rfind("..", 0) == 0) return std::nullopt;
  return s;
}

std::string file_stem(const std::string& path) {
  return fs::path(path).stem().string();
}

std::string folder_below(const std::string& path, const std::string& top) {
  std::string prefix = top + "/";
  if (path.rfind(prefix, 0) != 0) return "";
  std::string rest = path.substr(prefix.size());
  size_t slash = rest.find('/');
  return slash == std::string::npos ? "" : rest.substr(0, slash);
}

}  // namespace cc
