#pragma once
// Helpers shared by the CLI end-to-end tests: run `clinconsensus validate --format json`
// (the binary) in a temporary benchmark repository; its findings are compared as
// tests/validate_findings.h says.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "test_support.h"
#include "validate_findings.h"

namespace cc::test::cli {

// Runs `clinconsensus [pre...] validate --format json [args...]` in `cwd`.
inline JsonRun validate_json(const std::string& cwd, const std::vector<std::string>& args = {},
                             const std::vector<std::string>& env = {}, const std::vector<std::string>& pre = {}) {
  std::vector<std::string> argv = pre;
  argv.insert(argv.end(), {"validate", "--format", "json"});
  argv.insert(argv.end(), args.begin(), args.end());
  JsonRun r;
  r.run = run_cli(argv, cwd, env);
  r.doc = json::parse(r.run.out, nullptr, false);
  if (r.doc.is_discarded()) r.doc = nullptr;
  return r;
}

// The lines of `s`, without their '\n' (a last line without one included).
inline std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    lines.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// Overlays `fixture` on a fresh repository, validates it, and checks that the findings
// are exactly `expected` and the exit code is `exit_code`.
inline JsonRun expect_fixture(const TempRepo& repo, const std::string& fixture, const std::vector<Expect>& expected,
                              int exit_code, const std::vector<std::string>& args = {}) {
  repo.overlay_fixture(fixture);
  JsonRun r = validate_json(repo.path(), args);
  check_fixture_run(r, fixture, expected, exit_code);
  return r;
}

}  // namespace cc::test::cli
