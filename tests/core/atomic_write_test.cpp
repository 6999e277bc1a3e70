#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
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
  REQUIRE(write_file_atomic(path, "case_id: CC-0001\n心血管内科\n"));
  CHECK(dir.read("a.yaml") == "case_id: CC-0001\n心血管内科\n");
  REQUIRE(write_file_atomic(path, "new"));
  CHECK(dir.read("a.yaml") == "new");
  REQUIRE(write_file_atomic(path, ""));
  CHECK(fs::file_size(path) == 0);
  std::string binary("a\0b", 3);
  REQUIRE(write_file_atomic(path, binary));
  CHECK(dir.read("a.yaml") == binary);
  CHECK(names_in(dir.path()) == std::vector<std::string>{"a.yaml"});  // no temporary left behind
  CHECK((fs::status(path).permissions() & fs::perms::owner_read) != fs::perms::none);
}

TEST_CASE("atomic_write: parent folders are created", "[core][atomic_write]") {
  cc::test::TempDir dir;
  REQUIRE(write_file_atomic(dir.path() + "/reports/2026/科室/summary.csv", "a,b\n"));
  CHECK(dir.read("reports/2026/科室/summary.csv") == "a,b\n");
}

TEST_CASE("atomic_write: a failed write leaves the old file intact", "[core][atomic_write]") {
  cc::test::TempDir dir;
  dir.write("keep.yaml", "old content\n");
  std::string path = dir.path() + "/keep.yaml";
  std::string error;
  {
    FileSizeLimit limit(4096);
    auto written = write_file_atomic(path, std::string(1 << 20, 'x'));
    CHECK_FALSE(written);
    if (!written) error = written.error().message;
  }
  CHECK_FALSE(error.empty());
  CHECK(dir.read("keep.yaml") == "old content\n");
  CHECK(names_in(dir.path()) == std::vector<std::string>{"keep.yaml"});  // the temporary is removed
}

TEST_CASE("atomic_write: an unwritable path fails with a message", "[core][atomic_write]") {
  cc::test::TempDir dir;
  dir.write("plain-file", "x");
  auto written = write_file_atomic(dir.path() + "/plain-file/child.yaml", "y");
  REQUIRE_FALSE(written);
  CHECK(written.error().message.find("plain-file/child.yaml") != std::string::npos);
  CHECK(dir.read("plain-file") == "x");

  // A target that is a folder cannot be replaced by a file.
  fs::create_directories(dir.path() + "/folder/inside");
  auto onto_folder = write_file_atomic(dir.path() + "/folder", "y");
  REQUIRE_FALSE(onto_folder);
  CHECK_FALSE(onto_folder.error().message.empty());
  CHECK(fs::is_directory(dir.path() + "/folder/inside"));
  CHECK(names_in(dir.path()) == std::vector<std::string>{"folder", "plain-file"});

  if (::geteuid() != 0) {  // permissions do not stop root
    fs::create_directories(dir.path() + "/ro");
    dir.write("ro/old.yaml", "old");
    ::chmod((dir.path() + "/ro").c_str(), 0555);
    CHECK_FALSE(write_file_atomic(dir.path() + "/ro/old.yaml", "new"));
    CHECK(dir.read("ro/old.yaml") == "old");
    ::chmod((dir.path() + "/ro").c_str(), 0755);
  }
}

// Regression (hardening #5): the mode was hard-coded to 0644, so a 0600 file became
// world-readable after `fix`.
TEST_CASE("atomic_write: an existing file keeps its mode; a new one follows the umask", "[core][atomic_write]") {
  cc::test::TempDir dir;
  dir.write("private.yaml", "old");
  std::string path = dir.path() + "/private.yaml";
  ::chmod(path.c_str(), 0600);
  REQUIRE(write_file_atomic(path, "new"));
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);
  ::chmod(path.c_str(), 0640);
  REQUIRE(write_file_atomic(path, "newer"));
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);

  mode_t old_mask = ::umask(027);
  REQUIRE(write_file_atomic(dir.path() + "/fresh.yaml", "x"));
  ::umask(old_mask);
  REQUIRE(::stat((dir.path() + "/fresh.yaml").c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
}

// Regression (hardening #5): a file owned by another user became the writer's.
TEST_CASE("atomic_write: an existing file keeps its owner and group", "[core][atomic_write]") {
  if (::geteuid() != 0) {
    WARN("needs root to own a file as another user; not checked");
    return;
  }
  cc::test::TempDir dir;
  dir.write("theirs.yaml", "old");
  std::string path = dir.path() + "/theirs.yaml";
  REQUIRE(::chown(path.c_str(), 12345, 23456) == 0);
  REQUIRE(write_file_atomic(path, "new"));
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK(st.st_uid == 12345u);
  CHECK(st.st_gid == 23456u);
  CHECK(dir.read("theirs.yaml") == "new");
}

// Regression (hardening #6): the write replaced a symbolic link with a regular file.
TEST_CASE("atomic_write: a symbolic link is written through and stays a link", "[core][atomic_write]") {
  cc::test::TempDir dir;
  dir.write("real/target.yaml", "old");
  fs::create_symlink("real/target.yaml", dir.path() + "/link.yaml");
  REQUIRE(write_file_atomic(dir.path() + "/link.yaml", "new"));
  CHECK(fs::is_symlink(dir.path() + "/link.yaml"));
  CHECK(dir.read("real/target.yaml") == "new");
}

TEST_CASE("atomic_write: temp names are recognised", "[core][atomic_write]") {
  CHECK(is_atomic_temp_name("CC-0001.yaml.tmp.1234.Ab3dEf"));
  CHECK(is_atomic_temp_name("CC-0001.yaml.tmp.Ab3dEf"));
  CHECK_FALSE(is_atomic_temp_name("CC-0001.yaml"));
  CHECK_FALSE(is_atomic_temp_name("CC-0001.yaml.tmp.12x4.Ab3dEf"));
  CHECK_FALSE(is_atomic_temp_name("CC-0001.yaml.tmp.1234.Ab3"));
  CHECK_FALSE(is_atomic_temp_name(".tmp.Ab3dEf"));
}

// Regression (hardening #4): temp files of a killed writer were never removed.
TEST_CASE("atomic_write: stale temp files are removed, live ones kept", "[core][atomic_write]") {
  cc::test::TempDir dir;
  // A pid that is certainly gone: a child that has exited and been reaped.
  pid_t gone = ::fork();
  if (gone == 0) ::_exit(0);
  int status = 0;
  ::waitpid(gone, &status, 0);
  std::string dead = "cases/cardiology/CC-0001.yaml.tmp." + std::to_string(gone) + ".Ab3dEf";
  std::string live = "cases/cardiology/CC-0002.yaml.tmp." + std::to_string(::getpid()) + ".Zz9yXx";
  std::string old_form = "cases/CC-0003.yaml.tmp.Qq1wEe";
  std::string recent_old_form = "cases/CC-0004.yaml.tmp.Rr2tYy";
  for (const auto& f : {dead, live, old_form, recent_old_form}) dir.write(f, "partial");
  dir.write("cases/cardiology/CC-0001.yaml", "case");
  fs::last_write_time(dir.path() + "/" + old_form, fs::file_time_type::clock::now() - std::chrono::hours(1));

  auto removed = remove_stale_temp_files(dir.path() + "/cases");
  std::sort(removed.begin(), removed.end());
  CHECK(removed == std::vector<std::string>{dir.path() + "/" + old_form, dir.path() + "/" + dead});
  CHECK(fs::exists(dir.path() + "/" + live));
  CHECK(fs::exists(dir.path() + "/" + recent_old_form));
  CHECK(fs::exists(dir.path() + "/cases/cardiology/CC-0001.yaml"));
}
