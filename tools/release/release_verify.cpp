#include "release/release_verify.h"

#include "core/sha256.h"
#include "release/export_jsonl.h"
#include "release/git.h"
#include "release/git_benchmark.h"
#include "release/git_files.h"
#include "release/manifest.h"
#include "release/release_cut.h"
#include "release/release_messages.h"
#include "release/release_tags.h"
#include "release/semver.h"

namespace cc {

VerifyResult verify_release(const Project& project, const std::string& version, const std::string& export_file) {
  VerifyResult res;
  const Config& cfg = project.config;
  const Lang lang = project.lang;
  auto stop = [&](std::string m) {
    res.outcome = RunOutcome::Unusable;
    res.error = std::move(m);
    return res;
  };
  auto check = [&](std::string_view id, bool ok, std::string detail = {}, std::initializer_list<MessageArg> args = {}) {
    res.checks.push_back(VerifyCheck{release_message(lang, id, args), ok, ok ? std::string() : std::move(detail)});
    if (!ok) res.outcome = RunOutcome::Findings;
    return ok;
  };

  auto v = parse_semver(version);
  if (!v) return stop(release_message(lang, "release/bad-version", {{"version", version}}));
  const std::string tag = v->tag();
  auto repo = git::open_repository(cfg.root, lang);
  if (!repo) return stop(repo.error().message);
  git_repository* r = repo->get();
  auto prefix = git::root_prefix(r, cfg.root, lang);
  if (!prefix) return stop(prefix.error().message);
  auto found = git::find_release_tag(r, *v, lang);
  if (!found) return stop(found.error().message);
  if (!*found) return stop(release_message(lang, "release/no-tag", {{"tag", tag}}));
  const git::ReleaseTag& t = **found;

  // The tag: annotated, carrying the manifest hash.
  auto hash = git::manifest_hash_of(t.message);
  if (!check("verify/tag", t.annotated && hash.has_value(), release_message(lang, "verify/tag-detail"), {{"tag", tag}}))
    return res;
  auto tree = git::tree_of(r, git::oid_hex(t.commit), lang);
  if (!tree) return stop(tree.error().message);

  // The manifest in the tagged tree hashes to what the tag says.
  const std::string folder = cfg.reports_dir + "/" + tag;
  auto manifest_bytes = git::tree_file(r, tree->get(), *prefix, folder + "/" + kManifestName, lang);
  if (!check("verify/manifest-present", manifest_bytes.ok(), manifest_bytes ? "" : manifest_bytes.error().message,
             {{"path", folder + "/" + kManifestName}}))
    return res;
  std::string manifest_hash = sha256_hex(*manifest_bytes);
  check("verify/manifest-hash", manifest_hash == *hash, *hash + " ≠ " + manifest_hash);
  auto manifest = parse_manifest(*manifest_bytes);
  if (!check("verify/manifest-format", manifest.has_value(), release_message(lang, "verify/manifest-format-detail")))
    return res;

  // Every released file matches its manifest line, and nothing unlisted sits beside it.
  for (const auto& [name, want] : *manifest) {
    auto bytes = git::tree_file(r, tree->get(), *prefix, folder + "/" + name, lang);
    std::string got = bytes ? sha256_hex(*bytes) : std::string("missing");
    check("verify/file", got == want, want + " ≠ " + got, {{"path", folder + "/" + name}});
  }
  {
    git_tree_entry* raw = nullptr;
    if (git_tree_entry_bypath(&raw, tree->get(), (*prefix + folder).c_str()) == 0) {
      git::TreeEntryPtr entry(raw);
      git_tree* sub_raw = nullptr;
      if (git_tree_lookup(&sub_raw, r, git_tree_entry_id(entry.get())) == 0) {
        git::TreePtr sub(sub_raw);
        std::string extra;
        for (size_t i = 0; i < git_tree_entrycount(sub.get()); ++i) {
          std::string name = git_tree_entry_name(git_tree_entry_byindex(sub.get(), i));
          if (name != kManifestName && !manifest->count(name)) extra += (extra.empty() ? "" : ", ") + name;
        }
        check("verify/unlisted", extra.empty(), extra, {{"path", folder}});
      }
    }
  }

  // The export follows from the tagged cases and rubrics.
  const std::string export_name = export_file_name(tag);
  auto listed_export = manifest->find(export_name);
  if (!check("verify/export-listed", listed_export != manifest->end(), export_name, {{"name", export_name}}))
    return res;
  auto bench = git::load_benchmark_from_tree(r, tree->get(), *prefix, cfg, lang);
  if (!bench) return stop(bench.error().message);
  std::string derived;
  try {
    derived = sha256_hex(export_jsonl(bench->benchmark, ExportOptions{}).jsonl);
  } catch (const std::exception& e) {
    derived = e.what();
  }
  check("verify/export-derived", derived == listed_export->second, listed_export->second + " ≠ " + derived);

  // The file the user has.
  if (!export_file.empty()) {
    auto digest = sha256_file(export_file, lang);
    if (!digest) return stop(digest.error().message);
    const std::string& got = *digest;
    check("verify/export-file", got == listed_export->second, listed_export->second + " ≠ " + got,
          {{"path", export_file}});
  }
  return res;
}

}  // namespace cc
