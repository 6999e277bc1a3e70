#include "release/coverage_report.h"

#include "release/release_messages.h"

namespace cc {

std::string coverage_report_md(const BenchmarkSummary& s, const std::string& tag, Lang lang) {
  std::string out = "# " + release_message(lang, "coverage/title", {{"tag", tag}}) + "\n\n";
  out += release_message(lang, "coverage/totals",
                         {{"cases", std::to_string(s.cases)},
                          {"rubrics", std::to_string(s.rubrics)},
                          {"criteria", std::to_string(s.criteria)},
                          {"critical", std::to_string(s.critical_criteria)}}) +
         "\n";
  auto table = [&](std::string_view word, const BenchmarkSummary::Counts& counts) {
    if (counts.empty()) return;
    out += "\n## " + release_message(lang, word) + "\n\n| | n |\n|---|---:|\n";
    for (const auto& [label, n] : counts) out += "| " + label + " | " + std::to_string(n) + " |\n";
  };
  table("coverage/status", s.status);
  table("coverage/difficulty", s.difficulty);
  table("coverage/care_stage", s.care_stage);
  table("coverage/audience", s.audience);
  table("coverage/subject", s.subject);
  table("coverage/task", s.task);
  table("coverage/axis", s.axis);
  return out;
}

}  // namespace cc
