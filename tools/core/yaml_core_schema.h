#pragma once
// The YAML 1.2 core schema: what a plain (unquoted) scalar means. null, true/false, integers
// (decimal, 0o octal, 0x hex), floats with .inf and .nan; everything else, "yes", "on"
// and "NO" included, is a string (YAML 1.1's booleans are not).
#include <string>

#include <nlohmann/json.hpp>

namespace cc {

nlohmann::json resolve_plain_scalar(const std::string& value);

}  // namespace cc
