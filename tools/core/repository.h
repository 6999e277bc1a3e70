#pragma once
// Repository: finding the benchmark root (upward from a folder, as git finds .git) and
// listing its case and rubric files.
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/messages.h"

namespace cc {

// The nearest folder at or above `start` holding clinconsensus.yaml (absolute), if any.
std::optional<std::string> find_repository_root(const std::string& start);

// A *.yaml / *.yml entry below a listed folder that cannot be read as a benchmark file
// (a dangling or looping symbolic link, a link leaving the repository, something that
// is not a file), or a folder that cannot be listed; `reason` says which.
struct UnreadableReason {
  std::string id;      // catalog id (core/messages.cpp): "io/link-loops", "io/cannot-list", ...
  std::string detail;  // what it names: the link's target, or the C library's error text
  // The reason in words, in `lang`: "a symbolic link that loops (x.yaml)".
  std::string describe(Lang lang) const { return message(lang, id, {{"detail", detail}}); }
};
struct UnreadableEntry {
  std::string path;  // root-relative, '/' separators
  UnreadableReason reason;
};

// What lies below `<root>/<dir>`: the readable *.yaml / *.yml files (root-relative '/'
// paths, sorted; symbolic links to files inside the repository included, folder links
// not followed) and every entry that could not be listed or read, with why. A missing
// `<root>/<dir>` is an empty listing, not a problem.
struct YamlListing {
  std::vector<std::string> files;
  std::vector<UnreadableEntry> unreadable;
};
YamlListing scan_yaml_files(const std::string& root, const std::string& dir);

// scan_yaml_files(root, dir).files: for readers that report nothing about the rest.
std::vector<std::string> list_yaml_files(const std::string& root, const std::string& dir);

// The benchmark files that command-line `paths` name (files, and the YAML files below
// folders), sorted and unique, with every path that cannot be read and why (missing,
// outside the repository, or a link problem). Relative paths resolve against the
// current folder.
YamlListing resolve_path_arguments(const std::string& root, const std::vector<std::string>& paths);

// Why the symbolic link `path` cannot be followed from the repository at `root`: it
// leads nowhere, it loops, or it leaves the repository. nullopt when `path` is not a
// link or is a link to something inside the repository. Links are treated this one way
// everywhere: one leaving the repository is reported, never followed or written through.
std::optional<UnreadableReason> link_problem(const std::string& root, const std::string& path);

// `path` (absolute, or relative to the current folder) relative to `root`, with '/'
// separators; nullopt when it lies outside the root.
std::optional<std::string> relative_to_root(const std::string& root, const std::string& path);

// File name without folder and extension: "cases/x/CC-0001.yaml" → "CC-0001".
std::string file_stem(const std::string& path);
// The first folder below `top` in a root-relative path: ("cases/cardiology/a.yaml",
// "cases") → "cardiology"; empty when the file sits directly in `top`.
std::string folder_below(const std::string& path, const std::string& top);

}  // namespace cc
