#include "release/staged_project.h"

#include "release/release_messages.h"

#include <cstdlib>
#include <filesystem>

#include "core/atomic_write.h"
#include "release/git_files.h"
#include "release/staged.h"

namespace fs = std::filesystem;

namespace cc::git {
namespace {

// A private temporary folder, removed with everything in it when this goes out of scope.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (fs::temp_directory_path() / "clinconsensus-index.XXXXXX").string();
    if (::mkdtemp(pattern.data())) path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Whether the index holds `rel` with other bytes than the work tree (or only one has it).
bool differs(git_index* index, const std::string& prefix, const Config& work_tree, const std::string& rel) {
  const git_index_entry* entry = git_index_get_bypath(index, (prefix + rel).c_str(), 0);
  std::error_code ec;
  const std::string abs = work_tree.abs(rel);
  if (!fs::is_regular_file(abs, ec)) return entry != nullptr;
  if (!entry) return true;
  git_oid on_disk;
  if (git_odb_hashfile(&on_disk, abs.c_str(), GIT_OBJECT_BLOB) != 0) return true;
  return !git_oid_equal(&on_disk, &entry->id);
}

// Writes the index's version of `rel` below `dir`; a file the index lacks is not written.
Result<bool> copy_from_index(git_repository* repo, git_index* index, const std::string& prefix, const std::string& rel,
                             const std::string& dir, Lang lang) {
  const git_index_entry* entry = git_index_get_bypath(index, (prefix + rel).c_str(), 0);
  if (!entry) return false;
  auto bytes = read_blob(repo, entry->id, lang);
  if (!bytes) return bytes.error();
  if (auto w = write_file_atomic(dir + "/" + rel, *bytes); !w)
    return Error{release_message(lang, "staged/cannot-write", {{"path", rel}, {"why", w.error().message}})};
  return true;
}

}  // namespace

Result<ProjectLoad> staged_project(const std::string& root, Lang lang) {
  ProjectLoad work = load_project(root, lang);
  Config defaults;
  defaults.root = root;
  const Config& work_tree = work.project ? work.project->config : defaults;
  auto repo = open_repository(root, lang);
  if (!repo) return repo.error();
  git_repository* r = repo->get();
  auto prefix = root_prefix(r, root, lang);
  if (!prefix) return prefix.error();
  auto index = commit_index(r, lang);
  if (!index) return index.error();

  bool any = false;
  for (const auto& rel : project_files(work_tree)) any = any || differs(index->get(), *prefix, work_tree, rel);
  if (!any) return work;

  ScratchDir scratch;
  if (scratch.path().empty()) return Error{release_message(lang, "staged/no-scratch")};
  // The index's config may move the taxonomy or the schemas: read it first, then the
  // files it names.
  auto config = copy_from_index(r, index->get(), *prefix, kConfigFileName, scratch.path(), lang);
  if (!config) return config.error();
  ConfigLoad staged_config = load_config(scratch.path(), lang);
  const Config& names = staged_config.config ? *staged_config.config : work_tree;
  for (const auto& rel : project_files(names)) {
    if (rel == kConfigFileName) continue;
    auto copied = copy_from_index(r, index->get(), *prefix, rel, scratch.path(), lang);
    if (!copied) return copied.error();
  }
  ProjectLoad load = load_project(scratch.path(), lang);
  if (load.project) load.project->config.root = root;
  return load;
}

}  // namespace cc::git
