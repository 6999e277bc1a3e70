// The fuzz command the README and the fuzz target document: libFuzzer writes every new
// input into the first corpus folder it is given, so that folder must be one of its own,
// never cases/ or rubrics/ (where new inputs would become benchmark files).
#include <fstream>
#include <sstream>

#include "cli/cli_helpers.h"

using namespace cc::test;

namespace {

// The folders named on each documented line that runs the fuzz target.
std::vector<std::vector<std::string>> corpus_args(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> runs;
  for (std::string line; std::getline(in, line);) {
    size_t at = line.find("load_and_check_fuzz -");
    if (at == std::string::npos) continue;
    std::istringstream words(line.substr(at));
    std::vector<std::string> folders;
    std::string word;
    words >> word;  // the binary
    while (words >> word)
      if (word[0] != '-') folders.push_back(word);
    runs.push_back(folders);
  }
  return runs;
}

}  // namespace

TEST_CASE("docs: the fuzz command writes new inputs into a corpus folder of its own", "[cli][docs]") {
  for (const std::string file : {"README.md", "tests/fuzz/load_and_check_fuzz.cpp"}) {
    auto runs = corpus_args(source_dir() + "/" + file);
    INFO(file);
    REQUIRE(runs.size() == 1);
    REQUIRE(!runs[0].empty());
    const std::string& out = runs[0][0];
    CHECK(out.rfind("build-fuzz/", 0) == 0);  // under the git-ignored build-fuzz/
    for (const char* benchmark : {"cases", "rubrics"}) CHECK(out.rfind(benchmark, 0) != 0);
  }
}
