#pragma once
// File identities: cheap strings that change whenever a file's bytes do — its stat
// signature in the work tree, git's blob id of its bytes — so a cache (checks'
// case-text cache) can be keyed by them and a run need not read a file it has seen.
#include <string>
#include <string_view>
#include <vector>

namespace cc {

// The stat signature of a file (inode, size, modification time in ns), or "" when it
// cannot be read; it changes whenever an editor or git rewrites the file.
std::string stat_identity(const std::string& abs_path);

// stat_identity of each of `rel_paths` (relative to `root`, '/' separated), each taken
// relative to an open handle of its folder: the kernel resolves one name per file rather
// than every component of an absolute path (a one-case validate takes the identity of
// every other case of the benchmark). Sorted paths share their folder's handle.
std::vector<std::string> stat_identities(const std::string& root, const std::vector<std::string>& rel_paths);

// The identity git gives these bytes: "blob:" and the blob id (SHA-1 of "blob <size>\0"
// and the bytes), as the index lists it. "" if hashing fails.
std::string blob_identity(std::string_view bytes);

}  // namespace cc
