#include "core/file_reader.h"

#include "core/file_identity.h"
#include "core/yaml_loader.h"

namespace cc {

std::string FileReader::identity(const std::string&) const { return std::string(); }

std::vector<std::string> FileReader::identities(const std::vector<std::string>& paths) const {
  std::vector<std::string> out;
  out.reserve(paths.size());
  for (const auto& path : paths) out.push_back(identity(path));
  return out;
}

Result<std::string> DiskFileReader::read(const std::string& path) const { return read_file(root_ + "/" + path); }

std::string DiskFileReader::identity(const std::string& path) const { return stat_identity(root_ + "/" + path); }

std::vector<std::string> DiskFileReader::identities(const std::vector<std::string>& paths) const {
  return stat_identities(root_, paths);
}

}  // namespace cc
