#pragma once
// BenchmarkSummary: the short "what is in this benchmark" table `validate --summary`
// prints — counts of cases and criteria and their spread over the taxonomy's dimensions.
#include <string>
#include <utility>
#include <vector>

namespace cc {

struct BenchmarkSummary {
  int cases = 0;
  int rubrics = 0;
  int criteria = 0;
  int critical_criteria = 0;
  int specialties_total = 0;  // in the taxonomy
  int tasks_total = 0;
  // Label → count, in taxonomy order; labels the taxonomy lacks come last.
  using Counts = std::vector<std::pair<std::string, int>>;
  Counts status, difficulty, care_stage, audience, subject, task, axis;
};

}  // namespace cc
