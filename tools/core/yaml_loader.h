#pragma once
// YAML loader: reads one file into a Document with YAML 1.2 core-schema typing
// ("yes" and "on" stay strings) and refuses what a benchmark file must never contain:
// invalid UTF-8, a BOM, duplicate keys, complex keys, several documents, alias bombs,
// deep nesting, oversized files. Every refusal is a Diagnostic with line and column.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "core/messages.h"
#include "core/result.h"

namespace cc {

// Resource limits for one file, from clinconsensus.yaml (`limits:`).
struct LoadLimits {
  size_t max_file_bytes = 1 << 20;
  int max_depth = 32;
  size_t max_alias_nodes = 1000;  // values produced by alias expansion, in all
  // Bytes of scalars produced by alias expansion, in all: a few aliases of one long
  // string can cost more than many small values (999 aliases of a 900 KB string once
  // took 16 s and 918 MB), so both are budgeted.
  size_t max_alias_bytes = 1 << 20;
};

struct LoadResult {
  std::optional<Document> document;  // absent when the file could not be parsed at all
  std::vector<Diagnostic> diagnostics;
};

// How much position information a load keeps. Recording every node's position costs
// about a tenth of a load; most files have no finding, so validate first loads with
// TopLevel and loads again with All only when a finding needs a precise position.
enum class Positions { All, TopLevel };

// Parses `text` as the file `path` (repository-relative, used in diagnostics).
LoadResult load_yaml_text(std::string path, std::string text, const LoadLimits& limits, Lang lang,
                          Positions positions = Positions::All);

// Reads `abs_path` from disk, then parses it as load_yaml_text does.
LoadResult load_yaml_file(const std::string& abs_path, std::string rel_path, const LoadLimits& limits, Lang lang,
                          Positions positions = Positions::All);

// Reads a whole file; when it cannot, an Error whose message is the errno text alone
// (callers add the path in their own words).
Result<std::string> read_file(const std::string& path);

}  // namespace cc
