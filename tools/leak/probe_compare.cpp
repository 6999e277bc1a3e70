#include "leak/probe_compare.h"

#include <algorithm>
#include <unordered_set>
#include <vector>

#include "leak/fold_table.h"
#include "leak/rolling_hash.h"

namespace cc::leak {
namespace {

size_t lcs_length(const std::u32string& a, const std::u32string& b) {
  std::vector<uint32_t> row(b.size() + 1, 0);
  for (char32_t x : a) {
    uint32_t diag = 0;
    for (size_t j = 1; j <= b.size(); ++j) {
      const uint32_t up = row[j];
      row[j] = x == b[j - 1] ? diag + 1 : std::max(row[j], row[j - 1]);
      diag = up;
    }
  }
  return row.back();
}

std::unordered_set<uint64_t> grams_of(const std::u32string& s, int n) {
  std::unordered_set<uint64_t> out;
  for (size_t i = 0; i + n <= s.size(); ++i) out.insert(RollingHash::of(s.data() + i, n));
  return out;
}

}  // namespace

ProbeScore score_continuation(std::string_view truth, std::string_view continuation, int n) {
  ProbeScore s;
  const std::u32string t = fold_text(truth);
  std::u32string c = fold_text(continuation);
  if (t.empty()) return s;
  if (c.size() > 2 * t.size()) c.resize(2 * t.size());
  s.lcs = static_cast<double>(lcs_length(t, c)) / static_cast<double>(t.size());
  const auto want = grams_of(t, n);
  if (want.empty()) return s;
  const auto have = grams_of(c, n);
  size_t shared = 0;
  for (uint64_t h : want) shared += have.count(h);
  s.grams = static_cast<double>(shared) / static_cast<double>(want.size());
  return s;
}

}  // namespace cc::leak
