// `clinconsensus leak` end to end: the leak-corpus fixture (CC-0001 reformatted in a forum
// post, and a clean page) in a repository holding CC-0001 and CC-0006; the JSON, CSV and
// text outputs; exit 2 naming an unreadable corpus; and the release gate.
#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "release/git_test_support.h"
#include "test_support.h"

using namespace cc::test;
namespace fs = std::filesystem;

namespace {

class LeakRepo : public TempRepo {
 public:
  LeakRepo() {
    add_shipped_case("cardiology", "CC-0001");
    add_shipped_case("endocrinology", "CC-0006");
    overlay_fixture("leak-corpus");
  }
};

}  // namespace

TEST_CASE("leak: the reformatted case in the fixture corpus is listed with its place", "[leak][cli]") {
  LeakRepo repo;
  auto r = run_cli({"leak", "--corpus", "corpus", "--format", "json"}, repo.path());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 1);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["scanned_bytes"].get<uint64_t>() ==
        fs::file_size(repo.path() + "/corpus/forum-post.txt") + fs::file_size(repo.path() + "/corpus/clean.txt"));
  REQUIRE(j["cases"].size() == 1);
  const auto& c = j["cases"][0];
  CHECK(c["case_id"] == "CC-0001");
  CHECK(c["overlap"].get<double>() == Approx(1.0));
  CHECK(c["longest"].get<int>() > 300);
  REQUIRE(c["where"].size() >= 1);
  CHECK(c["where"][0]["file"] == "corpus/forum-post.txt");
  CHECK(c["where"][0]["line"] == 5);

  auto text = run_cli({"leak", "--corpus", "corpus"}, repo.path());
  CHECK(text.exit_code == 1);
  CHECK(text.out.find("CC-0001  overlap 100.0%") != std::string::npos);
  CHECK(text.out.find("corpus/forum-post.txt:5") != std::string::npos);
  auto zh = run_cli({"--lang", "zh", "leak", "--corpus", "corpus"}, repo.path());
  CHECK(zh.out.find("重合率 100.0%") != std::string::npos);
  auto csv = run_cli({"leak", "--corpus", "corpus", "--format", "csv"}, repo.path());
  CHECK(csv.out.rfind("case_id,overlap,longest,file,line,offset\nCC-0001,1.0000,", 0) == 0);
}

TEST_CASE("leak: a clean corpus exits 0; criteria are looked for only with --criteria", "[leak][cli]") {
  LeakRepo repo;
  auto clean = run_cli({"leak", "--corpus", "corpus/clean.txt", "--format", "json"}, repo.path());
  INFO(clean.out << clean.err);
  CHECK(clean.exit_code == 0);
  CHECK(nlohmann::json::parse(clean.out)["cases"].empty());
  // A page quoting CC-0006's criteria only.
  std::string rubric = repo.read("rubrics/endocrinology/CC-0006.yaml");
  std::string criteria;
  for (size_t at = 0; (at = rubric.find("criterion: ", at)) != std::string::npos; at += 11)
    criteria += rubric.substr(at + 11, rubric.find('\n', at) - at - 11) + "\n";
  repo.write("criteria.txt", criteria);
  CHECK(run_cli({"leak", "--corpus", "criteria.txt"}, repo.path()).exit_code == 0);
  auto with = run_cli({"leak", "--corpus", "criteria.txt", "--criteria", "--format", "json"}, repo.path());
  INFO(with.out << with.err);
  CHECK(with.exit_code == 1);
  auto j = nlohmann::json::parse(with.out);
  REQUIRE(j["cases"].size() == 1);
  CHECK(j["cases"][0]["case_id"] == "CC-0006");
}

TEST_CASE("leak: an unreadable corpus exits 2 naming the path", "[leak][cli]") {
  LeakRepo repo;
  auto missing = run_cli({"leak", "--corpus", "corpus", "--corpus", "gone/web.txt"}, repo.path());
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("gone/web.txt") != std::string::npos);
  repo.write("bad.zst", std::string("\x28\xb5\x2f\xfd", 4) + "this is no zstd frame");
  auto corrupt = run_cli({"leak", "--corpus", "bad.zst"}, repo.path());
  CHECK(corrupt.exit_code == 2);
  CHECK(corrupt.err.find("bad.zst") != std::string::npos);
  CHECK(run_cli({"leak"}, repo.path()).exit_code == 2);
}

TEST_CASE("release cut --leak-corpus lists leaked cases in CHANGES.md; --leak-fail refuses", "[leak][cli][release]") {
  GitTempRepo repo;
  repo.add_case("cardiology", "CC-0001");
  repo.add_case("endocrinology", "CC-0006");
  repo.commit_all("benchmark");
  TempDir outside;
  outside.write("web/page.txt", "转载：\n" + repo.read("cases/cardiology/CC-0001.yaml"));
  const std::string corpus = outside.path() + "/web";

  auto refused = run_cli({"release", "cut", "1.0.0", "--leak-corpus", corpus, "--leak-fail"}, repo.path());
  INFO(refused.out << refused.err);
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("1 approved cases are in the leak corpus") != std::string::npos);
  CHECK(!fs::exists(repo.path() + "/reports/v1.0.0"));

  auto unreadable = run_cli({"release", "cut", "1.0.0", "--leak-corpus", outside.path() + "/missing"}, repo.path());
  CHECK(unreadable.exit_code == 2);
  CHECK(unreadable.err.find(outside.path() + "/missing") != std::string::npos);

  auto cut = run_cli({"release", "cut", "1.0.0", "--leak-corpus", corpus}, repo.path());
  INFO(cut.out << cut.err);
  REQUIRE(cut.exit_code == 0);
  std::string changes = repo.read("reports/v1.0.0/CHANGES.md");
  const size_t section = changes.find("### Leaked cases");
  REQUIRE(section != std::string::npos);
  const std::string leaks = changes.substr(section);
  CHECK(leaks.find("- CC-0001  overlap 100.0%") != std::string::npos);
  CHECK(leaks.find("CC-0006") == std::string::npos);
  CHECK(run_cli({"release", "verify", "1.0.0"}, repo.path()).exit_code == 0);
}
