#pragma once
// Numbers rounded for people (reports, tables, the terminal), the same in every output and
// whatever the locale: "47.6", never "47,6" or "-0.0".
#include <optional>
#include <string>

namespace cc {

// `v` rounded to `decimals` places ("47.6"); "–" for NaN or infinity, and no minus sign
// on a value that rounds to zero.
std::string format_fixed(double v, int decimals);

// As above; "–" when there is no value.
std::string format_fixed(const std::optional<double>& v, int decimals);

}  // namespace cc
