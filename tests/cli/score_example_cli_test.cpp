// The shipped example: the synthetic verdicts in reports/example/verdicts score cleanly
// against the shipped sample benchmark (benchmark-folder cases, both verdict layouts).
#include <catch2/catch.hpp>

#include "test_support.h"

using cc::test::run_cli;
using cc::test::source_dir;
using cc::test::TempDir;

TEST_CASE("score: the shipped example verdicts against the sample benchmark", "[cli][score]") {
  TempDir dir;
  auto r = run_cli({"-C", source_dir(), "score", "--verdicts", "reports/example/verdicts", "--k-sweep", "--out",
                    dir.path() + "/out"},
                   dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  for (const char* model : {"synthetic-a", "synthetic-b", "synthetic-c", "synthetic-d"})
    CHECK(r.out.find(model) != std::string::npos);
  std::string csv = dir.read("out/summary.csv");
  // 36 cases × 30 criteria for every model, every slice dimension present.
  CHECK(csv.find("synthetic-a,overall,10,36,1080,") != std::string::npos);
  for (const char* slice : {"synthetic-a,low,10,", ",subject:心血管内科,", ",task:用药指导,", ",care_stage:干预,",
                            ",audience:lay,", ",axis:安全性,", ",critical:true,", "synthetic-d,overall,30,"})
    CHECK(csv.find(slice) != std::string::npos);
  std::string manifest = dir.read("out/run_manifest.json");
  CHECK(manifest.find("\"path\": \"reports/example/verdicts/synthetic-b.jsonl\"") != std::string::npos);
  CHECK(manifest.find("\"path\": \"cases/cardiology/CC-0001.yaml\"") != std::string::npos);
}
