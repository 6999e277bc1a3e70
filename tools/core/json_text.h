#pragma once
// json_text: the optional text field of a JSON object, read the same way everywhere (a
// missing field and one that is not text both read as "").
#include <string>

#include <nlohmann/json.hpp>

namespace cc {

// The text at `key` of `object`; "" when `object` is not an object, has no `key`, or holds
// something other than text there.
inline std::string json_text(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace cc
