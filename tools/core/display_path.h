#pragma once
// Display paths: findings carry paths relative to the benchmark root (the folder holding
// clinconsensus.yaml); output shows them relative to the folder its reader resolves them
// against — the git work tree's top for github and SARIF (where annotations are placed),
// the folder the command ran in for text (as git prints paths).
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace cc {

// `root_relative` (a '/'-separated path below the absolute folder `root`) relative to the
// absolute folder `base`, '/'-separated, with "../" where it leaves `base`: ("/r", "/r/a",
// "cases/x.yaml") → "../cases/x.yaml"; ("/g/bench", "/g", "cases/x.yaml") →
// "bench/cases/x.yaml". Symbolic links in `root` and `base` are resolved first. An empty
// or absolute `root_relative` is returned unchanged, as is every path when `root` and
// `base` are the same folder.
std::string path_from(const std::string& root, const std::string& base, const std::string& root_relative);

// Rewrites the file of every diagnostic with path_from(root, base, file).
void rebase_paths(std::vector<Diagnostic>& diagnostics, const std::string& root, const std::string& base);

}  // namespace cc
