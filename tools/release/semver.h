#pragma once
// Semantic versions (semver.org 2.0.0) as release names: "1.2.0" or "v1.2.0" on the
// command line, tag "v1.2.0", reports folder "reports/v1.2.0/".
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

struct SemVer {
  unsigned long major = 0, minor = 0, patch = 0;
  std::vector<std::string> prerelease;  // dot-separated identifiers after '-'
  std::string build;                    // after '+'; ignored in ordering

  std::string str() const;  // "1.2.0-rc.1"
  std::string tag() const { return "v" + str(); }
};

// Parses "1.2.0", "v1.2.0", "1.2.0-rc.1+build.5"; nullopt when not a semantic version.
std::optional<SemVer> parse_semver(std::string_view text);

// Semver precedence: <0, 0, >0.
int compare_semver(const SemVer& a, const SemVer& b);

}  // namespace cc
