// End-to-end: the paths validate prints when clinconsensus.yaml is not at the top of the
// git work tree (github and SARIF relative to the top, where annotations are placed) and
// when it runs from a subfolder of the benchmark (text relative to where it ran, as git
// prints paths; json always relative to the benchmark root).
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_helpers.h"
#include "release/git.h"
#include "test_support.h"

using cc::test::run_cli;
using cc::test::RunResult;
using cc::test::TempDir;
using cc::test::TempRepo;
using cc::test::cli::split_lines;
using cc::test::cli::validate_json;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

using cc::test::kCase;

// A git work tree at `top` holding the multi-case benchmark in the subfolder `sub`.
std::string benchmark_below_git_top(const TempDir& top, const std::string& sub) {
  REQUIRE(cc::git::init_repository(top.path()).ok());
  TempRepo bench;
  bench.overlay_fixture("multi-case");
  const std::string root = top.path() + "/" + sub;
  fs::create_directories(fs::path(root).parent_path());
  fs::copy(bench.path(), root, fs::copy_options::recursive);
  return root;
}

// The artifact URIs of a SARIF document, in result order.
std::vector<std::string> sarif_uris(const RunResult& r) {
  auto doc = json::parse(r.out, nullptr, false);
  REQUIRE(!doc.is_discarded());
  std::vector<std::string> out;
  for (const auto& res : doc["runs"][0]["results"])
    out.push_back(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("validate: github and sarif paths start at the git top when the benchmark is in a subfolder",
          "[cli][format][paths]") {
  struct Layout {
    std::string sub;      // where clinconsensus.yaml sits below the git top
    std::string prefix;   // the same as a github file= property
    std::string encoded;  // and as a SARIF uri
  };
  const Layout layout =
      GENERATE(Layout{"benchmark", "benchmark/", "benchmark/"},
               Layout{"data/临床 基准", "data/临床 基准/", "data/%E4%B8%B4%E5%BA%8A%20%E5%9F%BA%E5%87%86/"});
  TempDir top;
  const std::string root = benchmark_below_git_top(top, layout.sub);
  INFO("benchmark at " << layout.sub);

  // Whichever folder of the work tree it runs in, the paths are the same.
  for (const std::string& cwd : {root, root + "/cases/cardiology"}) {
    RunResult g = run_cli({"validate", "--format", "github"}, cwd);
    INFO(g.out << g.err);
    CHECK(g.exit_code == 1);
    auto lines = split_lines(g.out);
    REQUIRE(!lines.empty());
    for (const auto& line : lines) CHECK_THAT(line, Catch::Contains(" file=" + layout.prefix));
    CHECK_THAT(g.out, Catch::Contains(" file=" + layout.prefix + kCase + ",line=4,col=9,title=schema/enum::"));

    RunResult s = run_cli({"validate", "--format", "sarif"}, cwd);
    CHECK(s.exit_code == 1);
    auto uris = sarif_uris(s);
    REQUIRE(!uris.empty());
    for (const auto& uri : uris) CHECK_THAT(uri, Catch::StartsWith(layout.encoded));
    CHECK(std::find(uris.begin(), uris.end(), layout.encoded + kCase) != uris.end());
  }

  // json stays relative to the benchmark root, as the contract says.
  auto j = validate_json(root);
  REQUIRE(j.doc.is_object());
  CHECK(j.find(kCase, 4, 9, "schema/enum") != nullptr);
}

TEST_CASE("validate: text paths are relative to the folder it runs in, as git prints them", "[cli][format][paths]") {
  TempRepo repo;
  repo.overlay_fixture("multi-case");
  const std::string here = kCase + ":4:9: ";
  CHECK_THAT(run_cli({"validate"}, repo.path()).out, Catch::Contains("\n" + here) || Catch::StartsWith(here));

  // From cases/cardiology the case is CC-0001.yaml and its rubric ../../rubrics/...
  RunResult sub = run_cli({"validate"}, repo.path() + "/cases/cardiology");
  INFO(sub.out << sub.err);
  CHECK(sub.exit_code == 1);
  for (const auto& line : split_lines(sub.out))
    CHECK_THAT(line, !Catch::StartsWith("cases/") && !Catch::StartsWith("rubrics/"));
  CHECK_THAT(sub.out, Catch::StartsWith("CC-0001.yaml:4:9: ") || Catch::Contains("\nCC-0001.yaml:4:9: "));
  CHECK(sub.out == run_cli({"validate", "CC-0001.yaml", "../../rubrics"}, repo.path() + "/cases/cardiology").out);
  // -C DIR is the same as starting there.
  CHECK(run_cli({"-C", "cases/cardiology", "validate"}, repo.path()).out == sub.out);

  // A rubric finding from the cases folder climbs out of it.
  repo.write("rubrics/cardiology/CC-0001.yaml", repo.read("rubrics/cardiology/CC-0001.yaml") + "\nbogus_key: 1\n");
  RunResult rubric = run_cli({"validate"}, repo.path() + "/cases");
  CHECK_THAT(rubric.out, Catch::Contains("\n../rubrics/cardiology/CC-0001.yaml:") ||
                             Catch::StartsWith("../rubrics/cardiology/CC-0001.yaml:"));
  CHECK_THAT(rubric.out, Catch::Contains("cardiology/CC-0001.yaml:4:9: "));
}
