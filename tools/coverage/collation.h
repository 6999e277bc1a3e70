#pragma once
// Collation: the order Chinese readers expect for label lists — pinyin, as a dictionary
// sorts — by ICU's collator for "zh", rather than by code point.
#include <string>
#include <vector>

namespace cc::coverage {

// Indices of `labels` in pinyin order (ties and collator failure: the input order).
std::vector<size_t> pinyin_order(const std::vector<std::string>& labels);

}  // namespace cc::coverage
