// validate through a FileReader held in memory (core/file_reader.h): the files it checks
// and the cases it only compares come from the reader, a file the reader cannot give is
// that file's io/read finding (not a crash, not a silent pass), and the case-text cache is
// keyed by the reader's identities.
#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>
#include <set>

#include "checks/validate_in_process.h"
#include "core/yaml_loader.h"

using namespace cc;
using namespace cc::test;

namespace {

const std::string kCopyCase = "cases/cardiology/CC-0101.yaml";
const std::string kCopyRubric = "rubrics/cardiology/CC-0101.yaml";

// Files held in memory; a path in `failing` cannot be read (an I/O error), any other path
// it does not hold is missing. Counts the reads of each path.
class MemoryReader final : public FileReader {
 public:
  std::map<std::string, std::string> files;
  std::map<std::string, std::string> ids;  // path → identity; none: ""
  std::set<std::string> failing;

  Result<std::string> read(const std::string& path) const override {
    std::lock_guard<std::mutex> guard(lock_);
    ++reads_[path];
    if (failing.count(path)) return Error(std::strerror(EIO));
    auto it = files.find(path);
    if (it == files.end()) return Error(std::strerror(ENOENT));
    return it->second;
  }
  std::string identity(const std::string& path) const override {
    auto it = ids.find(path);
    return it == ids.end() ? std::string() : it->second;
  }
  int reads_of(const std::string& path) const {
    std::lock_guard<std::mutex> guard(lock_);
    auto it = reads_.find(path);
    return it == reads_.end() ? 0 : it->second;
  }

 private:
  mutable std::mutex lock_;
  mutable std::map<std::string, int> reads_;
};

// The bytes of a file of the shipped benchmark.
std::string shipped(const std::string& rel) {
  auto bytes = read_file(source_dir() + "/" + rel);
  REQUIRE(bytes);
  return *bytes;
}

// The shipped CC-0001 pair in memory, and a copy of it as CC-0101 (a duplicate case text).
std::shared_ptr<MemoryReader> pair_and_copy() {
  auto reader = std::make_shared<MemoryReader>();
  reader->files[kCase] = shipped(kCase);
  reader->files[kRubric] = shipped(kRubric);
  reader->files[kCopyCase] =
      replace_all(replace_all(reader->files[kCase], "CC-0001", "CC-0101"), "status: draft", "status: review");
  reader->files[kCopyRubric] = replace_all(reader->files[kRubric], "CC-0001", "CC-0101");
  return reader;
}

// `files` checked with the bytes of `reader`, the listing naming every file it holds.
ValidateReport run(const Project& project, std::shared_ptr<MemoryReader> reader, std::vector<std::string> files,
                   bool use_cache = false) {
  ValidateOptions options;
  options.use_cache = use_cache;
  options.reader = reader;
  ValidateOptions::Content content;
  content.files = std::move(files);
  for (const auto& [path, bytes] : reader->files)
    (path.rfind("cases/", 0) == 0 ? content.listing.cases : content.listing.rubrics).push_back(path);
  options.content = std::move(content);
  return validate(project, options);
}

std::vector<std::string> rules_at(const ValidateReport& report, const std::string& file) {
  std::vector<std::string> out;
  for (const auto& d : report.diagnostics)
    if (d.file == file) out.push_back(d.rule);
  return out;
}

}  // namespace

TEST_CASE("validate reader: the files come from the reader, not the work tree", "[checks][validate][reader]") {
  TempRepo repo;  // the config and schemas only: no case on disk
  auto load = load_project(repo.path(), Lang::En);
  REQUIRE(load.project);
  auto reader = pair_and_copy();
  reader->files.erase(kCopyCase);
  reader->files.erase(kCopyRubric);
  ValidateReport report = run(*load.project, reader, {kCase, kRubric});
  CHECK(report.files_checked == 2);
  CHECK(report.diagnostics.empty());
  CHECK_FALSE(report.input_error);
  CHECK(validate_outcome(report) == RunOutcome::Done);
  CHECK(reader->reads_of(kCase) == 1);
  CHECK(reader->reads_of(kRubric) == 1);
}

TEST_CASE("validate reader: a file the reader cannot give is that file's io/read finding",
          "[checks][validate][reader]") {
  TempRepo repo;
  auto load = load_project(repo.path(), Lang::En);
  REQUIRE(load.project);
  auto reader = pair_and_copy();
  reader->failing.insert(kRubric);
  ValidateReport report = run(*load.project, reader, {kCase, kRubric, kCopyCase, kCopyRubric});
  CHECK(report.files_checked == 4);
  CHECK(report.input_error);
  CHECK(validate_outcome(report) == RunOutcome::Unusable);
  REQUIRE(rules_at(report, kRubric) == std::vector<std::string>{"io/read"});
  for (const auto& d : report.diagnostics)
    if (d.file == kRubric) CHECK(d.message == std::string("cannot read the file: ") + std::strerror(EIO));
  // The other files are still checked: the copy's text repeats CC-0001's.
  CHECK(rules_at(report, kCopyCase) == std::vector<std::string>{"integrity/duplicate-case-text"});
  CHECK(rules_at(report, kCopyRubric).empty());
  for (const auto& d : report.diagnostics) CHECK(d.rule != "internal/error");
}

TEST_CASE("validate reader: the cases a partial run only compares are read through it, once per identity",
          "[checks][validate][reader]") {
  TempRepo repo;
  auto load = load_project(repo.path(), Lang::En);
  REQUIRE(load.project);
  auto reader = pair_and_copy();
  reader->ids[kCase] = "mem:CC-0001:1";
  const std::vector<std::string> expected{"integrity/duplicate-case-text"};
  // Cold: CC-0001 is read to learn its text; its facts go into the case-text cache.
  ValidateReport cold = run(*load.project, reader, {kCopyCase, kCopyRubric}, true);
  CHECK(rules_at(cold, kCopyCase) == expected);
  CHECK(reader->reads_of(kCase) == 1);
  CHECK(reader->reads_of(kRubric) == 0);  // a rubric has no case text
  // Warm: the same identity, so CC-0001 is not read again and the finding stays.
  ValidateReport warm = run(*load.project, reader, {kCopyCase, kCopyRubric}, true);
  CHECK(rules_at(warm, kCopyCase) == expected);
  CHECK(reader->reads_of(kCase) == 1);
  // New bytes under a new identity are read: reworded, CC-0001 no longer matches.
  reader->files[kCase] = replace_all(reader->files[kCase], "不饮酒", "偶尔饮酒");
  reader->ids[kCase] = "mem:CC-0001:2";
  ValidateReport changed = run(*load.project, reader, {kCopyCase, kCopyRubric}, true);
  CHECK(rules_at(changed, kCopyCase).empty());
  CHECK(reader->reads_of(kCase) == 2);
}

TEST_CASE("validate reader: in process on a temp repo, one unreadable file ends the run as the binary would",
          "[checks][validate][reader]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  // The work tree's bytes, but the case cannot be read.
  struct Failing final : FileReader {
    DiskFileReader disk;
    explicit Failing(std::string root) : disk(std::move(root)) {}
    Result<std::string> read(const std::string& path) const override {
      if (path == kCase) return Error(std::strerror(EACCES));
      return disk.read(path);
    }
  };
  auto r = validate_in_process(repo.path(), {}, Lang::En, std::make_shared<Failing>(repo.path()));
  check_json_shape(r);
  CHECK(r.keys() == keys_of({{kCase, 1, 1, "io/read"}}));
  CHECK(r.run.exit_code == 2);
  CHECK(message_at(r, kCase, 1, 1, "io/read") == std::string("cannot read the file: ") + std::strerror(EACCES));
}
