#include "coverage/collation.h"

#include <algorithm>
#include <memory>
#include <numeric>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace cc::coverage {

std::vector<size_t> pinyin_order(const std::vector<std::string>& labels) {
  std::vector<size_t> order(labels.size());
  std::iota(order.begin(), order.end(), 0);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> coll(icu::Collator::createInstance(icu::Locale("zh@collation=pinyin"), status));
  if (U_FAILURE(status) || !coll) return order;
  std::vector<std::string> keys(labels.size());
  for (size_t i = 0; i < labels.size(); ++i) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(labels[i]);
    int32_t len = coll->getSortKey(u, nullptr, 0);
    keys[i].resize(static_cast<size_t>(len));
    coll->getSortKey(u, reinterpret_cast<uint8_t*>(keys[i].data()), len);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  return order;
}

}  // namespace cc::coverage
