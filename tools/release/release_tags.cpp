#include "release/release_tags.h"

#include "release/release_messages.h"

#include <algorithm>
#include <ctime>

namespace cc::git {
namespace {

constexpr std::string_view kHashKey = "manifest-sha256: ";

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t nl = s.find('\n', pos);
    out.push_back(s.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos));
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return out;
}

Result<ReleaseTag> read_tag(git_repository* repo, const std::string& name, const SemVer& v, Lang lang) {
  ReleaseTag t;
  t.version = v;
  t.name = name;
  git_object* raw = nullptr;
  if (git_revparse_single(&raw, repo, ("refs/tags/" + name).c_str()) != 0)
    return last_error(release_message(lang, "git/read-tag", {{"tag", name}}));
  ObjectPtr obj(raw);
  if (git_object_type(obj.get()) == GIT_OBJECT_TAG) {
    auto* tag = reinterpret_cast<git_tag*>(obj.get());
    t.annotated = true;
    if (const char* m = git_tag_message(tag)) t.message = m;
    if (const git_signature* s = git_tag_tagger(tag)) {
      t.tagger = std::string(s->name ? s->name : "") + " <" + (s->email ? s->email : "") + ">";
      t.time = s->when.time;
    }
  }
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, obj.get(), GIT_OBJECT_COMMIT) != 0)
    return last_error(release_message(lang, "git/tag-no-commit", {{"tag", name}}));
  ObjectPtr commit(peeled);
  t.commit = *git_object_id(commit.get());
  if (!t.annotated) t.time = git_commit_time(reinterpret_cast<git_commit*>(commit.get()));
  return t;
}

}  // namespace

Result<std::vector<ReleaseTag>> list_release_tags(git_repository* repo, Lang lang) {
  git_strarray names{};
  if (git_tag_list(&names, repo) != 0) return last_error(release_message(lang, "git/list-tags"));
  std::vector<ReleaseTag> out;
  std::optional<Error> failure;
  for (size_t i = 0; i < names.count; ++i) {
    std::string name = names.strings[i];
    if (name.empty() || name[0] != 'v') continue;
    auto v = parse_semver(name);
    if (!v || v->tag() != name) continue;
    auto t = read_tag(repo, name, *v, lang);
    if (!t) {
      failure = t.error();
      break;
    }
    out.push_back(std::move(*t));
  }
  git_strarray_dispose(&names);
  if (failure) return *failure;
  std::sort(out.begin(), out.end(),
            [](const ReleaseTag& a, const ReleaseTag& b) { return compare_semver(a.version, b.version) < 0; });
  return out;
}

Result<std::optional<ReleaseTag>> find_release_tag(git_repository* repo, const SemVer& version, Lang lang) {
  git_reference* raw = nullptr;
  int rc = git_reference_lookup(&raw, repo, ("refs/tags/" + version.tag()).c_str());
  if (rc == GIT_ENOTFOUND) return std::optional<ReleaseTag>();
  if (rc != 0) return last_error(release_message(lang, "git/look-up-tag", {{"tag", version.tag()}}));
  git_reference_free(raw);
  auto t = read_tag(repo, version.tag(), version, lang);
  if (!t) return t.error();
  return std::optional<ReleaseTag>(std::move(*t));
}

const ReleaseTag* previous_release(const std::vector<ReleaseTag>& tags, const SemVer& version) {
  const ReleaseTag* best = nullptr;
  for (const auto& t : tags)
    if (compare_semver(t.version, version) < 0) best = &t;  // tags are sorted
  return best;
}

std::string release_tag_message(const std::string& tag, const std::string& summary, const std::string& manifest_path,
                                const std::string& manifest_hash) {
  return "ClinConsensus " + tag + "\n\n" + summary + "\n\nmanifest: " + manifest_path + "\n" + std::string(kHashKey) +
         manifest_hash + "\n";
}

std::optional<std::string> manifest_hash_of(const std::string& message) {
  for (const auto& line : lines_of(message))
    if (line.rfind(kHashKey, 0) == 0) {
      std::string hex = line.substr(kHashKey.size());
      if (hex.size() == 64 && hex.find_first_not_of("0123456789abcdef") == std::string::npos) return hex;
    }
  return std::nullopt;
}

std::string summary_of(const std::string& message) {
  auto lines = lines_of(message);
  return lines.size() > 2 ? lines[2] : std::string();
}

std::string utc_date(int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace cc::git
