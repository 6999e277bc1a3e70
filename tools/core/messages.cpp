#include "core/messages.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <unicode/msgfmt.h>
#include <unicode/unistr.h>

#include "core/messages/catalog.h"
#include "core/messages/check.h"
#include "core/messages/cli.h"
#include "core/messages/import.h"
#include "core/messages/integrity.h"
#include "core/messages/io_yaml.h"
#include "core/messages/leak.h"
#include "core/messages/pii.h"
#include "core/messages/project.h"
#include "core/messages/schema.h"
#include "core/messages/scoring.h"
#include "core/messages/text.h"
#include "core/messages/words.h"
#include "core/os_error.h"

namespace cc {
namespace {

// Joins the families into one array, so the checks below see every id at once.
template <size_t... N>
constexpr auto join(const std::array<MessageEntry, N>&... parts) {
  std::array<MessageEntry, (N + ...)> out{};
  size_t at = 0;
  ((std::copy(parts.begin(), parts.end(), out.begin() + at), at += N), ...);
  return out;
}

constexpr auto kCatalog =
    join(messages::kIoYaml, messages::kSchema, messages::kIntegrity, messages::kText, messages::kPii,
         messages::kProject, messages::kScoring, messages::kImport, messages::kLeak, messages::kWords, messages::kCli);
// On failure, messages::first_bad_entry(kCatalog) names the entry: an id used twice, a
// language missing, or a placeholder in one language only.
static_assert(messages::well_formed(kCatalog), "a catalog entry breaks the rules of core/messages/check.h");

// Replaces every "{name}" of `tmpl` by its argument (format_template, over any span).
std::string format_args(std::string_view tmpl, std::span<const MessageArg> args) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  size_t i = 0;
  while (i < tmpl.size()) {
    if (tmpl[i] == '{') {
      size_t close = tmpl.find('}', i + 1);
      if (close != std::string_view::npos) {
        std::string_view name = tmpl.substr(i + 1, close - i - 1);
        bool replaced = false;
        for (const auto& [k, v] : args) {
          if (k == name) {
            out += v;
            replaced = true;
            break;
          }
        }
        if (replaced) {
          i = close + 1;
          continue;
        }
      }
    }
    out += tmpl[i++];
  }
  return out;
}

// Whether `tmpl` selects words by a count ("{n, plural, one {…} other {…}}").
bool has_plural(std::string_view tmpl) { return tmpl.find(", plural,") != std::string_view::npos; }

// Formats a template with a plural through ICU's MessageFormat, which knows each
// language's plural rules: arguments that are whole numbers go in as numbers, the others
// as text. Apostrophes in such a template follow ICU's quoting ('' for one). Should ICU
// refuse the template, the plain substitution still shows every value.
std::string format_plural(std::string_view tmpl, Lang lang, std::span<const MessageArg> args) {
  UErrorCode status = U_ZERO_ERROR;
  icu::MessageFormat format(
      icu::UnicodeString::fromUTF8(icu::StringPiece(tmpl.data(), static_cast<int32_t>(tmpl.size()))),
      icu::Locale(lang == Lang::Zh ? "zh" : "en"), status);
  if (U_FAILURE(status)) return format_args(tmpl, args);
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const auto& [name, value] : args) {
    names.push_back(icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size()))));
    const bool whole = !value.empty() && value.size() < 19 &&
                       std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (whole)
      values.emplace_back(static_cast<int64_t>(std::stoll(value)));
    else
      values.emplace_back(icu::UnicodeString::fromUTF8(value));
  }
  icu::UnicodeString out;
  format.format(names.data(), values.data(), static_cast<int32_t>(names.size()), out, status);
  if (U_FAILURE(status)) return format_args(tmpl, args);
  std::string text;
  out.toUTF8String(text);
  return text;
}

}  // namespace

std::string_view lang_code(Lang lang) { return lang == Lang::Zh ? "zh" : "en"; }

std::string format_template(std::string_view tmpl, std::initializer_list<MessageArg> args) {
  return format_args(tmpl, std::span<const MessageArg>(args.begin(), args.size()));
}

std::string message_from(std::span<const MessageEntry> catalog, Lang lang, std::string_view id,
                         std::initializer_list<MessageArg> args) {
  for (const auto& e : catalog) {
    if (e.id != id) continue;
    std::string_view tmpl = lang == Lang::Zh ? e.zh : e.en;
    const std::span<const MessageArg> en_args(args.begin(), args.size());
    if (lang == Lang::En) return has_plural(tmpl) ? format_plural(tmpl, lang, en_args) : format_args(tmpl, en_args);
    // The reason of a failed system call ("detail" or "why": a file that cannot be read)
    // in Chinese too, so no English is left in a Chinese message. Only those arguments:
    // a quoted value of the user's stays as written.
    std::vector<MessageArg> zh_args(args);
    for (auto& [name, value] : zh_args)
      if (name == "detail" || name == "why") value = chinese_os_errors(std::move(value));
    return has_plural(tmpl) ? format_plural(tmpl, lang, zh_args) : format_args(tmpl, zh_args);
  }
  return std::string(id);
}

std::string message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args) {
  return message_from(kCatalog, lang, id, args);
}

namespace messages {

std::span<const MessageEntry> catalog() { return kCatalog; }

}  // namespace messages

}  // namespace cc
