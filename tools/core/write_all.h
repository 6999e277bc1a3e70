#pragma once
// write_all: the loop every writer to a file descriptor needs, since write() may take
// fewer bytes than offered or be interrupted by a signal.
#include <string_view>

namespace cc {

// Writes all of `bytes` to the open descriptor `fd`, retrying short and interrupted
// writes. False, with errno set by the failing write, when one fails.
bool write_all(int fd, std::string_view bytes);

}  // namespace cc
