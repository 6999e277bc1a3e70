#include "leak/case_texts.h"

namespace cc::leak {

std::vector<LeakText> case_texts(const Benchmark& benchmark, bool criteria,
                                 const std::function<bool(const Case&)>& keep) {
  std::vector<LeakText> out;
  for (const Case& c : benchmark.cases) {
    if (c.case_id.empty() || (keep && !keep(c))) continue;
    LeakText t{c.case_id, {c.clinical_context, c.user_request}};
    if (criteria)
      if (const Rubric* r = benchmark.find_rubric(c.case_id))
        for (const Criterion& k : r->criteria) t.segments.push_back(k.criterion);
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace cc::leak
