#include "release/release_cut.h"

#include <ctime>
#include <filesystem>
#include <map>
#include <optional>

#include "core/atomic_write.h"
#include "core/file_lock.h"
#include "core/sha256.h"
#include "core/yaml_loader.h"
#include "release/coverage_report.h"
#include "release/export_jsonl.h"
#include "release/git.h"
#include "release/git_benchmark.h"
#include "release/git_files.h"
#include "release/manifest.h"
#include "release/release_gate.h"
#include "release/release_messages.h"
#include "release/release_tags.h"
#include "release/semver.h"
#include "release/tree_diff.h"
#include "release/unfinished_cut.h"
#include "release/work_tree_status.h"

namespace fs = std::filesystem;

namespace cc {
namespace {}  // namespace

std::string prepend_changelog_entry(const std::optional<std::string>& old, const std::string& entry) {
  const std::string title = "# ClinConsensus releases\n\n";
  if (!old || old->empty()) return title + entry;
  size_t at = old->find("\n## ");
  if (at == std::string::npos) {
    std::string base = *old;
    if (base.back() != '\n') base += '\n';
    return base + "\n" + entry;
  }
  return old->substr(0, at + 1) + entry + "\n" + old->substr(at + 1);
}

namespace {

// A file the cut writes into the work tree, and what was there before (to put back).
struct Written {
  std::string rel;                      // benchmark-relative
  std::optional<std::string> previous;  // the old bytes; nullopt when the file is new
};

}  // namespace

std::string export_file_name(const std::string& tag) { return "clinconsensus-" + tag + ".jsonl"; }

CutResult cut_release(Project& project, const CutOptions& options) {
  CutResult res;
  const Config& cfg = project.config;
  const Lang lang = project.lang;
  auto refuse = [&](std::string m) {
    res.outcome = RunOutcome::Unusable;
    res.message = std::move(m);
    return res;
  };

  // 1. Preconditions: a version, a repository, no such tag, a commit, a clean tree.
  auto version = parse_semver(options.version);
  if (!version) return refuse(release_message(lang, "release/bad-version", {{"version", options.version}}));
  res.tag = version->tag();
  auto repo = git::open_repository(cfg.root, lang);
  if (!repo) return refuse(repo.error().message);
  git_repository* r = repo->get();
  // One cut at a time per repository: two at once left a dirty tree and committed a
  // wrong changelog into the winner's release. The lock lives in .git/, never in the tree.
  auto lock = FileLock::acquire(std::string(git_repository_path(r)) + "clinconsensus-release-cut.lock",
                                release_message(lang, "release/busy"), lang);
  if (!lock) return refuse(lock.error().message);
  auto prefix = git::root_prefix(r, cfg.root, lang);
  if (!prefix) return refuse(prefix.error().message);
  auto existing = git::find_release_tag(r, *version, lang);
  if (!existing) return refuse(existing.error().message);
  if (*existing) return refuse(release_message(lang, "release/tag-exists", {{"tag", res.tag}}));
  auto head = git::head_commit(r, lang);
  if (!head) return refuse(head.error().message);
  if (!*head) return refuse(release_message(lang, "release/no-commit"));
  git_tree* head_tree_raw = nullptr;
  if (git_commit_tree(&head_tree_raw, head->get()) != 0)
    return refuse(git::last_error(release_message(lang, "git/read-head-tree")).message);
  git::TreePtr head_tree(head_tree_raw);
  auto tags = git::list_release_tags(r, lang);
  if (!tags) return refuse(tags.error().message);
  auto completed = complete_untagged_release(r, head->get(), head_tree.get(), *prefix, cfg, *tags, lang);
  if (!completed) return refuse(completed.error().message);
  if (*completed) {
    res.notes.push_back(release_message(lang, "release/unfinished-completed", {{"tag", **completed}}));
    if (**completed == res.tag) {  // the cut asked for is the one just completed
      res.commit = git::oid_hex(*git_commit_id(head->get()));
      res.message = release_message(lang, "release/done", {{"tag", res.tag}, {"commit", res.commit.substr(0, 12)}});
      return res;
    }
    tags = git::list_release_tags(r, lang);
    if (!tags) return refuse(tags.error().message);
  }
  remove_stale_temp_files(cfg.abs(cfg.reports_dir));  // a killed cut's half-written files
  auto dirty = git::dirty_paths(r, *prefix, lang);
  if (!dirty) return refuse(dirty.error().message);
  if (!dirty->empty()) {
    // What a killed cut left is cleared when it is provably a cut's own, else named.
    auto leftover = find_unfinished_cut(r, head_tree.get(), *prefix, cfg, *dirty, *tags, lang);
    if (!leftover) return refuse(leftover.error().message);
    if (*leftover) {
      const UnfinishedCut& cut = **leftover;
      std::string list;
      for (const auto& p : cut.paths) list += "\n  " + p;
      if (!cut.ours)
        return refuse(release_message(lang, "release/unfinished-foreign", {{"tag", cut.tag}, {"why", cut.why_not}}) +
                      list);
      if (auto cleared = clear_unfinished_cut(cut, r, head_tree.get(), *prefix, cfg, lang); !cleared)
        return refuse(cleared.error().message);
      res.notes.push_back(release_message(lang, "release/unfinished-cleared", {{"tag", cut.tag}}) + list);
      dirty = git::dirty_paths(r, *prefix, lang);
      if (!dirty) return refuse(dirty.error().message);
    }
  }
  if (!dirty->empty()) {
    std::string list;
    for (size_t i = 0; i < dirty->size() && i < 10; ++i) list += "\n  " + (*dirty)[i];
    if (dirty->size() > 10) list += "\n  …";
    return refuse(release_message(lang, "release/dirty", {{"n", std::to_string(dirty->size())}}) + list);
  }
  const std::string folder = cfg.reports_dir + "/" + res.tag;
  std::error_code empty_ec;
  fs::remove(cfg.abs(folder), empty_ec);  // only when empty: all a cut killed at its first write leaves
  if (fs::exists(cfg.abs(folder))) return refuse(release_message(lang, "release/folder-exists", {{"path", folder}}));

  // 2. Validation: nothing at error severity, privacy above all.
  GateResult gate = run_release_gate(project);
  if (!gate.passed) {
    res.outcome = RunOutcome::Findings;
    res.findings = std::move(gate.report.diagnostics);
    res.message = release_message(lang, "release/invalid");
    return res;
  }

  // 3. Everything in memory: the export from the committed tree (so `release verify`
  //    can re-derive it from the tag), the diff, the reports, the manifest.
  auto current = git::load_benchmark_from_tree(r, head_tree.get(), *prefix, cfg, lang);
  if (!current) return refuse(current.error().message);
  if (!current->diagnostics.empty())
    return refuse(current->diagnostics.front().file + ": " + current->diagnostics.front().message);
  ExportResult ex = export_jsonl(current->benchmark, ExportOptions{});
  if (ex.rows == 0) return refuse(release_message(lang, "release/empty"));
  std::string leak_section;
  if (options.leak_check) {
    auto leaks = options.leak_check(current->benchmark);
    if (!leaks) return refuse(leaks.error().message);
    if (leaks->leaked > 0 && options.leak_fail) {
      res.outcome = RunOutcome::Findings;
      res.message = leaks->refusal;
      return res;
    }
    leak_section = "\n" + leaks->markdown;
  }

  const git::ReleaseTag* prev = git::previous_release(*tags, *version);
  ReleaseDiff diff;
  if (prev) {
    auto prev_tree = git::tree_of(r, git_oid_tostr_s(&prev->commit), lang);
    if (!prev_tree) return refuse(prev_tree.error().message);
    auto td = git::diff_trees(r, prev_tree->get(), head_tree.get(), *prefix, cfg, lang);
    if (!td) return refuse(td.error().message);
    diff = std::move(td->diff);
  } else {
    diff = diff_benchmarks(Benchmark{}, current->benchmark);
  }
  res.summary = diff_summary(diff, lang);
  const std::string date = git::utc_date(static_cast<int64_t>(std::time(nullptr)));
  const std::string entry =
      "## " + res.tag + " (" + date + ")\n\n" + diff_markdown(diff, prev ? prev->name : "", res.tag, lang);

  std::map<std::string, std::string> files;  // name in the release folder → bytes
  files[export_file_name(res.tag)] = std::move(ex.jsonl);
  ReleaseCoverage coverage = release_coverage(current->benchmark, cfg, project.taxonomy, res.tag, lang);
  files[kCoverageFileName] = std::move(coverage.md);
  files[kCoverageHtmlFileName] = std::move(coverage.html);
  files[kChangesFileName] = entry + leak_section;
  const std::string manifest = manifest_text(manifest_of(files));
  res.manifest_hash = sha256_hex(manifest);
  files[kManifestName] = manifest;
  const std::string manifest_rel = folder + "/" + kManifestName;
  const std::string changelog_rel = cfg.reports_dir + "/" + kChangelogFileName;
  // The changelog the release commit extends is the committed one, never whatever the
  // work tree holds.
  std::optional<std::string> old_changelog;
  if (auto committed = git::tree_file(r, head_tree.get(), *prefix, changelog_rel, lang))
    old_changelog = std::move(*committed);

  // 4. Work-tree files, each atomically; put back on any later failure.
  std::vector<Written> written;
  auto rollback_files = [&] {
    std::error_code ec;
    for (auto it = written.rbegin(); it != written.rend(); ++it) {
      if (it->previous)
        (void)write_file_atomic(cfg.abs(it->rel), *it->previous);
      else
        fs::remove(cfg.abs(it->rel), ec);
    }
    fs::remove(cfg.abs(folder), ec);  // only when empty
  };
  std::string error;
  auto put = [&](const std::string& rel, const std::string& bytes, std::optional<std::string> previous) {
    if (auto w = write_file_atomic(cfg.abs(rel), bytes); !w) {
      error = w.error().message;
      return false;
    }
    written.push_back(Written{rel, std::move(previous)});
    return true;
  };
  // The manifest last, so that a folder holding one is complete (see unfinished_cut.h).
  for (const auto& [name, bytes] : files)
    if (name != kManifestName && !put(folder + "/" + name, bytes, std::nullopt)) {
      rollback_files();
      return refuse(error);
    }
  if (!put(manifest_rel, files[kManifestName], std::nullopt) ||
      !put(changelog_rel, prepend_changelog_entry(old_changelog, files[kChangesFileName]), old_changelog)) {
    rollback_files();
    return refuse(error);
  }
  for (const auto& w : written) res.files.push_back(w.rel);

  // 5. Index, tree, commit and tag objects (unreferenced until the refs move).
  git_index* index_raw = nullptr;
  if (git_repository_index(&index_raw, r) != 0) {
    rollback_files();
    return refuse(git::last_error(release_message(lang, "git/open-index")).message);
  }
  git::IndexPtr index(index_raw);
  auto fail = [&](const std::string& what) {
    std::string m = git::last_error(what).message;
    git_index_read(index.get(), 1);  // drop the in-memory additions
    rollback_files();
    res.files.clear();
    return refuse(m);
  };
  for (const auto& w : written)
    if (git_index_add_bypath(index.get(), (*prefix + w.rel).c_str()) != 0)
      return fail(release_message(lang, "git/stage", {{"path", w.rel}}));
  git_oid tree_id, commit_id, tag_id;
  if (git_index_write_tree(&tree_id, index.get()) != 0) return fail(release_message(lang, "git/write-tree"));
  git_tree* tree_raw = nullptr;
  if (git_tree_lookup(&tree_raw, r, &tree_id) != 0) return fail(release_message(lang, "git/read-tree"));
  git::TreePtr tree(tree_raw);
  auto sig = git::default_signature(r, lang);
  if (!sig) {
    git_index_read(index.get(), 1);
    rollback_files();
    res.files.clear();
    return refuse(sig.error().message);
  }
  const std::string commit_msg =
      "Release " + res.tag + "\n\n" + res.summary + "\n\nmanifest-sha256: " + res.manifest_hash + "\n";
  const git_commit* parents[] = {head->get()};
  if (git_commit_create(&commit_id, r, nullptr, sig->get(), sig->get(), nullptr, commit_msg.c_str(), tree.get(), 1,
                        parents) != 0)
    return fail(release_message(lang, "git/create-commit"));
  git_object* commit_obj_raw = nullptr;
  if (git_object_lookup(&commit_obj_raw, r, &commit_id, GIT_OBJECT_COMMIT) != 0)
    return fail(release_message(lang, "git/read-commit"));
  git::ObjectPtr commit_obj(commit_obj_raw);
  const std::string tag_msg = git::release_tag_message(res.tag, res.summary, manifest_rel, res.manifest_hash);
  if (git_tag_annotation_create(&tag_id, r, res.tag.c_str(), commit_obj.get(), sig->get(), tag_msg.c_str()) != 0)
    return fail(release_message(lang, "git/create-tag-object"));

  // 6. Refs: the branch, then the tag; then the index on disk. Each failure undoes the
  //    steps before it.
  git_reference* head_ref_raw = nullptr;
  if (git_repository_head(&head_ref_raw, r) != 0) return fail(release_message(lang, "git/read-head"));
  git::ReferencePtr head_ref(head_ref_raw);
  const std::string branch = git_reference_is_branch(head_ref.get()) ? git_reference_name(head_ref.get()) : "HEAD";
  const git_oid old_head = *git_commit_id(head->get());
  const std::string log = "clinconsensus release cut " + res.tag;
  git_reference* moved = nullptr;
  if (git_reference_create_matching(&moved, r, branch.c_str(), &commit_id, 1, &old_head, log.c_str()) != 0)
    return fail(release_message(lang, "git/move-branch", {{"branch", branch}}));
  git_reference_free(moved);
  auto restore_branch = [&] {
    git_reference* back = nullptr;
    if (git_reference_create_matching(&back, r, branch.c_str(), &old_head, 1, &commit_id,
                                      "clinconsensus release rollback") == 0)
      git_reference_free(back);
  };
  git_reference* tag_ref = nullptr;
  const std::string tag_ref_name = "refs/tags/" + res.tag;
  if (git_reference_create(&tag_ref, r, tag_ref_name.c_str(), &tag_id, 0, log.c_str()) != 0) {
    std::string m = git::last_error(release_message(lang, "git/create-tag", {{"tag", res.tag}})).message;
    restore_branch();
    git_index_read(index.get(), 1);
    rollback_files();
    res.files.clear();
    return refuse(m);
  }
  git_reference_free(tag_ref);
  if (git_index_write(index.get()) != 0) {
    std::string m = git::last_error(release_message(lang, "git/write-index")).message;
    git_reference* t = nullptr;
    if (git_reference_lookup(&t, r, tag_ref_name.c_str()) == 0) {
      git_reference_delete(t);
      git_reference_free(t);
    }
    restore_branch();
    git_index_read(index.get(), 1);
    rollback_files();
    res.files.clear();
    return refuse(m);
  }
  res.commit = git::oid_hex(commit_id);
  res.message = release_message(lang, "release/done", {{"tag", res.tag}, {"commit", res.commit.substr(0, 12)}});
  return res;
}

}  // namespace cc
