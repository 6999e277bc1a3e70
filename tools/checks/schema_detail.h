#pragma once
// Schema detail: what valijson says of a failed keyword it gives only in English
// ("Expected number greater than or equal to 1.000000", "Value should be a multiple of
// 5.000000"), said again in the reader's language from the keyword and its value, with
// numbers as a person writes them ("1", "0.5").
#include <string>

#include "core/messages.h"

namespace cc {

// The detail of a schema/range finding: "at least 1" / "不小于 1".
std::string range_detail(const std::string& valijson_description, Lang lang);

// The detail of a schema/invalid finding (a keyword the project's schemas do not use
// today: multipleOf, const, anyOf, minProperties, ...). A description valijson may add
// later and this does not know is given as it is.
std::string invalid_detail(const std::string& valijson_description, Lang lang);

}  // namespace cc
