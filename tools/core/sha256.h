#pragma once
// SHA-256 (OpenSSL's EVP interface) as lowercase hex: the fingerprint run manifests and
// release manifests give every input and output, so anyone can prove later what a run
// or a release held.
#include <memory>
#include <string>
#include <string_view>

#include "core/messages.h"
#include "core/result.h"

namespace cc {

// Incremental hashing, for data that arrives in pieces. Errors inside OpenSSL (which do
// not happen with a working library) make hex() return an empty string.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view data);
  // The digest of everything given so far, as 64 lowercase hex digits; the object is
  // then finished and must not be updated again.
  std::string hex();

 private:
  struct State;
  std::unique_ptr<State> state_;
  bool ok_ = false;
};

// The digest of `data` in one call.
std::string sha256_hex(std::string_view data);

// The hex digest of the file at `path`, read in blocks, or an Error naming the path when
// the file cannot be opened or read, in `lang` (the catalog's io/open-path, io/read-path).
Result<std::string> sha256_file(const std::string& path, Lang lang);

}  // namespace cc
