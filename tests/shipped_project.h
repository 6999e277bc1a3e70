#pragma once
// The project as validate loads it in a repository holding the shipped config, schemas
// and taxonomy (no cases), loaded once per test binary.
#include <catch2/catch.hpp>

#include "checks/validator.h"
#include "test_support.h"

namespace cc::test {

inline const Project& shipped_project() {
  static TempRepo repo;
  static ProjectLoad load = load_project(repo.path(), Lang::En);
  REQUIRE(load.diagnostics.empty());
  REQUIRE(load.project);
  return *load.project;
}

}  // namespace cc::test
