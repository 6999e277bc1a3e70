#pragma once
// Output files: where a command puts a report the user named with --out. A regular file
// (or a new name) is replaced atomically; a device, pipe or socket the name already
// stands for (/dev/stdout, /dev/null, a FIFO) cannot be replaced, so it is written
// through. Either way every write and the close are checked.
#include <string>
#include <string_view>

#include "core/messages.h"
#include "core/result.h"

namespace cc {

// Writes `content` to `path` as described above. On failure the Error's message says why
// (the system's reason, and for a replaced file the step that failed), in `lang`; the
// caller names the output.
Result<void> write_output_file(const std::string& path, std::string_view content, Lang lang = Lang::En);

}  // namespace cc
