#pragma once
// Release tags: the annotated tags "v<semver>" that are the releases, their messages
// (title, summary, manifest hash) and how they order.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "release/git.h"
#include "release/semver.h"

namespace cc::git {

// One release as its tag records it.
struct ReleaseTag {
  SemVer version;
  std::string name;  // "v1.2.0"
  bool annotated = false;
  std::string message;  // the tag's message (empty for a lightweight tag)
  std::string tagger;   // "Name <email>"
  int64_t time = 0;     // tagger time, seconds since the epoch
  git_oid commit;       // the tagged commit
};

// Every tag whose name is a semantic version, in version order (oldest first).
Result<std::vector<ReleaseTag>> list_release_tags(git_repository* repo, Lang lang);

// The tag of `version`, or nullopt when there is none.
Result<std::optional<ReleaseTag>> find_release_tag(git_repository* repo, const SemVer& version, Lang lang);

// The newest release older than `version`, if any.
const ReleaseTag* previous_release(const std::vector<ReleaseTag>& tags, const SemVer& version);

// The tag message of a release: a title, the diff summary, the manifest and its hash.
std::string release_tag_message(const std::string& tag, const std::string& summary, const std::string& manifest_path,
                                const std::string& manifest_hash);
// The manifest hash a tag message carries ("manifest-sha256: <hex>"), if any.
std::optional<std::string> manifest_hash_of(const std::string& message);
// The summary line of a tag message (its third line), for `release list`.
std::string summary_of(const std::string& message);

// "YYYY-MM-DD" (UTC) of a time in seconds since the epoch.
std::string utc_date(int64_t seconds);

}  // namespace cc::git
