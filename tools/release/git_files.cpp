#include "release/git_files.h"

#include "release/release_messages.h"

#include <algorithm>
#include <filesystem>

namespace cc::git {
namespace {

// What git_tree_walk's callback fills.
struct WalkState {
  std::string base;  // benchmark-relative folder walked, with a trailing '/'
  std::vector<GitFile>* out;
};

int collect(const char* root, const git_tree_entry* entry, void* payload) {
  auto* st = static_cast<WalkState*>(payload);
  if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB) return 0;
  std::string path = st->base + root + git_tree_entry_name(entry);
  if (is_yaml_path(path)) st->out->push_back(GitFile{std::move(path), *git_tree_entry_id(entry)});
  return 0;
}

bool by_path(const GitFile& a, const GitFile& b) { return a.path < b.path; }

}  // namespace

bool is_yaml_path(const std::string& path) {
  auto ends = [&](std::string_view s) {
    return path.size() >= s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0;
  };
  return ends(".yaml") || ends(".yml");
}

Result<std::string> root_prefix(git_repository* repo, const std::string& benchmark_root, Lang lang) {
  namespace fs = std::filesystem;
  std::string wd = workdir(repo);
  if (wd.empty()) return Error{release_message(lang, "git/bare")};
  std::error_code ec;
  fs::path root = fs::weakly_canonical(benchmark_root, ec);
  fs::path top = fs::weakly_canonical(wd, ec);
  fs::path rel = root.lexically_relative(top);
  std::string r = rel.generic_string();
  if (r.empty() || r == ".") return std::string();
  if (r.rfind("..", 0) == 0)
    return Error{release_message(lang, "git/outside", {{"path", benchmark_root}, {"top", wd}})};
  return r + "/";
}

Result<std::vector<GitFile>> tree_yaml_files(git_repository* repo, const git_tree* tree, const std::string& prefix,
                                             const std::string& dir, Lang lang) {
  std::vector<GitFile> out;
  git_tree_entry* raw = nullptr;
  int rc = git_tree_entry_bypath(&raw, tree, (prefix + dir).c_str());
  if (rc == GIT_ENOTFOUND) return out;
  if (rc != 0) return last_error(release_message(lang, "git/look-up", {{"path", prefix + dir}}));
  TreeEntryPtr entry(raw);
  if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE) return out;
  git_tree* sub_raw = nullptr;
  if (git_tree_lookup(&sub_raw, repo, git_tree_entry_id(entry.get())) != 0)
    return last_error(release_message(lang, "git/read-tree-of", {{"path", prefix + dir}}));
  TreePtr sub(sub_raw);
  WalkState st{dir + "/", &out};
  if (git_tree_walk(sub.get(), GIT_TREEWALK_PRE, collect, &st) != 0)
    return last_error(release_message(lang, "git/walk", {{"path", prefix + dir}}));
  std::sort(out.begin(), out.end(), by_path);
  return out;
}

std::vector<GitFile> index_yaml_files(git_index* index, const std::string& prefix, const std::string& dir) {
  std::vector<GitFile> out;
  const std::string want = prefix + dir + "/";
  const size_t n = git_index_entrycount(index);
  for (size_t i = 0; i < n; ++i) {
    const git_index_entry* e = git_index_get_byindex(index, i);
    if (!e || GIT_INDEX_ENTRY_STAGE(e) != 0) continue;
    std::string_view path(e->path);
    if (path.size() <= want.size() || path.compare(0, want.size(), want) != 0) continue;
    std::string rel(path.substr(prefix.size()));
    if (is_yaml_path(rel)) out.push_back(GitFile{std::move(rel), e->id});
  }
  std::sort(out.begin(), out.end(), by_path);
  return out;
}

Result<std::string> tree_file(git_repository* repo, const git_tree* tree, const std::string& prefix,
                              const std::string& path, Lang lang) {
  git_tree_entry* raw = nullptr;
  if (git_tree_entry_bypath(&raw, tree, (prefix + path).c_str()) != 0)
    return last_error(release_message(lang, "git/no-file", {{"path", prefix + path}}));
  TreeEntryPtr entry(raw);
  if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB) return Error{release_message(lang, "git/not-a-file", {{"path", prefix + path}})};
  return read_blob(repo, *git_tree_entry_id(entry.get()), lang);
}

}  // namespace cc::git
