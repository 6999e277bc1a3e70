#include "scoring/input/findings.h"

#include "scoring/scoring_messages.h"

namespace cc::scoring {

bool FindingList::wants(const std::string& rule) const {
  auto it = per_rule_.find(rule);
  return it == per_rule_.end() || it->second < limit_;
}

void FindingList::add(PendingFinding f) {
  if (f.severity == Severity::Error) ++errors_;
  size_t& n = per_rule_[f.rule];
  if (n >= limit_) {
    ++dropped_[f.rule];
    return;
  }
  ++n;
  kept_.push_back(std::move(f));
}

void FindingList::append(const FindingList& other) {
  for (const auto& f : other.kept_) add(f);
  for (const auto& [rule, n] : other.dropped_) dropped_[rule] += n;
  errors_ += other.errors_ - [&] {
    size_t e = 0;
    for (const auto& f : other.kept_) e += f.severity == Severity::Error;
    return e;
  }();
}

void resolve_findings(SourceFile& file, const FindingList& findings, Lang lang, std::vector<Diagnostic>& out) {
  for (const auto& f : findings.kept()) {
    Diagnostic d;
    d.rule = f.rule;
    d.severity = f.severity;
    d.file = file.path();
    LineColumn lc = file.position(f.offset);
    d.line = lc.line;
    d.column = lc.column;
    d.message = f.message;
    out.push_back(std::move(d));
  }
  for (const auto& [rule, n] : findings.dropped()) {
    if (n == 0) continue;
    Diagnostic d;
    d.rule = rule;
    d.severity = Severity::Note;
    d.file = file.path();
    d.message = scoring_message(lang, "verdict/more", {{"count", std::to_string(n)}, {"rule", rule}});
    out.push_back(std::move(d));
  }
}

}  // namespace cc::scoring
