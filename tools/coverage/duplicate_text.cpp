#include "coverage/duplicate_text.h"

#include <algorithm>
#include <unordered_map>

#include "coverage/coverage_messages.h"
#include "coverage/dedup_benchmark.h"
#include "coverage/text_normalize.h"

namespace cc::coverage {

uint64_t case_text_key(const std::string& clinical_context, const std::string& user_request) {
  auto segments = normalized_segments(case_dedup_text(clinical_context, user_request));
  if (segments.empty()) return 0;
  uint64_t key = segments_key(segments);
  return key ? key : 1;
}

void check_duplicate_case_text(std::vector<CaseTextEntry> entries, Lang lang, std::vector<Diagnostic>& out) {
  std::sort(entries.begin(), entries.end(),
            [](const CaseTextEntry& a, const CaseTextEntry& b) { return a.path < b.path; });
  std::unordered_map<uint64_t, std::vector<const CaseTextEntry*>> seen;
  for (const auto& e : entries)
    if (e.reference && e.key != 0) seen[e.key].push_back(&e);
  for (const auto& e : entries) {
    if (e.key == 0 || e.reference) continue;
    auto& earlier = seen[e.key];
    const CaseTextEntry* other = nullptr;
    for (const CaseTextEntry* x : earlier)
      if (x->case_id != e.case_id && !(x->draft && e.draft)) {
        other = x;
        break;
      }
    earlier.push_back(&e);
    if (!other) continue;
    Diagnostic d;
    d.rule = "integrity/duplicate-case-text";
    d.severity = Severity::Error;
    d.file = e.path;
    d.line = e.line;
    d.column = e.column;
    d.message = message(lang, "integrity/duplicate-case-text", {{"other", other->path}, {"other_id", other->case_id}});
    out.push_back(std::move(d));
  }
}

}  // namespace cc::coverage
