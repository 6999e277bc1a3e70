// FileLock: a held lock refuses a second holder, in the reader's language.
#include <catch2/catch.hpp>

#include "core/file_lock.h"
#include "test_support.h"

using namespace cc;

TEST_CASE("file lock: a held lock refuses another, naming the holder, in the reader's language", "[core][locale]") {
  cc::test::TempDir dir;
  const std::string path = dir.path() + "/locks/run.lock";
  auto first = FileLock::acquire(path, "busy-en", Lang::En);
  REQUIRE(first.ok());
  auto en = FileLock::acquire(path, "busy-en", Lang::En);
  REQUIRE_FALSE(en.ok());
  CHECK(en.error().kind == Error::Kind::Refused);
  CHECK_THAT(en.error().message, Catch::StartsWith("busy-en (pid ") && Catch::EndsWith(" holds " + path + ")"));
  auto zh = FileLock::acquire(path, "忙", Lang::Zh);
  REQUIRE_FALSE(zh.ok());
  CHECK_THAT(zh.error().message, Catch::StartsWith("忙（进程 ") && Catch::EndsWith(" 持有 " + path + "）"));
  CHECK_THAT(zh.error().message, !Catch::Contains("holds"));
}
