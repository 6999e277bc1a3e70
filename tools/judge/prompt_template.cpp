#include "judge/prompt_template.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/encoding.h"
#include "core/sha256.h"
#include "core/utf8.h"

namespace cc::judge {
namespace {

constexpr std::string_view kOpen = "{{";
constexpr std::string_view kClose = "}}";
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// The whole prompt goes out with every request; a file this large is the wrong file, and
// reading it whole would only waste memory before the endpoint refused it.
constexpr off_t kMaxTemplateBytes = off_t{1} << 20;

// One `{{…}}` in a template, as written.
struct Placeholder {
  size_t begin = std::string_view::npos;  // offset of "{{"; npos when there is none left
  size_t end = std::string_view::npos;    // one past "}}"; npos when the line ends first
  std::string_view name;                  // the text between the braces, spaces trimmed
};

// The first `{{` at or after `from`, and the `}}` closing it. A placeholder never spans
// lines: a `{{` whose line ends first is unterminated, which catches `{{query}` at the
// line of the typo rather than at some later `}}`.
Placeholder next_placeholder(std::string_view text, size_t from) {
  Placeholder found;
  found.begin = text.find(kOpen, from);
  if (found.begin == std::string_view::npos) return found;
  size_t line_end = text.find('\n', found.begin);
  if (line_end == std::string_view::npos) line_end = text.size();
  size_t close = text.find(kClose, found.begin + kOpen.size());
  if (close == std::string_view::npos || close + kClose.size() > line_end) return found;
  found.end = close + kClose.size();
  std::string_view inner = text.substr(found.begin + kOpen.size(), close - found.begin - kOpen.size());
  size_t first = inner.find_first_not_of(" \t");
  size_t last = inner.find_last_not_of(" \t");
  found.name = first == std::string_view::npos ? std::string_view() : inner.substr(first, last - first + 1);
  return found;
}

bool is_placeholder_name(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
  return true;
}

Error input_error(std::string message) { return Error(std::move(message), Error::Kind::Input); }

// "path:line:column" of byte `offset` of `text`, for messages an editor can jump to.
std::string located(const std::string& display_path, std::string_view text, size_t offset) {
  LineColumn at = line_column_at(text, offset);
  return display_path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

// The bytes of a regular file, or an Error naming it.
Result<std::string> read_template_file(const std::string& abs_path, const std::string& display_path) {
  const std::string hint = "; check judge.prompt in clinconsensus.yaml";
  int fd = ::open(abs_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return input_error(display_path + ": cannot read the judge prompt (" + std::strerror(errno) + ")" + hint);
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return input_error(display_path + ": the judge prompt is not a regular file" + hint);
  }
  if (info.st_size > kMaxTemplateBytes) {
    ::close(fd);
    return input_error(display_path + ": the judge prompt is " + std::to_string(info.st_size) +
                       " bytes, more than a prompt can be (1 MiB)" + hint);
  }
  std::string bytes;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      std::string reason = std::strerror(errno);
      ::close(fd);
      return input_error(display_path + ": cannot read the judge prompt (" + reason + ")" + hint);
    }
    if (n == 0) break;
    bytes.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return bytes;
}

// The placeholder names `text` uses, in order of first use; Error at the first `{{` that
// does not open a well-formed placeholder.
Result<std::vector<std::string>> placeholders_in(std::string_view text, const std::string& display_path) {
  std::vector<std::string> names;
  size_t pos = 0;
  for (;;) {
    Placeholder p = next_placeholder(text, pos);
    if (p.begin == std::string_view::npos) break;
    if (p.end == std::string_view::npos)
      return input_error(located(display_path, text, p.begin) +
                         ": `{{` is not closed by `}}` on the same line; write a placeholder as {{name}}, "
                         "e.g. {{response}}");
    if (!is_placeholder_name(p.name)) {
      std::string_view written = text.substr(p.begin, p.end - p.begin);
      return input_error(located(display_path, text, p.begin) + ": " + std::string(written) +
                         " is not a placeholder; names are lowercase letters and _, e.g. {{response}}");
    }
    std::string name(p.name);
    bool seen = false;
    for (const auto& n : names) seen = seen || n == name;
    if (!seen) names.push_back(std::move(name));
    pos = p.end;
  }
  return names;
}

std::string braced_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "{{" : ", {{") + name + "}}";
  return out;
}

}  // namespace

Result<PromptTemplate> load_prompt_template(const std::string& abs_path, const std::string& display_path,
                                            const std::vector<std::string>& required) {
  CC_TRY_ASSIGN(std::string bytes, read_template_file(abs_path, display_path));
  PromptTemplate tmpl;
  tmpl.path = display_path;
  // The hash is of the bytes as stored, so any edit at all — even one to the BOM or the
  // line endings — re-asks every question; the judge's answers were given to those bytes.
  tmpl.sha256 = sha256_hex(bytes);
  std::string_view text = bytes;
  // A BOM some Windows editors add is invisible in the file and would reach the judge as
  // a stray character at the head of every message.
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
  if (auto bad = find_invalid_utf8(text)) {
    auto charset = detect_charset(text);
    std::string likely = charset ? " (it looks like " + *charset + ")" : "";
    return input_error(located(display_path, text, *bad) + ": the judge prompt is not UTF-8 text" + likely +
                       "; save it as UTF-8");
  }
  CC_TRY_ASSIGN(tmpl.placeholders, placeholders_in(text, display_path));

  std::vector<std::string> missing;
  for (const auto& name : required) {
    bool present = false;
    for (const auto& used : tmpl.placeholders) present = present || used == name;
    if (!present) missing.push_back(name);
  }
  if (!missing.empty()) {
    std::string uses = tmpl.placeholders.empty() ? "none" : braced_list(tmpl.placeholders);
    return input_error(display_path + ": the judge prompt lacks " + braced_list(missing) + " (it uses " + uses +
                       "); add each where its text should go, see prompts/README.md");
  }
  tmpl.text = std::string(text);
  return tmpl;
}

std::string render_prompt(const PromptTemplate& tmpl, const std::map<std::string, std::string>& values) {
  std::string_view text = tmpl.text;
  size_t value_bytes = 0;
  for (const auto& [name, value] : values) value_bytes += value.size();
  std::string out;
  out.reserve(text.size() + value_bytes);
  // One pass from left to right, never looking back at what was inserted, so a response
  // that quotes "{{criterion}}" reaches the judge as written.
  size_t pos = 0;
  for (;;) {
    Placeholder p = next_placeholder(text, pos);
    if (p.begin == std::string_view::npos) break;
    if (p.end == std::string_view::npos) {
      size_t after_open = p.begin + kOpen.size();
      out.append(text.substr(pos, after_open - pos));
      pos = after_open;
      continue;
    }
    out.append(text.substr(pos, p.begin - pos));
    auto value = is_placeholder_name(p.name) ? values.find(std::string(p.name)) : values.end();
    if (value != values.end())
      out += value->second;
    else
      out.append(text.substr(p.begin, p.end - p.begin));
    pos = p.end;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace cc::judge
