#pragma once
// A FileReader (core/file_reader.h) that gives the work tree's bytes except for one file,
// which reads as the text a test holds, or cannot be read (an I/O error) — to show that a
// run reads through its reader and turns a file it cannot read into that file's finding.
#include <cerrno>
#include <cstring>
#include <optional>
#include <string>

#include "core/file_reader.h"

namespace cc::test {

class OverrideReader final : public FileReader {
 public:
  // `path` (root-relative) reads as `text`; with no text it cannot be read (EIO).
  OverrideReader(std::string root, std::string path, std::optional<std::string> text)
      : disk_(std::move(root)), path_(std::move(path)), text_(std::move(text)) {}
  Result<std::string> read(const std::string& path) const override {
    if (path != path_) return disk_.read(path);
    if (!text_) return Error(std::strerror(EIO));
    return *text_;
  }

 private:
  DiskFileReader disk_;
  std::string path_;
  std::optional<std::string> text_;
};

}  // namespace cc::test
