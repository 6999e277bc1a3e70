// The language of messages follows the locale, as gettext programs do, and --lang
// overrides it (hardening issue, item 14).
#include "cli/cli_helpers.h"

using namespace cc::test;

namespace {
const std::string kZh = "未找到";  // in the Chinese text of config/not-found

// validate where there is no benchmark: the config/not-found message on stderr.
std::string message_with(const std::vector<std::string>& env, const std::vector<std::string>& args = {}) {
  TempDir empty;
  std::vector<std::string> argv = args;
  argv.push_back("validate");
  RunResult r = run_cli(argv, empty.path(), env);
  CHECK(r.exit_code == 2);
  return r.err;
}
}  // namespace

TEST_CASE("cli: messages follow LANG, LC_ALL, LC_MESSAGES and LANGUAGE; --lang overrides them",
          "[cli][locale]") {
  CHECK_THAT(message_with({}), !Catch::Contains(kZh));
  CHECK_THAT(message_with({"LANG=zh_CN.UTF-8"}), Catch::Contains(kZh));
  CHECK_THAT(message_with({"LANG=en_US.UTF-8", "LC_MESSAGES=zh_CN.UTF-8"}), Catch::Contains(kZh));
  CHECK_THAT(message_with({"LANG=zh_CN.UTF-8", "LC_ALL=en_US.UTF-8"}), !Catch::Contains(kZh));
  CHECK_THAT(message_with({"LANG=en_US.UTF-8", "LANGUAGE=zh_CN:en"}), Catch::Contains(kZh));
  // LANGUAGE is not read under the C locale, as gettext does.
  CHECK_THAT(message_with({"LANG=C", "LANGUAGE=zh_CN"}), !Catch::Contains(kZh));
  CHECK_THAT(message_with({"LANG=zh_CN.UTF-8"}, {"--lang", "en"}), !Catch::Contains(kZh));
  CHECK_THAT(message_with({"LANG=en_US.UTF-8"}, {"--lang", "zh"}), Catch::Contains(kZh));
}
