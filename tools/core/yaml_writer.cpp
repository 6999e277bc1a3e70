#include "core/yaml_writer.h"

#include <algorithm>

#include <yaml-cpp/yaml.h>

#include "core/yaml_loader.h"

namespace cc {
namespace {

// The ways the emitter is asked to write one string.
enum class Form {
  Literal,       // YAML::Literal
  Plain,         // YAML::Auto, kept only when the emitter writes it unquoted
  Auto,          // YAML::Auto: plain where yaml-cpp finds it valid, else double quotes
  DoubleQuoted,  // YAML::DoubleQuoted, UTF-8 as is
  Escaped,       // YAML::DoubleQuoted with YAML::EscapeNonAscii: ASCII only, holds any string
};

// A single line longer than this reads better as a literal block (Line style).
constexpr size_t kLongLine = 400;

// Text to insert into the emitter's output at `offset` once it is complete.
struct Insertion {
  size_t offset;
  std::string text;
};

std::vector<Form> forms_for(ScalarStyle style, std::string_view value) {
  switch (style) {
    case ScalarStyle::Short: return {Form::Auto, Form::DoubleQuoted, Form::Escaped};
    case ScalarStyle::Prose: return {Form::Literal, Form::Auto, Form::DoubleQuoted, Form::Escaped};
    case ScalarStyle::Line:
      if (value.find('\n') == std::string_view::npos && value.size() <= kLongLine)
        return {Form::Plain, Form::Literal, Form::DoubleQuoted, Form::Escaped};
      return {Form::Literal, Form::DoubleQuoted, Form::Escaped};
    case ScalarStyle::Quoted: break;
  }
  return {Form::DoubleQuoted, Form::Escaped};
}

// The emitter and the insertions still to be made into its output.
struct Output {
  YAML::Emitter out;
  std::vector<Insertion> insertions;

  bool at_line_start() const { return out.size() == 0 || out.c_str()[out.size() - 1] == '\n'; }

  // Writes `value` in `form` as the emitter's next node. Returns false when the emitter
  // chose another form than the one asked for (a literal block it cannot write).
  bool write(std::string_view value, Form form) {
    if (form != Form::Literal) {
      if (form == Form::Escaped) out << YAML::EscapeNonAscii;
      if (form == Form::DoubleQuoted || form == Form::Escaped) out << YAML::DoubleQuoted;
      out << std::string(value);
      return true;
    }
    // yaml-cpp 0.7 writes every literal block as `|` with neither a chomping nor an
    // indentation indicator, which keeps exactly one final line break and guesses the
    // indentation from the first line. It is given the text without its final line
    // breaks; the indicators that give back the value exactly are added after its `|`.
    size_t body_end = value.find_last_not_of('\n') + 1;
    if (value.empty() || body_end == 0) return false;  // nothing but line breaks
    std::string_view body = value.substr(0, body_end);
    size_t breaks = value.size() - body_end;
    size_t before = out.size();
    out << YAML::Literal << std::string(body);
    std::string_view written(out.c_str() + before, out.size() - before);
    size_t bar = written.find("|\n");
    if (bar == std::string_view::npos) return false;
    std::string indicators;
    if (body.front() == ' ' || body.front() == '\n') indicators += "2";  // the emitter indents by 2
    indicators += breaks == 0 ? "-" : breaks == 1 ? "" : "+";
    if (!indicators.empty()) insertions.push_back({before + bar + 1, indicators});
    if (breaks > 1) insertions.push_back({out.size(), std::string(breaks - 1, '\n')});
    return true;
  }

  // The text so far with the insertions made, ending in a line break.
  std::string text() const {
    std::string s(out.c_str(), out.size());
    bool add_break = !at_line_start();  // decided before the insertions, which may end in one
    std::vector<Insertion> sorted = insertions;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Insertion& a, const Insertion& b) { return a.offset > b.offset; });
    for (const auto& ins : sorted) s.insert(ins.offset, ins.text);
    if (add_break || s.empty()) s += '\n';
    return s;
  }
};

// Whether `value` written in `form` as the only value of a document reads back through
// the project's loader as exactly `value`.
bool reads_back(std::string_view value, Form form) {
  Output probe;
  probe.out << YAML::BeginMap << YAML::Key << "v" << YAML::Value;
  if (!probe.write(value, form)) return false;
  probe.out << YAML::EndMap;
  if (!probe.out.good()) return false;
  std::string text = probe.text();
  if (form == Form::Plain && (text.rfind("v: \"", 0) == 0 || text.rfind("v: '", 0) == 0)) return false;
  LoadLimits limits;
  limits.max_file_bytes = std::max(limits.max_file_bytes, text.size());
  LoadResult r = load_yaml_text("value.yaml", std::move(text), limits, Lang::En, Positions::TopLevel);
  if (!r.document || !r.diagnostics.empty()) return false;
  const nlohmann::json& root = r.document->root;
  auto it = root.find("v");
  return it != root.end() && it->is_string() && it->get_ref<const std::string&>() == value;
}

}  // namespace

struct YamlWriter::Impl : Output {
  std::string error;           // the first value no form could write
  bool started = false;        // the top-level mapping or list has begun
  bool blank_pending = false;  // blank_line() was asked for; written before what comes next

  // Writes a pending blank line. Before the document's first node the emitter ends the
  // line of a comment itself, so one line break less is written there.
  void flush_blank(bool starting) {
    if (!blank_pending) return;
    blank_pending = false;
    if (!at_line_start()) out << YAML::Newline;
    if (!starting) out << YAML::Newline;
  }
  void before_node() {
    flush_blank(!started);
    started = true;
  }
};

YamlWriter::YamlWriter() : impl_(std::make_unique<Impl>()) {}
YamlWriter::~YamlWriter() = default;

void YamlWriter::comment(std::string_view text) {
  impl_->flush_blank(false);
  if (!impl_->at_line_start()) impl_->out << YAML::Newline;
  impl_->out << YAML::Comment(std::string(text));
}

void YamlWriter::blank_line() { impl_->blank_pending = true; }

void YamlWriter::begin_map() {
  impl_->before_node();
  impl_->out << YAML::BeginMap;
}
void YamlWriter::end_map() { impl_->out << YAML::EndMap; }
void YamlWriter::begin_list() {
  impl_->before_node();
  impl_->out << YAML::BeginSeq;
}
void YamlWriter::end_list() { impl_->out << YAML::EndSeq; }
void YamlWriter::key(std::string_view key) {
  impl_->before_node();
  impl_->out << YAML::Key << std::string(key) << YAML::Value;
}
void YamlWriter::boolean(bool value) { impl_->out << value; }
void YamlWriter::integer(long long value) { impl_->out << value; }

void YamlWriter::string(std::string_view value, ScalarStyle style) {
  for (Form form : forms_for(style, value)) {
    if (!reads_back(value, form)) continue;
    impl_->write(value, form);
    return;
  }
  // Nothing reads back (not even the ASCII-escaped form): keep the document's shape and
  // report the value.
  if (impl_->error.empty())
    impl_->error = "a value cannot be written as YAML that reads back unchanged: " + std::string(value.substr(0, 40));
  impl_->out << YAML::DoubleQuoted << std::string(value);
}

void YamlWriter::strings(const std::vector<std::string>& values, ScalarStyle style) {
  if (values.empty()) {
    impl_->out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
    return;
  }
  impl_->out << YAML::BeginSeq;
  for (const auto& v : values) string(v, style);
  impl_->out << YAML::EndSeq;
}

Result<std::string> YamlWriter::finish() {
  if (!impl_->error.empty()) return Error(impl_->error);
  if (!impl_->out.good()) return Error("YAML emitter: " + impl_->out.GetLastError());
  return impl_->text();
}

}  // namespace cc
