#include "release/unfinished_cut.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/atomic_write.h"
#include "core/sha256.h"
#include "core/yaml_loader.h"
#include "release/git_files.h"
#include "release/manifest.h"
#include "release/release_cut.h"
#include "release/release_messages.h"
#include "release/semver.h"

namespace fs = std::filesystem;

namespace cc {
namespace {

// `path` with the benchmark's prefix in the git repository removed; nullopt when the
// path lies outside the benchmark.
std::optional<std::string> strip_prefix(const std::string& path, const std::string& prefix) {
  if (path.rfind(prefix, 0) != 0) return std::nullopt;
  return path.substr(prefix.size());
}

bool has_tag(const std::vector<git::ReleaseTag>& tags, const std::string& name) {
  return std::any_of(tags.begin(), tags.end(), [&](const git::ReleaseTag& t) { return t.name == name; });
}

// The committed reports/CHANGELOG.md, or nullopt when HEAD has none.
std::optional<std::string> committed_changelog(git_repository* repo, const git_tree* head_tree,
                                               const std::string& prefix, const std::string& rel, Lang lang) {
  auto blob = git::tree_file(repo, head_tree, prefix, rel, lang);
  if (!blob) return std::nullopt;
  return *blob;
}

// Checks that the folder's files are a cut's own; returns what does not match, in `lang`
// ("" when everything does).
std::string check_ours(const UnfinishedCut& cut, const Config& cfg, const std::string& folder,
                       const std::map<std::string, std::string>& files, bool changelog_dirty,
                       const std::optional<std::string>& committed, Lang lang) {
  const std::set<std::string> names = {kChangesFileName, kCoverageFileName, kCoverageHtmlFileName,
                                       export_file_name(cut.tag), kManifestName};
  for (const auto& [name, bytes] : files)
    if (!names.count(name)) return release_message(lang, "cut/not-cut-file", {{"path", folder + "/" + name}});
  if (auto m = files.find(kManifestName); m != files.end()) {
    auto manifest = parse_manifest(m->second);
    if (!manifest) return release_message(lang, "cut/bad-manifest", {{"path", folder + "/" + kManifestName}});
    std::map<std::string, std::string> listed(files);
    listed.erase(kManifestName);
    if (*manifest != manifest_of(listed))
      return release_message(lang, "cut/manifest-mismatch", {{"folder", folder}, {"manifest", kManifestName}});
  }
  if (changelog_dirty) {
    auto changes = files.find(kChangesFileName);
    const std::string changelog_rel = cfg.reports_dir + "/" + kChangelogFileName;
    if (changes == files.end())
      return release_message(lang, "cut/changelog-without-changes",
                             {{"changelog", changelog_rel}, {"folder", folder}, {"changes", kChangesFileName}});
    auto now = read_file(cfg.abs(changelog_rel));
    if (!now || *now != prepend_changelog_entry(committed, changes->second))
      return release_message(lang, "cut/changelog-other", {{"changelog", changelog_rel}, {"tag", cut.tag}});
  }
  return "";
}

}  // namespace

Result<std::optional<UnfinishedCut>> find_unfinished_cut(git_repository* repo, const git_tree* head_tree,
                                                         const std::string& prefix, const Config& cfg,
                                                         const std::vector<std::string>& dirty,
                                                         const std::vector<git::ReleaseTag>& tags, Lang lang) {
  const std::string reports = cfg.reports_dir + "/";
  const std::string changelog_rel = reports + kChangelogFileName;

  // The candidate: a reports/<tag>/ folder that is not committed and has no tag.
  std::vector<std::string> folders;
  std::error_code ec;
  for (fs::directory_iterator it(cfg.abs(cfg.reports_dir), ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    auto version = parse_semver(name);
    if (!version || version->tag() != name || !it->is_directory(ec) || has_tag(tags, name)) continue;
    git_tree_entry* entry = nullptr;
    if (git_tree_entry_bypath(&entry, head_tree, (prefix + reports + name).c_str()) == 0) {
      git_tree_entry_free(entry);
      continue;  // committed: not a leftover
    }
    folders.push_back(name);
  }
  if (folders.size() != 1) return std::optional<UnfinishedCut>();
  UnfinishedCut cut;
  cut.tag = folders.front();
  const std::string folder = reports + cut.tag;

  // Every dirty path must be that folder, the changelog, or the whole untracked reports/.
  bool changelog_dirty = false;
  for (const auto& path : dirty) {
    auto rel = strip_prefix(path, prefix);
    if (!rel) return std::optional<UnfinishedCut>();
    if (*rel == changelog_rel) {
      changelog_dirty = true;
    } else if (*rel == reports) {
      // The whole of reports/ is new: it must hold nothing but the folder and the changelog.
      for (fs::directory_iterator it(cfg.abs(cfg.reports_dir), ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name != cut.tag && name != kChangelogFileName) return std::optional<UnfinishedCut>();
      }
      changelog_dirty = fs::exists(cfg.abs(changelog_rel), ec);
    } else if (rel->rfind(folder + "/", 0) != 0) {
      return std::optional<UnfinishedCut>();
    }
  }

  std::map<std::string, std::string> files;
  for (fs::directory_iterator it(cfg.abs(folder), ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    cut.paths.push_back(folder + "/" + name);
    auto bytes = it->is_regular_file(ec) ? read_file(it->path().string()) : Result<std::string>(Error("not a file"));
    if (!bytes) {
      cut.why_not = release_message(lang, "cut/unreadable-file", {{"path", folder + "/" + name}});
      continue;
    }
    files[name] = std::move(*bytes);
  }
  if (ec) return Error(release_message(lang, "cut/cannot-list", {{"path", folder}, {"why", ec.message()}}));
  if (changelog_dirty) cut.paths.push_back(changelog_rel);
  std::sort(cut.paths.begin(), cut.paths.end());
  if (cut.why_not.empty())
    cut.why_not = check_ours(cut, cfg, folder, files, changelog_dirty,
                             committed_changelog(repo, head_tree, prefix, changelog_rel, lang), lang);
  cut.ours = cut.why_not.empty();
  return std::optional<UnfinishedCut>(std::move(cut));
}

Result<void> clear_unfinished_cut(const UnfinishedCut& cut, git_repository* repo, const git_tree* head_tree,
                                  const std::string& prefix, const Config& cfg, Lang lang) {
  if (!cut.ours) return Error(release_message(lang, "cut/clear-refused", {{"why", cut.why_not}}));
  std::error_code ec;
  auto cannot_remove = [&](const std::string& rel) {
    return Error(release_message(lang, "cut/cannot-remove", {{"path", rel}, {"why", ec.message()}}));
  };
  const std::string changelog_rel = cfg.reports_dir + "/" + kChangelogFileName;
  for (const auto& rel : cut.paths) {
    if (rel == changelog_rel) continue;
    if (!fs::remove(cfg.abs(rel), ec) && ec) return cannot_remove(rel);
  }
  fs::remove(cfg.abs(cfg.reports_dir + "/" + cut.tag), ec);
  if (ec) return cannot_remove(cfg.reports_dir + "/" + cut.tag);
  if (std::find(cut.paths.begin(), cut.paths.end(), changelog_rel) != cut.paths.end()) {
    if (auto committed = committed_changelog(repo, head_tree, prefix, changelog_rel, lang)) {
      CC_TRY(write_file_atomic(cfg.abs(changelog_rel), *committed));
    } else if (!fs::remove(cfg.abs(changelog_rel), ec) && ec) {
      return cannot_remove(changelog_rel);
    }
  }
  fs::remove(cfg.abs(cfg.reports_dir), ec);  // only when now empty (it was untracked)
  return {};
}

Result<std::optional<std::string>> complete_untagged_release(git_repository* repo, const git_commit* head,
                                                             const git_tree* head_tree, const std::string& prefix,
                                                             const Config& cfg,
                                                             const std::vector<git::ReleaseTag>& tags, Lang lang) {
  const std::string message = git_commit_message(head);
  const std::string title = "Release ";
  if (message.rfind(title, 0) != 0) return std::optional<std::string>();
  const size_t eol = message.find('\n');
  const std::string tag =
      message.substr(title.size(), eol == std::string::npos ? std::string::npos : eol - title.size());
  auto version = parse_semver(tag);
  auto hash = git::manifest_hash_of(message);
  if (!version || version->tag() != tag || !hash || has_tag(tags, tag)) return std::optional<std::string>();
  const std::string manifest_rel = cfg.reports_dir + "/" + tag + "/" + kManifestName;
  auto manifest = git::tree_file(repo, head_tree, prefix, manifest_rel, lang);
  if (!manifest || sha256_hex(*manifest) != *hash) return std::optional<std::string>();

  // The summary is the commit message's third line, as the cut wrote it.
  std::string summary;
  if (eol != std::string::npos) {
    size_t from = message.find_first_not_of('\n', eol);
    if (from != std::string::npos) summary = message.substr(from, message.find('\n', from) - from);
  }
  git_signature* sig_raw = nullptr;
  if (git_signature_default(&sig_raw, repo) != 0) return git::last_error(release_message(lang, "git/read-identity"));
  git::SignaturePtr sig(sig_raw);
  git_object* target = nullptr;
  if (git_object_lookup(&target, repo, git_commit_id(head), GIT_OBJECT_COMMIT) != 0)
    return git::last_error(release_message(lang, "git/read-commit"));
  git::ObjectPtr target_owned(target);
  const std::string tag_msg = git::release_tag_message(tag, summary, manifest_rel, *hash);
  git_oid tag_id;
  if (git_tag_create(&tag_id, repo, tag.c_str(), target, sig.get(), tag_msg.c_str(), 0) != 0)
    return git::last_error(release_message(lang, "git/create-tag", {{"tag", tag}}));
  git_index* index_raw = nullptr;
  if (git_repository_index(&index_raw, repo) != 0) return git::last_error(release_message(lang, "git/open-index"));
  git::IndexPtr index(index_raw);
  if (git_index_read_tree(index.get(), head_tree) != 0 || git_index_write(index.get()) != 0)
    return git::last_error(release_message(lang, "git/reset-index"));
  return std::optional<std::string>(tag);
}

}  // namespace cc
