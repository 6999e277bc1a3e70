#include "scoring/case_set.h"

#include <algorithm>

namespace cc::scoring {

void CaseSet::finalize() {
  std::sort(cases.begin(), cases.end(), [](const ScoredCase& a, const ScoredCase& b) { return a.case_id < b.case_id; });
  index_.clear();
  index_.reserve(cases.size());
  first_cell_.assign(1, 0);
  cell_case_.clear();
  max_criteria_ = 0;
  has_axes_ = false;
  for (uint32_t c = 0; c < cases.size(); ++c) {
    index_.emplace(cases[c].case_id, c);
    uint32_t n = static_cast<uint32_t>(cases[c].criteria.size());
    first_cell_.push_back(first_cell_.back() + n);
    cell_case_.insert(cell_case_.end(), n, c);
    max_criteria_ = std::max<int>(max_criteria_, static_cast<int>(n));
    for (const auto& k : cases[c].criteria) has_axes_ = has_axes_ || !k.axis.empty();
  }
}

int CaseSet::find_case(std::string_view case_id) const {
  auto it = index_.find(case_id);
  return it == index_.end() ? -1 : static_cast<int>(it->second);
}

int CaseSet::find_criterion(uint32_t c, std::string_view criterion_id, uint32_t hint) const {
  const auto& crit = cases[c].criteria;
  if (hint < crit.size() && crit[hint].criterion_id == criterion_id) return static_cast<int>(hint);
  for (size_t i = 0; i < crit.size(); ++i)
    if (crit[i].criterion_id == criterion_id) return static_cast<int>(i);
  return -1;
}

}  // namespace cc::scoring
