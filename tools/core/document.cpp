#include "core/document.h"

#include "core/utf8.h"

namespace cc {

Position Document::to_position(const SourcePos& pos) const {
  return Position{pos.line + 1, column_at(text, pos.offset)};
}

const NodeLocation* Document::nearest(std::string_view pointer) const {
  std::string p(pointer);
  while (true) {
    auto it = locations.find(p);
    if (it != locations.end()) return &it->second;
    if (p.empty()) return nullptr;
    p.erase(p.rfind('/'));
  }
}

Position Document::value_position(std::string_view pointer) const {
  const NodeLocation* loc = nearest(pointer);
  return loc ? to_position(loc->value) : Position{};
}

Position Document::key_position(std::string_view pointer) const {
  const NodeLocation* loc = nearest(pointer);
  if (!loc) return Position{};
  return to_position(loc->has_key ? loc->key : loc->value);
}

std::string pointer_append(std::string_view pointer, std::string_view token) {
  std::string out(pointer);
  out += '/';
  for (char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string pointer_append(std::string_view pointer, size_t index) {
  std::string out(pointer);
  out += '/';
  out += std::to_string(index);
  return out;
}

}  // namespace cc
