#include "core/repository.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>
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

namespace {

// "*.yaml" / "*.yml", as std::filesystem reads an extension (".yaml" alone is a stem).
bool is_yaml_name(std::string_view name) {
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string_view ext = name.substr(dot);
  return ext == ".yaml" || ext == ".yml";
}

bool inside(const fs::path& root, const fs::path& abs) {
  std::string rel = abs.lexically_relative(root).generic_string();
  return !rel.empty() && rel.rfind("..", 0) != 0;
}

std::string join(const std::string& dir, std::string_view name) {
  std::string out;
  out.reserve(dir.size() + 1 + name.size());
  if (!dir.empty()) (out += dir) += '/';
  out += name;
  return out;
}

// Lists the folder `rel` below `root` (both as strings: building std::filesystem paths
// cost a one-case validate of 5,000 files more than all its checks) and its subfolders
// into `out`. readdir's entry types decide, so a plain file or folder costs no system
// call of its own. Only links (and file systems that give no type) are looked at further.
void scan_folder(const std::string& root, const std::string& rel_dir, YamlListing& out) {
  const std::string abs_dir = rel_dir.empty() ? root : join(root, rel_dir);
  DIR* d = ::opendir(abs_dir.c_str());
  if (!d) {
    out.unreadable.push_back({rel_dir, {"io/cannot-list", std::strerror(errno)}});
    return;
  }
  std::vector<std::pair<std::string, unsigned char>> entries;
  errno = 0;
  while (const dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    if (name != "." && name != "..") entries.emplace_back(std::string(name), e->d_type);
    errno = 0;
  }
  const int read_errno = errno;
  ::closedir(d);
  if (read_errno != 0) {
    out.unreadable.push_back({rel_dir, {"io/cannot-list", std::strerror(read_errno)}});
    return;
  }
  for (auto& [name, d_type] : entries) {
    unsigned char type = d_type;
    if (type == DT_UNKNOWN) {
      struct stat st {};
      if (::lstat(join(abs_dir, name).c_str(), &st) != 0) continue;
      type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : S_ISLNK(st.st_mode) ? DT_LNK : DT_FIFO;
    }
    if (type == DT_DIR) {
      scan_folder(root, join(rel_dir, name), out);
      continue;
    }
    if (!is_yaml_name(name)) continue;
    std::string rel = join(rel_dir, name);
    if (type == DT_REG) {
      out.files.push_back(std::move(rel));
      continue;
    }
    std::string abs = join(abs_dir, name);
    std::error_code ec;
    if (type != DT_LNK) {
      out.unreadable.push_back({rel, {"io/not-regular", ""}});
    } else if (auto problem = link_problem(root, abs)) {
      out.unreadable.push_back({rel, *problem});
    } else if (fs::is_regular_file(abs, ec)) {
      out.files.push_back(rel);
    } else if (!fs::is_directory(abs, ec)) {
      out.unreadable.push_back({rel, {"io/not-regular", ""}});
    }
  }
}

}  // namespace

YamlListing scan_yaml_files(const std::string& root, const std::string& dir) {
  YamlListing out;
  std::error_code ec;
  fs::path base = fs::path(root) / dir;
  if (!fs::exists(fs::symlink_status(base, ec))) return out;
  // The folder as scan_folder joins names to it: normal form, '/' separated, "" for the root.
  std::string rel_dir = fs::path(dir).lexically_normal().generic_string();
  while (!rel_dir.empty() && rel_dir.back() == '/') rel_dir.pop_back();
  if (rel_dir == ".") rel_dir.clear();
  scan_folder(root, rel_dir, out);
  std::sort(out.files.begin(), out.files.end());
  std::sort(out.unreadable.begin(), out.unreadable.end(),
            [](const UnreadableEntry& a, const UnreadableEntry& b) { return a.path < b.path; });
  return out;
}

std::vector<std::string> list_yaml_files(const std::string& root, const std::string& dir) {
  return scan_yaml_files(root, dir).files;
}

YamlListing resolve_path_arguments(const std::string& root, const std::vector<std::string>& paths) {
  YamlListing out;
  for (const auto& p : paths) {
    std::error_code ec;
    auto link = link_problem(root, p);
    auto rel = relative_to_root(root, p);
    if (link || !rel || !fs::exists(p, ec)) {
      out.unreadable.push_back({p, link  ? *link
                                   : rel ? UnreadableReason{"io/no-such-path", ""}
                                         : UnreadableReason{"io/outside-repository", ""}});
      continue;
    }
    if (fs::is_directory(p, ec)) {
      YamlListing below = scan_yaml_files(root, *rel);
      out.files.insert(out.files.end(), below.files.begin(), below.files.end());
      out.unreadable.insert(out.unreadable.end(), below.unreadable.begin(), below.unreadable.end());
    } else {
      out.files.push_back(*rel);
    }
  }
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  return out;
}

std::optional<UnreadableReason> link_problem(const std::string& root, const std::string& path) {
  std::error_code ec;
  if (!fs::is_symlink(fs::symlink_status(path, ec))) return std::nullopt;
  fs::path target = fs::read_symlink(path, ec);
  fs::path resolved = fs::canonical(path, ec);
  if (ec) {
    if (ec == std::errc::too_many_symbolic_link_levels) return UnreadableReason{"io/link-loops", target.string()};
    if (ec == std::errc::no_such_file_or_directory) return UnreadableReason{"io/link-dangling", target.string()};
    return UnreadableReason{"io/link-broken", ec.message()};
  }
  fs::path canonical_root = fs::weakly_canonical(root, ec);
  if (!inside(canonical_root, resolved)) return UnreadableReason{"io/link-outside", resolved.string()};
  return std::nullopt;
}

std::optional<std::string> relative_to_root(const std::string& root, const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(path, ec), ec);
  fs::path rel = abs.lexically_relative(fs::path(root));
  if (rel.empty()) return std::nullopt;
  std::string s = rel.generic_string();
  if (s == ".") return std::string();
  if (s.rfind("..", 0) == 0) return std::nullopt;
  return s;
}

std::string file_stem(const std::string& path) {
  // As std::filesystem's stem(), without building a path: the cross-file checks take the
  // stem of every file of the benchmark.
  size_t slash = path.rfind('/');
  std::string_view name = std::string_view(path).substr(slash == std::string::npos ? 0 : slash + 1);
  if (name == "." || name == "..") return std::string(name);
  size_t dot = name.rfind('.');
  return std::string(dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot));
}

std::string folder_below(const std::string& path, const std::string& top) {
  std::string prefix = top + "/";
  if (path.rfind(prefix, 0) != 0) return "";
  std::string rest = path.substr(prefix.size());
  size_t slash = rest.find('/');
  return slash == std::string::npos ? "" : rest.substr(0, slash);
}

}  // namespace cc
