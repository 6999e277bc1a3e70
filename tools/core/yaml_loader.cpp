#include "core/yaml_loader.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <istream>
#include <limits>
#include <optional>
#include <streambuf>
#include <unordered_map>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "core/encoding.h"
#include "core/utf8.h"

namespace cc {
namespace {

// An istream over bytes already in memory, so the parser reads the file without a copy.
struct MemoryBuffer : std::streambuf {
  MemoryBuffer(const char* begin, size_t size) {
    char* b = const_cast<char*>(begin);
    setg(b, b, b + size);
  }
};

// Thrown inside the event handler to stop parsing once a limit is hit; the handler has
// already recorded the diagnostic.
struct StopParsing {};

bool is_null_plain(const std::string& v) {
  return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

std::optional<bool> bool_plain(const std::string& v) {
  if (v == "true" || v == "True" || v == "TRUE") return true;
  if (v == "false" || v == "False" || v == "FALSE") return false;
  return std::nullopt;
}

bool all_of_digits(std::string_view s, int base) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok = base == 8    ? (c >= '0' && c <= '7')
              : base == 16 ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                           : (c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

// The YAML 1.2 core schema's resolution of a plain scalar.
nlohmann::json resolve_plain(const std::string& v) {
  if (is_null_plain(v)) return nullptr;
  if (auto b = bool_plain(v)) return *b;
  std::string_view s(v);
  // Integers: decimal with optional sign, 0o octal, 0x hex.
  {
    std::string_view body = s;
    bool negative = false;
    if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
      negative = body[0] == '-';
      body.remove_prefix(1);
    }
    int base = 10;
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
      base = s[1] == 'o' ? 8 : 16;
      body = s.substr(2);
      negative = false;
    }
    if (all_of_digits(body, base)) {
      long long value = 0;
      auto [ptr, ec] = std::from_chars(body.data(), body.data() + body.size(), value, base);
      if (ec == std::errc() && ptr == body.data() + body.size()) return negative ? -value : value;
      return std::strtod(v.c_str(), nullptr);  // too large for 64 bits: keep it as a number
    }
  }
  // Floats: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?, and .inf / .nan.
  {
    std::string_view body = s;
    double sign = 1;
    if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
      sign = body[0] == '-' ? -1 : 1;
      body.remove_prefix(1);
    }
    if (body == ".inf" || body == ".Inf" || body == ".INF") return sign * std::numeric_limits<double>::infinity();
    if (s == ".nan" || s == ".NaN" || s == ".NAN") return std::numeric_limits<double>::quiet_NaN();
    size_t i = 0, int_digits = 0, frac_digits = 0;
    while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) ++i, ++int_digits;
    if (i < body.size() && body[i] == '.') {
      ++i;
      while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) ++i, ++frac_digits;
    }
    bool mantissa_ok = int_digits > 0 || frac_digits > 0;
    if (mantissa_ok && i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
      size_t j = i + 1;
      if (j < body.size() && (body[j] == '-' || body[j] == '+')) ++j;
      size_t exp_digits = 0;
      while (j < body.size() && std::isdigit(static_cast<unsigned char>(body[j]))) ++j, ++exp_digits;
      if (exp_digits == 0) mantissa_ok = false;
      i = j;
    }
    if (mantissa_ok && i == body.size() && (body.find('.') != std::string_view::npos ||
                                            body.find_first_of("eE") != std::string_view::npos))
      return std::strtod(v.c_str(), nullptr);
  }
  return v;
}

nlohmann::json resolve_scalar(const std::string& tag, const std::string& value) {
  if (tag == "!" || tag == "tag:yaml.org,2002:str") return value;  // quoted, block, or !!str
  if (tag == "tag:yaml.org,2002:null") return nullptr;
  return resolve_plain(value);
}

size_t count_nodes(const nlohmann::json& j) {
  size_t n = 1;
  if (j.is_structured())
    for (const auto& child : j) n += count_nodes(child);
  return n;
}

// Builds the JSON value and the location map from yaml-cpp's parse events.
class Builder : public YAML::EventHandler {
 public:
  Builder(Document& doc, const LoadLimits& limits, Lang lang, std::vector<Diagnostic>& diags, Positions positions)
      : doc_(doc), limits_(limits), lang_(lang), diags_(diags), all_positions_(positions == Positions::All) {}

  bool finished() const { return finished_; }
  // A complex key is reported only once the parse has succeeded: yaml-cpp reads an
  // unclosed "[" as the start of one, and then the syntax error is the real finding.
  std::optional<YAML::Mark> complex_key_mark() const { return complex_key_; }

  void OnDocumentStart(const YAML::Mark& mark) override { start_ = mark; }
  const YAML::Mark& document_start() const { return start_; }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (take_key(mark, "")) return;
    add_value(mark, nullptr, anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (expecting_key()) {
      // An alias as a key: treat it as an unusable key and drop its value.
      note_complex_key(mark);
      take_key(mark, "\x01alias");
      stack_.back().duplicate_key = true;
      return;
    }
    auto it = anchors_.find(anchor);
    nlohmann::json value = it == anchors_.end() ? nlohmann::json() : it->second;
    alias_nodes_ += it == anchors_.end() ? 1 : count_nodes(value);
    if (alias_nodes_ > limits_.max_alias_nodes) {
      report(mark, "yaml/alias-budget", {{"limit", std::to_string(limits_.max_alias_nodes)}});
      throw StopParsing{};
    }
    add_value(mark, std::move(value), YAML::NullAnchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (tag == "!") check_closing_quote(mark);
    if (take_key(mark, value)) return;
    add_value(mark, resolve_scalar(tag, value), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, nlohmann::json::array(), anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, nlohmann::json::object(), anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  // A container being filled; `pointer` is where it will sit in the finished document.
  struct Frame {
    nlohmann::json value;
    std::string pointer;
    YAML::anchor_t anchor = YAML::NullAnchor;
    bool has_key = false;       // for mappings: a key was read, its value comes next
    bool duplicate_key = false; // the pending key repeats an earlier one: drop its value
    bool is_key = false;        // this container is itself a (complex) mapping key
    std::string key;
  };

  // yaml-cpp 0.7 accepts a quoted scalar that runs to the end of the file when the file
  // ends in a newline; a quote that is never closed is a syntax error.
  void check_closing_quote(const YAML::Mark& mark) {
    const std::string& t = doc_.text;
    size_t pos = static_cast<size_t>(std::max(0, mark.pos));
    if (pos >= t.size() || (t[pos] != '"' && t[pos] != '\'')) return;
    char q = t[pos];
    for (size_t i = pos + 1; i < t.size(); ++i) {
      if (q == '"' && t[i] == '\\') {
        ++i;
        continue;
      }
      if (t[i] != q) continue;
      if (q == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
        ++i;
        continue;
      }
      return;
    }
    report(mark, "yaml/syntax", {{"detail", lang_ == Lang::Zh ? "引号未闭合" : "the quote is never closed"}});
    throw StopParsing{};
  }

  // Whether the node about to be added gets its position recorded: always at the root
  // and its members (cross-file findings point at case_id), everywhere with Positions::All.
  bool recording() const { return all_positions_ || stack_.size() <= 1; }

  bool expecting_key() const {
    return !stack_.empty() && stack_.back().value.is_object() && !stack_.back().has_key;
  }

  // In a mapping awaiting a key, records the scalar as the key. Returns true if it did.
  bool take_key(const YAML::Mark& mark, const std::string& key) {
    if (!expecting_key()) return false;
    Frame& f = stack_.back();
    f.has_key = true;
    f.key = key;
    f.duplicate_key = f.value.contains(key);
    if (f.duplicate_key) {
      int first_line = 0;
      if (recording()) {
        auto it = doc_.locations.find(pointer_append(f.pointer, key));
        if (it != doc_.locations.end()) first_line = it->second.key.line + 1;
      }
      report(mark, "yaml/duplicate-key", {{"key", key}, {"line", std::to_string(first_line)}});
    } else {
      pending_key_ = SourcePos{mark.line, static_cast<size_t>(mark.pos)};
    }
    return true;
  }

  void note_complex_key(const YAML::Mark& mark) {
    if (!complex_key_) complex_key_ = mark;
  }

  // The pointer of the next value and whether that value is to be kept.
  std::string next_pointer(bool* keep) const {
    *keep = true;
    if (stack_.empty()) return "";
    const Frame& f = stack_.back();
    if (f.value.is_object()) *keep = !f.duplicate_key;
    if (!recording()) return std::string();
    return f.value.is_object() ? pointer_append(f.pointer, f.key) : pointer_append(f.pointer, f.value.size());
  }

  void record_location(const std::string& pointer, const YAML::Mark& mark) {
    if (!recording()) return;
    NodeLocation loc;
    loc.value = SourcePos{mark.line, static_cast<size_t>(mark.pos)};
    if (!stack_.empty() && stack_.back().value.is_object()) {
      loc.key = pending_key_;
      loc.has_key = true;
    }
    doc_.locations.emplace(pointer, loc);
  }

  void open(const YAML::Mark& mark, nlohmann::json value, YAML::anchor_t anchor) {
    bool as_key = expecting_key();
    if (as_key) note_complex_key(mark);
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      report(mark, "yaml/too-deep", {{"limit", std::to_string(limits_.max_depth)}});
      throw StopParsing{};
    }
    bool keep = false;
    std::string pointer;
    if (!as_key) {
      pointer = next_pointer(&keep);
      if (keep) record_location(pointer, mark);
    }
    Frame f;
    f.value = std::move(value);
    f.pointer = keep ? std::move(pointer) : pointer + "/\x01dropped";
    f.anchor = anchor;
    f.is_key = as_key;
    stack_.push_back(std::move(f));
    dropped_.push_back(!keep);
  }

  void close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    bool was_dropped = dropped_.back();
    dropped_.pop_back();
    if (f.anchor != YAML::NullAnchor) anchors_[f.anchor] = f.value;
    if (f.is_key) {
      // The container was a mapping key: its value follows and is dropped.
      Frame& parent = stack_.back();
      parent.has_key = true;
      parent.key = "\x01complex";
      parent.duplicate_key = true;
      return;
    }
    if (was_dropped) {
      if (!stack_.empty()) stack_.back().has_key = false;
      return;
    }
    insert(std::move(f.value));
  }

  void add_value(const YAML::Mark& mark, nlohmann::json value, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) anchors_[anchor] = value;
    bool keep;
    std::string pointer = next_pointer(&keep);
    if (!keep) {
      stack_.back().has_key = false;
      return;
    }
    record_location(pointer, mark);
    insert(std::move(value));
  }

  void insert(nlohmann::json value) {
    if (stack_.empty()) {
      doc_.root = std::move(value);
      finished_ = true;
      return;
    }
    Frame& parent = stack_.back();
    if (parent.value.is_object()) {
      parent.value.emplace(parent.key, std::move(value));
      parent.has_key = false;
    } else {
      parent.value.push_back(std::move(value));
    }
  }

  void report(const YAML::Mark& mark, std::string_view rule, std::initializer_list<MessageArg> args) {
    Diagnostic d;
    d.rule = rule;
    d.file = doc_.path;
    d.line = mark.line + 1;
    d.column = column_at(doc_.text, static_cast<size_t>(std::max(0, mark.pos)));
    d.message = message(lang_, rule, args);
    diags_.push_back(std::move(d));
  }

  Document& doc_;
  const LoadLimits& limits_;
  Lang lang_;
  std::vector<Diagnostic>& diags_;
  std::vector<Frame> stack_;
  std::vector<bool> dropped_;
  std::unordered_map<YAML::anchor_t, nlohmann::json> anchors_;
  SourcePos pending_key_;
  size_t alias_nodes_ = 0;
  bool finished_ = false;
  std::optional<YAML::Mark> complex_key_;
  YAML::Mark start_;
  bool all_positions_ = true;
};

Diagnostic at_position(const std::string& path, std::string_view rule, int line, int column,
                           std::string text) {
  Diagnostic d;
  d.rule = rule;
  d.file = path;
  d.line = line;
  d.column = column;
  d.message = std::move(text);
  return d;
}

// yaml-cpp's messages are lower-case sentences; drop a trailing period before we append.
std::string tidy_parser_message(std::string msg) {
  while (!msg.empty() && (msg.back() == '.' || msg.back() == ' ')) msg.pop_back();
  return msg;
}

}  // namespace

std::optional<std::string> read_file(const std::string& path, std::string* error) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    if (error) *error = std::strerror(errno);
    return std::nullopt;
  }
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  bool failed = std::ferror(f) != 0;
  int saved = errno;
  std::fclose(f);
  if (failed) {
    if (error) *error = std::strerror(saved);
    return std::nullopt;
  }
  return data;
}

LoadResult load_yaml_text(std::string path, std::string text, const LoadLimits& limits, Lang lang,
                          Positions positions) {
  LoadResult result;
  if (text.size() > limits.max_file_bytes) {
    result.diagnostics.push_back(at_position(
        path, "yaml/too-large", 1, 1,
        message(lang, "yaml/too-large",
                {{"size", std::to_string(text.size())}, {"limit", std::to_string(limits.max_file_bytes)}})));
    return result;
  }
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    result.diagnostics.push_back(at_position(path, "yaml/bom", 1, 1, message(lang, "yaml/bom")));
    return result;
  }
  if (auto bad = find_invalid_utf8(text)) {
    // Columns before the bad byte are valid UTF-8, so they can be counted as code points.
    std::string_view valid(text.data(), *bad);
    LineColumn lc = line_column_at(valid, valid.size());
    char hex[3];
    std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned char>(text[*bad]));
    std::string detected, how;
    if (auto charset = detect_charset(text)) {
      detected = message(lang, "text/encoding.detected", {{"charset", *charset}});
      if (convertible_charset(*charset)) how = message(lang, "text/encoding.fix");
    }
    result.diagnostics.push_back(at_position(
        path, "text/encoding", lc.line, lc.column,
        message(lang, "text/encoding", {{"byte", hex}, {"detected", detected}, {"how", how}})));
    return result;
  }

  Document doc;
  doc.all_positions = positions == Positions::All;
  doc.path = std::move(path);
  doc.text = std::move(text);
  MemoryBuffer buffer(doc.text.data(), doc.text.size());
  std::istream in(&buffer);
  Builder builder(doc, limits, lang, result.diagnostics, positions);
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder) || !builder.finished()) {
      if (result.diagnostics.empty())
        result.diagnostics.push_back(at_position(doc.path, "yaml/empty", 1, 1, message(lang, "yaml/empty")));
      return result;
    }
    if (auto mark = builder.complex_key_mark()) {
      result.diagnostics.push_back(at_position(doc.path, "yaml/complex-key", mark->line + 1,
                                                   column_at(doc.text, static_cast<size_t>(std::max(0, mark->pos))),
                                                   message(lang, "yaml/complex-key")));
      return result;
    }
    // A second document: its content is irrelevant (and must not touch the first), the
    // file breaks the one-per-file rule.
    Document scratch;
    scratch.text = doc.text;
    std::vector<Diagnostic> ignored;
    Builder second(scratch, limits, lang, ignored, Positions::TopLevel);
    bool more = false;
    try {
      more = parser.HandleNextDocument(second);
    } catch (...) {
      more = true;
    }
    if (more) {
      // Point at the second document's "---" (yaml-cpp marks where its content starts).
      LineColumn lc{1, 1};
      size_t content = static_cast<size_t>(std::max(0, second.document_start().pos));
      size_t sep = doc.text.rfind("---", content);
      lc = line_column_at(doc.text, sep != std::string::npos && sep > 0 ? sep : content);
      result.diagnostics.push_back(at_position(doc.path, "yaml/multiple-documents", lc.line, lc.column,
                                                   message(lang, "yaml/multiple-documents")));
      return result;
    }
  } catch (const StopParsing&) {
    return result;
  } catch (const YAML::DeepRecursion& e) {
    result.diagnostics.push_back(at_position(
        doc.path, "yaml/too-deep", e.mark.line + 1, column_at(doc.text, static_cast<size_t>(std::max(0, e.mark.pos))),
        message(lang, "yaml/too-deep", {{"limit", std::to_string(limits.max_depth)}})));
    return result;
  } catch (const YAML::Exception& e) {
    int line = e.mark.is_null() ? 1 : e.mark.line + 1;
    int column = e.mark.is_null() ? 1 : column_at(doc.text, static_cast<size_t>(std::max(0, e.mark.pos)));
    result.diagnostics.push_back(at_position(doc.path, "yaml/syntax", line, column,
                                                 message(lang, "yaml/syntax", {{"detail", tidy_parser_message(e.msg)}})));
    return result;
  }
  result.document = std::move(doc);
  return result;
}

LoadResult load_yaml_file(const std::string& abs_path, std::string rel_path, const LoadLimits& limits,
                          Lang lang, Positions positions) {
  std::string error;
  auto text = read_file(abs_path, &error);
  if (!text) {
    LoadResult result;
    result.diagnostics.push_back(
        at_position(rel_path, "io/read", 0, 0, message(lang, "io/read", {{"detail", error}})));
    return result;
  }
  return load_yaml_text(std::move(rel_path), std::move(*text), limits, lang, positions);
}

}  // namespace cc
