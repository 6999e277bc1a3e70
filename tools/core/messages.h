#pragma once
// Messages: every user-facing text of a finding, in English and Chinese, kept in one
// catalog (core/messages/, one JSON file per rule family, made into a constexpr header at
// configure time) so a translation is never scattered through the checks. Counts that
// change a word go through ICU's plural rules: "{n, plural, one {# item} other {# items}}".
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace cc {

enum class Lang { En, Zh };

std::string_view lang_code(Lang lang);

// One named argument of a message template: "{name}" in the template is replaced by value.
using MessageArg = std::pair<std::string_view, std::string>;

// One catalog entry: an id and its text in each language. Every finding with a rule id is
// in the one catalog (core/messages/catalog.h); a library's report text (headings, diffs,
// verify lines) is an array of these beside its renderer, formatted through message_from()
// and checked by core/messages/check.h.
struct MessageEntry {
  std::string_view id;
  std::string_view en;
  std::string_view zh;
};

// Formats entry `id` of `catalog` in `lang`; an unknown id yields the id itself. In
// Chinese, an OS error text ("No such file or directory") in the argument that carries a
// system call's reason, `detail` or `why`, is given in Chinese too (core/os_error.h). A
// template with "{name, plural, …}" is formatted by ICU's MessageFormat.
std::string message_from(std::span<const MessageEntry> catalog, Lang lang, std::string_view id,
                         std::initializer_list<MessageArg> args = {});

// Formats the catalog entry `id` in `lang`. An unknown id is a programming error; it
// yields the id itself so the finding is still visible.
std::string message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args = {});

// Replaces every "{name}" of `tmpl` by its argument; unknown names stay as they are.
std::string format_template(std::string_view tmpl, std::initializer_list<MessageArg> args);

}  // namespace cc
