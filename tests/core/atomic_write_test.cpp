#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/atomic_write.h"
#include "test_support.h"

using namespace cc;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> names_in(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

// Lowers the file-size limit for the scope, so any write beyond it fails with EFBIG —
// a write failure that even root cannot bypass.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    ::getrlimit(RLIMIT_FSIZE, &saved_);
    old_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    rlimit lim = saved_;
    lim.rlim_cur = bytes;
    ::setrlimit(RLIMIT_FSIZE, &lim);
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &saved_);
    std::signal(SIGXFSZ, old_handler_);
  }

 private:
  rlimit saved_{};
  void (*old_handler_)(int) = nullptr;
};

}  // namespace

TEST_CASE("atomic_write: content is written and replaced", "[core][atomic_write]") {
  cc::test::TempDir dir;
  std::string path = dir.path() + "/a.yaml";
  std::string error;
  REQUIRE(write_file_atomic(path, "case_id: CC-0001\n心血管内科\n", &error));
  CHECK(error.empty());
  CHECK(dir.read("a.yaml") == "case_id: CC-0001\n心血管内科\n");
  REQUIRE(write_file_atomic(path, "new", &error));
  CHECK(dir.read("a.yaml") == "new");
  REQUIRE(write_file_atomic(path, "", &error));
  CHECK(fs::file_size(path) == 0);
  std::string binary("a\0b", 3);
  REQUIRE(write_file_atomic(path, binary, &error));
  CHECK(dir.read("a.yaml") == binary);
  CHECK(names_in(dir.path()) == std::vector<std::string>{"a.yaml"});  // no temporary left behind
  CHECK((fs::status(path).permissions() & fs::perms::owner_read) != fs::perms::none);
}

TEST_CASE("atomic_write: parent folders are created", "[core][atomic_write]") {
  cc::test::TempDir dir;
  std::string error;
  REQUIRE(write_file_atomic(dir.path() + "/reports/2026/科室/summary.csv", "a,b\n", &error));
  CHECK(dir.read("reports/2026/科室/summary.csv") == "a,b\n");
}

TEST_CASE("atomic_write: a failed write leaves the old file intact", "[core][atomic_write]") {
  cc::test::TempDir dir;
  dir.write("keep.yaml", "old content\n");
  std::string path = dir.path() + "/keep.yaml";
  std::string error;
  {
    FileSizeLimit limit(4096);
    CHECK_FALSE(write_file_atomic(path, std::string(1 << 20, 'x'), &error));
  }
  CHECK_FALSE(error.empty());
  CHECK(dir.read("keep.yaml") == "old content\n");
  CHECK(names_in(dir.path()) == std::vector<std::string>{"keep.yaml"});  // the temporary is removed
}

TEST_CASE("atomic_write: an unwritable path fails with a message", "[core][atomic_write]") {
  cc::test::TempDir dir;
  dir.write("plain-file", "x");
  std::string error;
  CHECK_FALSE(write_file_atomic(dir.path() + "/plain-file/child.yaml", "y", &error));
  CHECK(error.find("plain-file/child.yaml") != std::string::npos);
  CHECK(dir.read("plain-file") == "x");

  // A target that is a folder cannot be replaced by a file.
  fs::create_directories(dir.path() + "/folder/inside");
  error.clear();
  CHECK_FALSE(write_file_atomic(dir.path() + "/folder", "y", &error));
  CHECK_FALSE(error.empty());
  CHECK(fs::is_directory(dir.path() + "/folder/inside"));
  CHECK(names_in(dir.path()) == std::vector<std::string>{"folder", "plain-file"});

  if (::geteuid() != 0) {  // permissions do not stop root
    fs::create_directories(dir.path() + "/ro");
    dir.write("ro/old.yaml", "old");
    ::chmod((dir.path() + "/ro").c_str(), 0555);
    CHECK_FALSE(write_file_atomic(dir.path() + "/ro/old.yaml", "new", &error));
    CHECK(dir.read("ro/old.yaml") == "old");
    ::chmod((dir.path() + "/ro").c_str(), 0755);
  }
}
