#pragma once
// Encoding: naming the likely encoding of a file that is not UTF-8 (ICU's charset
// detector) and converting the encodings `fix` may safely convert: GB18030 and its
// subsets GBK / GB2312, and UTF-16 with either byte order.
#include <optional>
#include <string>
#include <string_view>

namespace cc {

// The likely charset of `bytes` ("GB18030", "Big5", "UTF-16LE", ...) when ICU's
// detector is reasonably confident and the charset is one a Chinese file plausibly has.
std::optional<std::string> detect_charset(std::string_view bytes);

// Whether `fix` converts files of this charset.
bool convertible_charset(const std::string& charset);

// `bytes` converted from `charset` to UTF-8; nullopt when any byte does not convert.
std::optional<std::string> convert_to_utf8(std::string_view bytes, const std::string& charset);

}  // namespace cc
