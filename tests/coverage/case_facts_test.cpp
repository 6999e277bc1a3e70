// load_case_facts through a FileReader (core/file_reader.h): the facts come from the
// bytes the reader gives, not from the work tree, and a file the reader cannot give is
// that file's io/read finding.
#include <cerrno>
#include <cstring>

#include <catch2/catch.hpp>

#include "checks/validator.h"
#include "coverage/case_facts.h"
#include "override_reader.h"
#include "test_support.h"

using namespace cc;
using namespace cc::test;

namespace {}  // namespace

TEST_CASE("case facts: files are read through the reader given", "[coverage][reader]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  ProjectLoad load = load_project(repo.path(), Lang::En);
  REQUIRE(load.project);
  const Config& config = load.project->config;
  std::string text = repo.read(kCase);
  REQUIRE(text.find("difficulty: medium\n") != std::string::npos);

  coverage::FactsLoad disk = coverage::load_case_facts(config, Lang::En, false, 1);
  REQUIRE(disk.cases.size() == 1);
  CHECK(disk.cases[0].difficulty == "medium");

  std::string harder = text;
  harder.replace(harder.find("difficulty: medium\n"), 19, "difficulty: hard\n");
  auto reader = std::make_shared<OverrideReader>(repo.path(), kCase, harder);
  coverage::FactsLoad read = coverage::load_case_facts(config, Lang::En, false, 1, reader);
  CHECK(read.diagnostics.empty());
  REQUIRE(read.cases.size() == 1);
  CHECK(read.cases[0].difficulty == "hard");
  CHECK(read.cases[0].has_rubric);
  CHECK(repo.read(kCase) == text);
}

TEST_CASE("case facts: a file the reader cannot give is its io/read finding", "[coverage][reader]") {
  TempRepo repo;
  repo.add_shipped_case("cardiology", "CC-0001");
  ProjectLoad load = load_project(repo.path(), Lang::En);
  REQUIRE(load.project);
  auto reader = std::make_shared<OverrideReader>(repo.path(), kCase, std::nullopt);
  coverage::FactsLoad facts = coverage::load_case_facts(load.project->config, Lang::En, false, 1, reader);
  CHECK(facts.cases.empty());
  REQUIRE(facts.diagnostics.size() == 1);
  CHECK(facts.diagnostics[0].rule == "io/read");
  CHECK(facts.diagnostics[0].file == kCase);
  CHECK(facts.diagnostics[0].message == std::string("cannot read the file: ") + std::strerror(EIO));
}
