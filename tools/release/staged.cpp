#include "release/staged.h"

#include "release/release_messages.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "core/repository.h"
#include "release/blob_reader.h"
#include "release/git_files.h"

namespace cc::git {

Result<IndexPtr> commit_index(git_repository* repo, Lang lang) {
  // `git commit -a` and `git commit PATH` run the hook on a temporary index named by
  // GIT_INDEX_FILE; that index is what will be committed.
  git_index* index_raw = nullptr;
  const char* index_file = std::getenv("GIT_INDEX_FILE");
  if (index_file && *index_file) {
    std::string path = std::filesystem::absolute(index_file).string();
    if (git_index_open(&index_raw, path.c_str()) != 0) return last_error(release_message(lang, "git/read-index-at", {{"path", path}}));
  } else if (git_repository_index(&index_raw, repo) != 0) {
    return last_error(release_message(lang, "git/read-index"));
  }
  return IndexPtr(index_raw);
}

std::vector<std::string> project_files(const Config& config) {
  return {kConfigFileName, config.taxonomy_path, config.schema_dir + "/case.schema.json",
          config.schema_dir + "/rubric.schema.json", config.schema_dir + "/config.schema.json"};
}

Result<StagedContent> staged_content(const Config& config, Lang lang) {
  auto repo = open_repository(config.root, lang);
  if (!repo) return repo.error();
  git_repository* r = repo->get();
  auto prefix = root_prefix(r, config.root, lang);
  if (!prefix) return prefix.error();
  auto opened = commit_index(r, lang);
  if (!opened) return opened.error();
  IndexPtr index = std::move(*opened);

  ValidateOptions::Content out;
  std::vector<GitFile> staged_cases = index_yaml_files(index.get(), *prefix, config.cases_dir);
  std::vector<GitFile> staged_rubrics = index_yaml_files(index.get(), *prefix, config.rubrics_dir);
  for (const auto& f : staged_cases) out.listing.cases.push_back(f.path);
  for (const auto& f : staged_rubrics) out.listing.rubrics.push_back(f.path);

  // HEAD's files, path → blob; none before the first commit.
  std::map<std::string, git_oid> committed;
  auto head = head_commit(r, lang);
  if (!head) return head.error();
  TreePtr head_tree;
  if (*head) {
    git_tree* tree_raw = nullptr;
    if (git_commit_tree(&tree_raw, head->get()) != 0) return last_error(release_message(lang, "git/read-head-tree"));
    head_tree.reset(tree_raw);
    for (const auto& dir : {config.cases_dir, config.rubrics_dir}) {
      auto files = tree_yaml_files(r, head_tree.get(), *prefix, dir, lang);
      if (!files) return files.error();
      for (const auto& f : *files) committed.emplace(f.path, f.oid);
    }
  }

  // What to check: files the index adds or changes, and the staged partners of files it
  // deletes.
  std::map<std::string, git_oid> staged;
  for (const auto* list : {&staged_cases, &staged_rubrics})
    for (const auto& f : *list) staged.emplace(f.path, f.oid);
  // A commit that changes the rules (config, taxonomy, a schema) is checked whole: every
  // case and rubric must still pass by the rules it commits.
  bool rules_changed = false;
  for (const auto& rel : project_files(config)) {
    const std::string path = *prefix + rel;
    const git_index_entry* entry = git_index_get_bypath(index.get(), path.c_str(), 0);
    git_tree_entry* found = nullptr;
    if (head_tree && git_tree_entry_bypath(&found, head_tree.get(), path.c_str()) != 0) found = nullptr;
    TreeEntryPtr in_head(found);
    if (!entry != !in_head || (entry && !git_oid_equal(&entry->id, git_tree_entry_id(in_head.get()))))
      rules_changed = true;
  }
  std::map<std::string, git_oid> touched;
  for (const auto& [path, oid] : staged) {
    auto it = committed.find(path);
    if (rules_changed || it == committed.end() || !git_oid_equal(&it->second, &oid)) touched.emplace(path, oid);
  }
  std::set<std::string> deleted_stems;
  for (const auto& [path, oid] : committed)
    if (!staged.count(path)) deleted_stems.insert(file_stem(path));
  if (!deleted_stems.empty())
    for (const auto& [path, oid] : staged)
      if (deleted_stems.count(file_stem(path))) touched.emplace(path, oid);

  // The touched files are read through the reader as validate checks them; the other
  // staged cases only on a miss of the case-text cache, which their blob ids key (a touched
  // case must not copy one of them).
  for (const auto& [path, oid] : touched) out.files.push_back(path);
  return StagedContent{std::move(out), std::make_shared<BlobReader>(std::move(*repo), std::move(staged), lang)};
}

}  // namespace cc::git
