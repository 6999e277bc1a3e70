// The test binary's entry point. The locale of messages is cleared first: the CLI picks
// Chinese from LANG, LC_ALL, LC_MESSAGES or LANGUAGE, and the tests' expectations must
// not depend on the machine they run on (tests that need a locale set it themselves).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

int main(int argc, char* argv[]) {
  for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES"}) ::unsetenv(name);
  ::setenv("LANG", "C.UTF-8", 1);
  return Catch::Session().run(argc, argv);
}
