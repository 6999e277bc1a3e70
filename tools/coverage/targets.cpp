#include "coverage/targets.h"

#include <algorithm>
#include <cmath>

namespace cc::coverage {
namespace {

int int_at(const nlohmann::json& j, const char* key, int fallback) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

}  // namespace

const ShareTarget* CoverageTargets::share_target(const std::string& dimension) const {
  for (const auto& s : shares)
    if (s.dimension == dimension) return &s;
  return nullptr;
}

CoverageTargets CoverageTargets::scaled_to(int n) const {
  CoverageTargets t = *this;
  if (total_cases <= 0 || n == total_cases) return t;
  const double f = static_cast<double>(n) / total_cases;
  t.total_cases = n;
  t.specialty_min = static_cast<int>(std::floor(specialty_min * f + 1e-9));
  t.specialty_max = specialty_max ? static_cast<int>(std::ceil(specialty_max * f - 1e-9)) : 0;
  t.cell_min = static_cast<int>(std::floor(cell_min * f + 1e-9));
  return t;
}

CoverageTargets CoverageTargets::without_shares(const std::string& dimension) const {
  CoverageTargets t = *this;
  t.shares.erase(
      std::remove_if(t.shares.begin(), t.shares.end(), [&](const ShareTarget& s) { return s.dimension == dimension; }),
      t.shares.end());
  return t;
}

CoverageTargets targets_from_json(const nlohmann::json& j, int min_axes, int min_safety) {
  CoverageTargets t;
  t.min_axes_per_case = min_axes;
  t.min_safety_per_case = min_safety;
  if (!j.is_object()) return t;
  t.total_cases = int_at(j, "total_cases", 0);
  if (auto ps = j.find("per_specialty"); ps != j.end() && ps->is_object()) {
    t.specialty_min = int_at(*ps, "min", 0);
    t.specialty_max = int_at(*ps, "max", 0);
  }
  t.cell_min = int_at(j, "per_cell_min", 0);
  if (auto tol = j.find("tolerance_pct"); tol != j.end() && tol->is_number()) t.tolerance_pct = tol->get<double>();
  if (auto sh = j.find("shares"); sh != j.end() && sh->is_object()) {
    for (const char* dim : {"difficulty", "care_stage", "audience"}) {
      auto d = sh->find(dim);
      if (d == sh->end() || !d->is_object()) continue;
      ShareTarget st{dim, {}};
      for (auto& [label, v] : d->items())
        if (v.is_number()) st.shares.emplace_back(label, v.get<double>());
      if (!st.shares.empty()) t.shares.push_back(std::move(st));
    }
  }
  return t;
}

}  // namespace cc::coverage
