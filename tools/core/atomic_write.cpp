#include "core/atomic_write.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/write_all.h"

namespace cc {
namespace fs = std::filesystem;

namespace {

// The process umask, read without changing it for long: umask(2) has no getter.
mode_t current_umask() {
  mode_t mask = ::umask(022);
  ::umask(mask);
  return mask;
}

// Syncs the folder holding `path`, so that a rename into it survives a crash.
void sync_parent(const fs::path& path) {
  fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

namespace {

// A file written and flushed beside its target, not yet renamed over it.
struct Staged {
  std::string tmp;
  fs::path target;
  std::string shown;  // the path as the caller named it, for messages
};

// Writes `content` to a temporary file beside `path` (following a link to its target),
// with the target's mode and owner, flushed. An Error on failure, with no temporary left
// behind.
Result<Staged> stage(const std::string& path, std::string_view content, Lang lang) {
  // One failed step: its catalog id (core/messages: "io/atomic-temp", …), the file as the
  // caller named it, and the C library's reason, in the reader's language.
  auto failure = [&](const char* step, const std::string& reason) {
    return Error(message(lang, step, {{"path", path}, {"detail", reason}}));
  };
  std::error_code ec;
  fs::path target(path);
  // Write through a symbolic link to the file it names: replacing the link with a
  // regular file would silently cut what the link shared.
  if (fs::is_symlink(fs::symlink_status(target, ec))) {
    fs::path resolved = fs::weakly_canonical(target, ec);
    if (ec) {
      return failure("io/atomic-link", ec.message());
    }
    target = resolved;
  }
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);

  struct stat old {};
  bool existed = ::stat(target.c_str(), &old) == 0;
  std::string tmpl = target.string() + ".tmp." + std::to_string(::getpid()) + ".XXXXXX";
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    return failure("io/atomic-temp", std::strerror(errno));
  }
  auto fail = [&](const char* what) -> Result<Staged> {
    int saved = errno;
    ::close(fd);
    ::unlink(tmpl.c_str());
    return failure(what, std::strerror(saved));
  };
  if (!write_all(fd, content)) return fail("io/atomic-write");
  mode_t mode = existed ? (old.st_mode & 07777) : (0666 & ~current_umask());
  if (existed && (old.st_uid != ::geteuid() || old.st_gid != ::getegid())) {
    // Only the owner is kept; a group we cannot set is refused like an owner we cannot.
    if (::fchown(fd, old.st_uid, old.st_gid) != 0) return fail("io/atomic-owner");
  }
  if (::fchmod(fd, mode) != 0) return fail("io/atomic-mode");
  if (::fsync(fd) != 0) return fail("io/atomic-flush");
  if (::close(fd) != 0) {
    int saved = errno;
    ::unlink(tmpl.c_str());
    return failure("io/atomic-close", std::strerror(saved));
  }
  return Staged{tmpl, target, path};
}

// Renames a staged file over its target and syncs the folder.
Result<void> publish(const Staged& staged, Lang lang) {
  if (std::rename(staged.tmp.c_str(), staged.target.c_str()) != 0) {
    int saved = errno;
    ::unlink(staged.tmp.c_str());
    return Error(message(lang, "io/atomic-replace", {{"path", staged.shown}, {"detail", std::strerror(saved)}}));
  }
  sync_parent(staged.target);
  return {};
}

}  // namespace

Result<void> write_file_atomic(const std::string& path, std::string_view content, Lang lang) {
  CC_TRY_ASSIGN(Staged staged, stage(path, content, lang));
  return publish(staged, lang);
}

Result<void> write_files_atomic(const std::vector<std::pair<std::string, std::string>>& files, Lang lang) {
  std::vector<Staged> staged;
  for (const auto& [path, content] : files) {
    auto s = stage(path, content, lang);
    if (!s) {
      for (const auto& done : staged) ::unlink(done.tmp.c_str());
      return s.error();
    }
    staged.push_back(std::move(*s));
  }
  for (size_t i = 0; i < staged.size(); ++i)
    if (auto published = publish(staged[i], lang); !published) {
      for (size_t j = i + 1; j < staged.size(); ++j) ::unlink(staged[j].tmp.c_str());
      return published.error();
    }
  return {};
}

bool is_atomic_temp_name(std::string_view name) {
  // The suffix mkstemp fills is 6 characters.
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || name.size() - dot - 1 != 6) return false;
  std::string_view head = name.substr(0, dot);
  size_t tmp = head.rfind(".tmp");
  if (tmp == std::string_view::npos || tmp == 0) return false;
  std::string_view after = head.substr(tmp + 4);
  return after.empty() || (after[0] == '.' && all_digits(after.substr(1)));
}

std::vector<std::string> remove_stale_temp_files(const std::string& dir) {
  std::vector<std::string> removed;
  std::error_code ec;
  const auto now = fs::file_time_type::clock::now();
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    std::error_code entry_ec;
    if (!it->is_regular_file(entry_ec) || it->is_symlink(entry_ec)) continue;
    std::string name = it->path().filename().string();
    if (!is_atomic_temp_name(name)) continue;
    std::string_view head = std::string_view(name).substr(0, name.size() - 7);
    std::string_view after = head.substr(head.rfind(".tmp") + 4);
    bool stale = false;
    if (after.empty()) {
      auto age = now - it->last_write_time(entry_ec);
      stale = !entry_ec && age > std::chrono::minutes(10);
    } else {
      long pid = std::strtol(std::string(after.substr(1)).c_str(), nullptr, 10);
      stale = pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
    }
    if (stale && fs::remove(it->path(), entry_ec)) removed.push_back(it->path().string());
  }
  return removed;
}

}  // namespace cc
