#pragma once
// Integrity checks: what a schema cannot say. Per file — case_id equals the file name,
// the file sits in its subject's folder, labels are in the taxonomy, the primary labels
// are in the label lists, audience agrees with user_role, a rubric has the configured
// number of uniquely identified criteria. Across files — every case has exactly one
// rubric and every rubric a case, and no case id is used twice.
#include <string>
#include <vector>

#include "checks/file_facts.h"
#include "core/config.h"
#include "core/document.h"
#include "core/messages.h"
#include "core/taxonomy.h"

namespace cc {

// Everything the integrity checks read, gathered once per run.
struct IntegrityContext {
  const Config& config;
  const Taxonomy& taxonomy;
  Lang lang;
};

// Checks one case or rubric (decided by its folder) and fills `facts` for the
// cross-file checks. `doc.path` is root-relative.
void check_file_integrity(const Document& doc, const IntegrityContext& ctx, FileFacts& facts,
                          std::vector<Diagnostic>& out);

// Which kind of benchmark file a root-relative path is.
FileKind file_kind_of(const std::string& path, const Config& config);

// The whole benchmark's file names, for pairing and duplicate checks without parsing.
struct BenchmarkListing {
  std::vector<std::string> cases;    // root-relative, sorted
  std::vector<std::string> rubrics;  // root-relative, sorted
};

// Cross-file checks for the files that were checked (path → facts), against the listing.
void check_cross_file(const std::vector<std::pair<std::string, FileFacts>>& checked, const BenchmarkListing& listing,
                      const IntegrityContext& ctx, std::vector<Diagnostic>& out);

}  // namespace cc
