#pragma once
// The second reader of the differential tests: what yaml-cpp makes of a file, as the same
// JSON tree the loader builds (YAML 1.2 core typing applied to yaml-cpp's plain scalars),
// with the things yaml-cpp accepts that the loader refuses noted rather than hidden.
#include <string>

#include <nlohmann/json.hpp>

namespace cc::test {

struct SecondRead {
  bool refused = false;        // yaml-cpp threw: not YAML to it
  std::string why;             // its message when it refused
  size_t documents = 0;        // documents in the stream
  nlohmann::json root;         // the first document (null when there is none)
  bool duplicate_key = false;  // a mapping repeats a key; root keeps the first, as the loader does
  bool complex_key = false;    // a key that is a mapping or a list (left out of root)
  bool null_key = false;       // a plain key that yaml-cpp turned into null (see kNullKey)
  size_t nodes = 0;            // nodes in root, aliases expanded
  int depth = 0;               // deepest nesting of mappings and lists
  bool too_big = false;        // expansion stopped: more than kMaxNodes nodes or kMaxDepth levels
};

// The key a plain null key (`~:`, `null:`, `:`) gets in SecondRead::root: yaml-cpp keeps no
// text for a null node, so the loader's key is mapped to this too before comparing.
inline constexpr const char* kNullKey = "\x01null-key";
inline constexpr size_t kMaxNodes = 200000;
inline constexpr int kMaxDepth = 3000;

// Parses `text` with YAML::LoadAll; never throws.
SecondRead read_with_yaml_cpp(const std::string& text);

}  // namespace cc::test
