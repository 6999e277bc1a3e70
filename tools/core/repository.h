#pragma once
// Repository: finding the benchmark root (upward from a folder, as git finds .git) and
// listing its case and rubric files.
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"

namespace cc {

// The nearest folder at or above `start` holding clinconsensus.yaml (absolute), if any.
std::optional<std::string> find_repository_root(const std::string& start);

// Every *.yaml / *.yml file below `<root>/<dir>`, as root-relative '/' paths, sorted.
std::vector<std::string> list_yaml_files(const std::string& root, const std::string& dir);

// `path` (absolute, or relative to the current folder) relative to `root`, with '/'
// separators; nullopt when it lies outside the root.
std::optional<std::string> relative_to_root(const std::string& root, const std::string& path);

// File name without folder and extension: "cases/x/CC-0001.yaml" → "CC-0001".
std::string file_stem(const std::string& path);
// The first folder below `top` in a root-relative path: ("cases/cardiology/a.yaml",
// "cases") → "cardiology"; empty when the file sits directly in `top`.
std::string folder_below(const std::string& path, const std::string& top);

}  // namespace cc
