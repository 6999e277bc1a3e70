// Display paths: benchmark-root-relative paths re-expressed from another folder.
#include "core/display_path.h"

#include <filesystem>

namespace cc {
namespace {

namespace fs = std::filesystem;

fs::path resolved(const std::string& dir) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::path(dir), ec);
  return ec ? fs::path(dir).lexically_normal() : p;
}

}  // namespace

std::string path_from(const std::string& root, const std::string& base, const std::string& root_relative) {
  if (root_relative.empty() || root_relative.front() == '/') return root_relative;
  fs::path r = resolved(root);
  fs::path b = resolved(base);
  if (r == b) return root_relative;
  fs::path rel = (r / fs::path(root_relative)).lexically_normal().lexically_relative(b);
  if (rel.empty()) return root_relative;
  return rel.generic_string();
}

void rebase_paths(std::vector<Diagnostic>& diagnostics, const std::string& root, const std::string& base) {
  fs::path r = resolved(root);
  fs::path b = resolved(base);
  if (r == b) return;
  for (auto& d : diagnostics) d.file = path_from(r.string(), b.string(), d.file);
}

}  // namespace cc
