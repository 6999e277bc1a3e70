#include "release/release_query.h"

#include "release/git_files.h"

namespace cc::git {
namespace {

// The rev-parse spec for a command-line argument: a release tag when the argument is a
// version with a tag, else the argument itself.
std::string spec_of(git_repository* repo, const std::string& arg) {
  if (auto v = parse_semver(arg)) {
    git_reference* raw = nullptr;
    if (git_reference_lookup(&raw, repo, ("refs/tags/" + v->tag()).c_str()) == 0) {
      git_reference_free(raw);
      return "refs/tags/" + v->tag();
    }
  }
  return arg;
}

}  // namespace

Result<std::vector<ReleaseTag>> list_releases(const Config& config, Lang lang) {
  auto repo = open_repository(config.root, lang);
  if (!repo) return repo.error();
  return list_release_tags(repo->get(), lang);
}

Result<TreeDiff> diff_revisions(const Config& config, const std::string& from, const std::string& to, Lang lang) {
  auto repo = open_repository(config.root, lang);
  if (!repo) return repo.error();
  git_repository* r = repo->get();
  auto prefix = root_prefix(r, config.root, lang);
  if (!prefix) return prefix.error();
  auto a = tree_of(r, spec_of(r, from), lang);
  if (!a) return a.error();
  auto b = tree_of(r, spec_of(r, to), lang);
  if (!b) return b.error();
  return diff_trees(r, a->get(), b->get(), *prefix, config, lang);
}

std::string revision_label(const std::string& arg) {
  auto v = parse_semver(arg);
  return v ? v->tag() : arg;
}

}  // namespace cc::git
