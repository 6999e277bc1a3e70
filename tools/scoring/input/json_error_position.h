#pragma once
// Where a JSON text stops being JSON: the byte offset of its first syntax error, so a
// broken or truncated verdict file is reported where it breaks. The fast reader
// (simdjson) only says that a document is broken; this is run on that rare path only.
#include <cstddef>
#include <optional>
#include <string_view>

namespace cc::scoring {

// The byte offset in `text` at which it stops being one JSON value, or nullopt when it is
// one (or when the position cannot be worked out). A text that ends too early, as a
// truncated file does, breaks just after its last byte that is not white space.
std::optional<size_t> json_error_offset(std::string_view text);

}  // namespace cc::scoring
