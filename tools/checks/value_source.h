#pragma once
// ValueSource: where the bytes of one string value sit in its file. A plain or literal
// block scalar is copied from the file line by line, so each line of the value is found
// verbatim after the scalar's start; a value with escapes or folded lines maps only in
// part. A finding inside a mapped segment gets an exact position and may be fixed in
// place; one outside is reported at the scalar's start and never edited.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace cc {

class ValueSource {
 public:
  // Maps `value`, whose scalar starts at byte `start` of `file`.
  ValueSource(std::string_view file, size_t start, std::string_view value);

  // The file range of the value range [begin, end), if it lies in one mapped segment.
  std::optional<std::pair<size_t, size_t>> to_file(size_t begin, size_t end) const;
  size_t start() const { return start_; }

 private:
  struct Segment {
    size_t value_begin, file_begin, length;
  };
  size_t start_;
  std::vector<Segment> segments_;
};

}  // namespace cc
