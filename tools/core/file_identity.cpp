#include "core/file_identity.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <charconv>

#include <openssl/evp.h>

namespace cc {

std::string blob_identity(std::string_view bytes) {
  const std::string header = "blob " + std::to_string(bytes.size()) + '\0';
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha1(), nullptr) == 1 &&
            EVP_DigestUpdate(ctx, header.data(), header.size()) == 1 &&
            EVP_DigestUpdate(ctx, bytes.data(), bytes.size()) == 1 && EVP_DigestFinal_ex(ctx, digest, &size) == 1;
  EVP_MD_CTX_free(ctx);
  if (!ok) return std::string();
  static const char* kHex = "0123456789abcdef";
  std::string out = "blob:";
  for (unsigned int i = 0; i < size; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

namespace {

// "stat:<inode>:<size>:<mtime s>.<mtime ns>", formatted in place (to_chars, no temporaries:
// a one-case validate formats one for every case of the benchmark).
std::string identity_of(const struct stat& st) {
  char buf[96] = "stat:";
  char* p = buf + 5;
  char* end = buf + sizeof buf;
  p = std::to_chars(p, end, static_cast<unsigned long long>(st.st_ino)).ptr;
  *p++ = ':';
  p = std::to_chars(p, end, static_cast<long long>(st.st_size)).ptr;
  *p++ = ':';
  p = std::to_chars(p, end, static_cast<long long>(st.st_mtim.tv_sec)).ptr;
  *p++ = '.';
  p = std::to_chars(p, end, static_cast<long>(st.st_mtim.tv_nsec)).ptr;
  return std::string(buf, p);
}

}  // namespace

std::string stat_identity(const std::string& abs_path) {
  struct stat st;
  if (::stat(abs_path.c_str(), &st) != 0) return std::string();
  return identity_of(st);
}

std::vector<std::string> stat_identities(const std::string& root, const std::vector<std::string>& rel_paths) {
  std::vector<std::string> out;
  out.reserve(rel_paths.size());
  std::string open_folder;
  int dir_fd = -1;
  bool opened = false;
  for (const auto& rel : rel_paths) {
    size_t slash = rel.rfind('/');
    std::string_view folder = std::string_view(rel).substr(0, slash == std::string::npos ? 0 : slash);
    if (!opened || folder != open_folder) {
      if (dir_fd >= 0) ::close(dir_fd);
      open_folder = folder;
      std::string abs = folder.empty() ? root : root + "/" + open_folder;
      dir_fd = ::open(abs.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
      opened = true;
    }
    struct stat st;
    // Follows links, as stat(2) does: the identity is that of the bytes read.
    bool ok = dir_fd >= 0 ? ::fstatat(dir_fd, rel.c_str() + (slash == std::string::npos ? 0 : slash + 1), &st, 0) == 0
                          : ::stat((root + "/" + rel).c_str(), &st) == 0;
    out.push_back(ok ? identity_of(st) : std::string());
  }
  if (dir_fd >= 0) ::close(dir_fd);
  return out;
}

}  // namespace cc
