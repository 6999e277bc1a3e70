#pragma once
// Findings of the scorer before they become Diagnostics: located by byte offset in an
// input (the line is worked out only for the few that are shown), and capped per rule so
// a file that repeats one mistake 800,000 times gives a readable report.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/messages.h"
#include "scoring/input/source_file.h"

namespace cc::scoring {

// One finding in an input file, at a byte offset.
struct PendingFinding {
  std::string rule;
  Severity severity = Severity::Error;
  size_t offset = 0;
  std::string message;
};

// The findings of one input, at most `limit` per rule; the rest are only counted.
class FindingList {
 public:
  FindingList() = default;
  explicit FindingList(size_t limit) : limit_(limit) {}
  // False when the rule has reached its limit: the caller may skip building the message.
  bool wants(const std::string& rule) const;
  void add(PendingFinding f);
  bool has_errors() const { return errors_ > 0; }
  size_t errors() const { return errors_; }
  const std::vector<PendingFinding>& kept() const { return kept_; }
  const std::map<std::string, size_t>& dropped() const { return dropped_; }
  void append(const FindingList& other);

 private:
  size_t limit_ = 20;
  size_t errors_ = 0;
  std::vector<PendingFinding> kept_;
  std::map<std::string, size_t> per_rule_;
  std::map<std::string, size_t> dropped_;
};

// Turns the findings of `file` into Diagnostics with line and column, plus one note per
// rule that was capped.
void resolve_findings(SourceFile& file, const FindingList& findings, Lang lang, std::vector<Diagnostic>& out);

}  // namespace cc::scoring
