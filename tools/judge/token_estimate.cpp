#include "judge/token_estimate.h"

namespace cc::judge {

int64_t estimate_tokens(std::string_view s) {
  int64_t wide = 0, other_bytes = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++other_bytes;
      ++i;
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    // Three-byte sequences cover the CJK blocks and full-width punctuation.
    if (len >= 3)
      ++wide;
    else
      other_bytes += static_cast<int64_t>(len);
    i += len;
  }
  return wide + (other_bytes + 3) / 4;
}

}  // namespace cc::judge
