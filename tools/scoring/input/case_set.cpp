#include "scoring/input/case_set.h"

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
  id_blob_.clear();
  id_offset_.assign(1, 0);
  for (uint32_t c = 0; c < cases.size(); ++c) {
    index_.emplace(cases[c].case_id, c);
    uint32_t n = static_cast<uint32_t>(cases[c].criteria.size());
    first_cell_.push_back(first_cell_.back() + n);
    cell_case_.insert(cell_case_.end(), n, c);
    max_criteria_ = std::max<int>(max_criteria_, static_cast<int>(n));
    for (const auto& k : cases[c].criteria) {
      has_axes_ = has_axes_ || !k.axis.empty();
      id_blob_ += k.criterion_id;
      id_offset_.push_back(static_cast<uint32_t>(id_blob_.size()));
    }
  }
}

std::string_view CaseSet::keep(std::string text) {
  texts_.push_back(std::move(text));
  return texts_.back();
}

int CaseSet::find_case(std::string_view case_id) const {
  auto it = index_.find(case_id);
  return it == index_.end() ? -1 : static_cast<int>(it->second);
}

int CaseSet::find_criterion(uint32_t c, std::string_view criterion_id, uint32_t hint) const {
  const uint32_t first = first_cell_[c], n = first_cell_[c + 1] - first;
  auto id_at = [&](uint32_t i) {
    return std::string_view(id_blob_).substr(id_offset_[first + i], id_offset_[first + i + 1] - id_offset_[first + i]);
  };
  if (hint < n && id_at(hint) == criterion_id) return static_cast<int>(hint);
  for (uint32_t i = 0; i < n; ++i)
    if (id_at(i) == criterion_id) return static_cast<int>(i);
  return -1;
}

}  // namespace cc::scoring
