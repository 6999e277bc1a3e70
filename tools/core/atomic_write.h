#pragma once
// Atomic writes: content goes to a temporary file beside the target, is flushed, then
// renamed over it, so a reader sees the old file or the new one, never half of one.
#include <string>
#include <string_view>

namespace cc {

// Writes `content` to `path` atomically, creating missing parent folders. Returns false
// and sets *error on failure, leaving any existing file untouched.
bool write_file_atomic(const std::string& path, std::string_view content, std::string* error);

}  // namespace cc
