#pragma once
// Document: one YAML file turned into JSON (for schema validation and the model) plus
// the source position of every key and value, addressed by JSON pointer, so any finding
// about a value can point at the line and column the author sees.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

namespace cc {

struct SourcePos {
  int line = 0;       // 0-based, lines ended by '\n'
  size_t offset = 0;  // byte offset in the file
};

// Where one node sits in the file: its value, and its key when it is a mapping member.
struct NodeLocation {
  SourcePos value;
  SourcePos key;
  bool has_key = false;
};

struct Position {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in code points
};

class Document {
 public:
  std::string path;  // path relative to the repository root, '/' separated
  std::string text;  // the file's bytes, as read
  nlohmann::json root;
  std::unordered_map<std::string, NodeLocation> locations;  // JSON pointer → location
  bool all_positions = true;                                // false: only the top level's positions were recorded

  // Position of the value at `pointer`, or of its nearest ancestor that has one.
  Position value_position(std::string_view pointer) const;
  // Position of the key of the member at `pointer` (its value if it has no key).
  Position key_position(std::string_view pointer) const;
  Position to_position(const SourcePos& pos) const;

 private:
  const NodeLocation* nearest(std::string_view pointer) const;
};

// Appends one reference token to a JSON pointer, escaping '~' and '/'.
std::string pointer_append(std::string_view pointer, std::string_view token);
std::string pointer_append(std::string_view pointer, size_t index);

}  // namespace cc
