#include "core/encoding.h"

#include <memory>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

namespace cc {

std::optional<std::string> detect_charset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status), &ucsdet_close);
  if (U_FAILURE(status)) return std::nullopt;
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || !match) return std::nullopt;
  std::string name = ucsdet_getName(match, &status);
  int32_t confidence = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status) || confidence < 30) return std::nullopt;
  for (const char* plausible :
       {"GB18030", "Big5", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "Shift_JIS", "EUC-JP", "EUC-KR"})
    if (name == plausible) return name;
  return std::nullopt;
}

bool convertible_charset(const std::string& charset) {
  return charset == "GB18030" || charset == "UTF-16LE" || charset == "UTF-16BE";
}

std::optional<std::string> convert_to_utf8(std::string_view bytes, const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> from(ucnv_open(charset.c_str(), &status), &ucnv_close);
  if (U_FAILURE(status)) return std::nullopt;
  // Refuse rather than guess: an unmappable byte stops the conversion.
  ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::unique_ptr<UConverter, decltype(&ucnv_close)> to(ucnv_open("UTF-8", &status), &ucnv_close);
  if (U_FAILURE(status)) return std::nullopt;
  std::string out(bytes.size() * 2 + 16, '\0');
  while (true) {
    status = U_ZERO_ERROR;
    int32_t n = ucnv_convert("UTF-8", charset.c_str(), out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                             static_cast<int32_t>(bytes.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      out.resize(static_cast<size_t>(n) + 16);
      continue;
    }
    if (U_FAILURE(status)) return std::nullopt;
    out.resize(static_cast<size_t>(n));
    break;
  }
  // ucnv_convert substitutes unmappable bytes; a substitution character means failure.
  if (out.find("\xEF\xBF\xBD") != std::string::npos || out.find('\x1A') != std::string::npos) return std::nullopt;
  // A UTF-16 byte-order mark becomes U+FEFF at the start; a UTF-8 file has none.
  if (out.rfind("\xEF\xBB\xBF", 0) == 0) out.erase(0, 3);
  return out;
}

}  // namespace cc
