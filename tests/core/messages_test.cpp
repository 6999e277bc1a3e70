#include <catch2/catch.hpp>

#include "core/messages.h"
#include "core/os_error.h"
#include "core/messages/catalog.h"
#include "core/messages/check.h"

using namespace cc;

TEST_CASE("messages: format_template replaces known placeholders only", "[core][messages]") {
  CHECK(format_template("{a} and {b} and {a}", {{"a", "1"}}) == "1 and {b} and 1");
  CHECK(format_template("no placeholders", {{"a", "1"}}) == "no placeholders");
  CHECK(format_template("{unknown}", {}) == "{unknown}");
  CHECK(format_template("open { brace", {{"a", "1"}}) == "open { brace");
  CHECK(format_template("unclosed {a", {{"a", "1"}}) == "unclosed {a");
  CHECK(format_template("{}", {{"", "empty"}}) == "empty");
  CHECK(format_template("{{a}}", {{"a", "x"}}) == "{x}");
  CHECK(format_template("{a}{b}", {{"a", "{b}"}, {"b", "2"}}) == "{b}2");  // values are not re-expanded
  CHECK(format_template("键“{key}”", {{"key", "状态"}}) == "键“状态”");
  CHECK(format_template("", {{"a", "1"}}) == "");
}

TEST_CASE("messages: catalog entries in English and Chinese", "[core][messages]") {
  CHECK(message(Lang::En, "yaml/bom") == "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM");
  CHECK(message(Lang::Zh, "yaml/bom") == "文件以字节顺序标记（BOM）开头；请保存为不带 BOM 的 UTF-8");
  CHECK(message(Lang::En, "yaml/duplicate-key", {{"key", "status"}, {"line", "3"}}) ==
        "duplicate key 'status' (first at line 3); keep only one");
  CHECK(message(Lang::Zh, "yaml/duplicate-key", {{"key", "status"}, {"line", "3"}}) ==
        "键“status”重复（首次出现在第 3 行）；请只保留一个");
  CHECK(message(Lang::En, "schema/min-items", {{"field", "authors"}, {"n", "1"}}) == "'authors' needs at least 1 item");
  CHECK(message(Lang::Zh, "schema/min-items", {{"field", "authors"}, {"n", "1"}}) == "“authors”至少需要 1 项");
  CHECK(message(Lang::En, "word/did-you-mean", {{"value", "subject"}}) == "; did you mean 'subject'?");
  CHECK(message(Lang::Zh, "word/did-you-mean", {{"value", "subject"}}) == "；是否应为“subject”？");
  CHECK(message(Lang::Zh, "word/specialty") == "科室");
}

TEST_CASE("messages: missing arguments leave their placeholder visible", "[core][messages]") {
  CHECK(message(Lang::En, "yaml/too-deep") ==
        "nesting is deeper than {limit} levels; case and rubric files need far fewer");
  CHECK(message(Lang::En, "schema/min-length", {{"field", "x"}, {"unused", "y"}}) == "'x' must not be empty");
}

TEST_CASE("messages: an unknown id yields the id itself", "[core][messages]") {
  CHECK(message(Lang::En, "no/such-rule") == "no/such-rule");
  CHECK(message(Lang::Zh, "no/such-rule", {{"a", "b"}}) == "no/such-rule");
}

TEST_CASE("messages: every rule the checks emit has both translations", "[core][messages]") {
  const char* ids[] = {"io/read",
                       "yaml/syntax",
                       "yaml/duplicate-key",
                       "yaml/alias-budget",
                       "yaml/too-deep",
                       "yaml/too-large",
                       "text/encoding",
                       "yaml/bom",
                       "yaml/multiple-documents",
                       "yaml/complex-key",
                       "yaml/empty",
                       "schema/required",
                       "schema/unknown-key",
                       "schema/type",
                       "schema/enum",
                       "schema/pattern",
                       "schema/min-items",
                       "schema/max-items",
                       "schema/min-length",
                       "schema/max-length",
                       "schema/unique-items",
                       "schema/range",
                       "schema/invalid",
                       "schema/unusable",
                       "schema/out-of-date",
                       "integrity/case-id-filename",
                       "integrity/case-id-format",
                       "integrity/file-location",
                       "integrity/not-benchmark-file",
                       "integrity/subject-folder",
                       "integrity/rubric-folder",
                       "integrity/missing-rubric",
                       "integrity/orphan-rubric",
                       "integrity/duplicate-case-id",
                       "integrity/criteria-count",
                       "integrity/duplicate-criterion-id",
                       "integrity/criterion-id-prefix",
                       "integrity/unknown-label",
                       "integrity/primary-not-in-labels",
                       "integrity/audience-role",
                       "integrity/min-axes",
                       "integrity/safety-criterion",
                       "integrity/case-mismatch",
                       "config/not-found",
                       "config/invalid",
                       "taxonomy/invalid"};
  for (const char* id : ids) {
    INFO(id);
    std::string en = message(Lang::En, id);
    std::string zh = message(Lang::Zh, id);
    CHECK(en != id);
    CHECK(zh != id);
    if (std::string(id) != "config/invalid") CHECK(en != zh);
  }
}

TEST_CASE("messages: lang_code", "[core][messages]") {
  CHECK(lang_code(Lang::En) == "en");
  CHECK(lang_code(Lang::Zh) == "zh");
}

TEST_CASE("messages: a system call's reason is given in Chinese under zh, and nothing else is changed",
          "[core][messages][locale]") {
  CHECK(message(Lang::Zh, "io/read", {{"detail", "No such file or directory"}}) == "无法读取文件：文件或文件夹不存在");
  CHECK(message(Lang::Zh, "io/read", {{"detail", "Too many open files in system"}}) ==
        "无法读取文件：系统中打开的文件过多");
  CHECK(message(Lang::Zh, "cli/chdir", {{"dir", "x"}, {"detail", "Permission denied"}}) ==
        "无法在“x”中运行（-C）：权限不足");
  // English stays English; a user's value quoted in a message is never rewritten.
  CHECK(message(Lang::En, "io/read", {{"detail", "No such file or directory"}}) ==
        "cannot read the file: No such file or directory");
  CHECK(message(Lang::Zh, "schema/enum", {{"value", "File exists"}, {"field", "status"}, {"allowed", "draft"}}) ==
        "“status”不能取值“File exists”；可选值：draft");
  CHECK(chinese_os_errors("no error here") == "no error here");
}

TEST_CASE("messages: the one catalog has unique ids, both languages and the same placeholders", "[core][messages]") {
  auto catalog = cc::messages::catalog();
  REQUIRE(catalog.size() > 100);
  for (size_t i = 0; i < catalog.size(); ++i) {
    const MessageEntry& e = catalog[i];
    INFO(e.id);
    CHECK_FALSE(e.en.empty());
    CHECK_FALSE(e.zh.empty());
    CHECK(cc::messages::placeholders_in(e.en, e.zh));
    CHECK(cc::messages::placeholders_in(e.zh, e.en));
    for (size_t j = i + 1; j < catalog.size(); ++j) CHECK(catalog[j].id != e.id);
  }
  // The check itself: a placeholder missing from one language is caught, in either direction.
  CHECK_FALSE(cc::messages::placeholders_in("{a} and {b}", "{a}"));
  CHECK(cc::messages::placeholders_in("{n, plural, one {# item} other {# items}}", "{n} 项"));
  CHECK(cc::messages::placeholders_in("{detail_en}; fix it", "请修正"));
  CHECK(cc::messages::placeholders_in("an unclosed '{'?", "“{”未闭合"));
}

TEST_CASE("messages: counts choose the word through ICU plural rules", "[core][messages]") {
  CHECK(message(Lang::En, "schema/min-items", {{"field", "authors"}, {"n", "2"}}) ==
        "'authors' needs at least 2 items");
  CHECK(message(Lang::En, "schema/max-items", {{"field", "labels"}, {"n", "1"}}) == "'labels' allows at most 1 item");
  CHECK(message(Lang::En, "integrity/min-axes", {{"n", "1"}, {"min", "3"}}) ==
        "the rubric uses 1 axis; use at least 3 (e.g. 准确性, 完整性, 安全性)");
  CHECK(message(Lang::En, "integrity/min-axes", {{"n", "2"}, {"min", "3"}}) ==
        "the rubric uses 2 axes; use at least 3 (e.g. 准确性, 完整性, 安全性)");
  CHECK(message(Lang::Zh, "integrity/min-axes", {{"n", "2"}, {"min", "3"}}) ==
        "评分标准只涉及 2 个维度；至少需要 3 个（如准确性、完整性、安全性）");
  // A value is never read as a pattern, braces and apostrophes included.
  CHECK(message(Lang::En, "schema/min-items", {{"field", "a{b}'c"}, {"n", "1"}}) == "'a{b}'c' needs at least 1 item");
  // A plural in a library's own table goes the same way.
  static constexpr MessageEntry kTable[] = {{"x/n", "{n, plural, one {# row} other {# rows}} left", "剩余 {n} 行"}};
  CHECK(message_from(kTable, Lang::En, "x/n", {{"n", "1"}}) == "1 row left");
  CHECK(message_from(kTable, Lang::En, "x/n", {{"n", "0"}}) == "0 rows left");
  CHECK(message_from(kTable, Lang::Zh, "x/n", {{"n", "3"}}) == "剩余 3 行");
}

TEST_CASE("messages: one word per concept", "[core][messages]") {
  CHECK(message(Lang::Zh, "word/audience") == "受众");
  CHECK(message(Lang::En, "word/string") == "text");
  CHECK(message(Lang::Zh, "word/string") == "文本");
}
