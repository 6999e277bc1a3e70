#pragma once
// Atomic writes: content goes to a temporary file beside the target, is flushed, then
// renamed over it, so a reader sees the old file or the new one, never half of one.
// The temporary file is named "<target>.tmp.<pid>.XXXXXX" so that one left behind by a
// killed writer can be recognised and removed once its pid is gone
// (remove_stale_temp_files).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/messages.h"
#include "core/result.h"

namespace cc {

// Writes `content` to `path` atomically, creating missing parent folders. An existing
// file keeps its mode and owner (a 0600 file stays 0600; a file owned by another user
// keeps that owner, or the write is refused when the owner cannot be kept); a new file
// gets 0666 less the umask, as open(2) would give it. A symbolic link is written
// through to the file it names, so the link stays a link. The folder is synced after
// the rename, so a crash after success keeps the new file. On failure returns an Error
// naming the step that failed, the path and the cause, in `lang` ("cannot create a
// temporary file beside out.jsonl: Permission denied"), leaving any existing file
// untouched and no temporary file behind.
Result<void> write_file_atomic(const std::string& path, std::string_view content, Lang lang = Lang::En);

// Writes several files as one step, as nearly as a file system allows: every file is
// written and flushed to its temporary first (as write_file_atomic does), and only when
// all are staged are they renamed over their targets, one right after another. A failure
// while staging leaves every target untouched; a kill can at worst fall between two
// renames. On failure returns the Error of the first file that failed.
Result<void> write_files_atomic(const std::vector<std::pair<std::string, std::string>>& files, Lang lang = Lang::En);

// True when `name` (a file name, no folder) is one of write_file_atomic's temporary
// files: "<anything>.tmp.<pid>.XXXXXX", or the older "<anything>.tmp.XXXXXX".
bool is_atomic_temp_name(std::string_view name);

// Removes the temporary files that killed writers left in `dir` and its subfolders:
// those whose pid is no longer running, and those of the older pid-less form not
// modified for ten minutes. Returns the paths removed. Errors are ignored: a temp file
// that cannot be removed is merely left, as before.
std::vector<std::string> remove_stale_temp_files(const std::string& dir);

}  // namespace cc
