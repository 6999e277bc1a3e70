#include "core/yaml_loader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <unordered_map>

#include <yaml.h>

#include "core/encoding.h"
#include "core/utf8.h"
#include "core/yaml_core_schema.h"

namespace cc {
namespace {

// Thrown inside the Builder to stop parsing once a limit is hit; the Builder has already
// recorded the diagnostic.
struct StopParsing {};

// Nesting beyond this is refused whatever clinconsensus.yaml says: the JSON value, the
// schema validator and the checks all recurse over the document.
constexpr int kHardMaxDepth = 2000;

// Where a parse event sits in the file: 0-based line and byte offset.
struct Mark {
  int line = 0;
  size_t pos = 0;
};

// libyaml counts positions in code points (and treats U+2028 and NEL as line breaks, as
// YAML 1.1 does); the model wants byte offsets and lines ended by '\n' only, like every
// other position in the project. Events arrive in file order, so one forward cursor
// converts them all in a single pass over the file.
class MarkConverter {
 public:
  explicit MarkConverter(std::string_view text) : text_(text) {}

  Mark operator()(const yaml_mark_t& m) {
    if (m.index < chars_) chars_ = 0, mark_ = Mark{};  // out of order: start again
    while (chars_ < m.index && mark_.pos < text_.size()) {
      unsigned char c = static_cast<unsigned char>(text_[mark_.pos]);
      if (c == '\n') ++mark_.line;
      mark_.pos += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;  // text is valid UTF-8
      ++chars_;
    }
    if (mark_.pos > text_.size()) mark_.pos = text_.size();
    return mark_;
  }

 private:
  std::string_view text_;
  size_t chars_ = 0;
  Mark mark_;
};

// Frees a libyaml event or parser when it goes out of scope.
struct EventHolder {
  yaml_event_t event;
  ~EventHolder() { yaml_event_delete(&event); }
};
struct ParserHolder {
  yaml_parser_t parser;
  ParserHolder() { yaml_parser_initialize(&parser); }
  ~ParserHolder() { yaml_parser_delete(&parser); }
};

std::string anchor_of(const yaml_char_t* anchor) {
  return anchor ? std::string(reinterpret_cast<const char*>(anchor)) : std::string();
}

// A scalar's value: quoted and block scalars are strings; plain ones follow the core
// schema; an explicit core tag (!!str, !!null, !!int, ...) decides for itself.
nlohmann::json resolve_scalar(const yaml_event_t& ev) {
  std::string value(reinterpret_cast<const char*>(ev.data.scalar.value), ev.data.scalar.length);
  std::string_view tag = ev.data.scalar.tag ? reinterpret_cast<const char*>(ev.data.scalar.tag) : "";
  if (tag == "tag:yaml.org,2002:str") return value;
  if (tag == "tag:yaml.org,2002:null") return nullptr;
  if (tag.empty() || tag.substr(0, 18) != "tag:yaml.org,2002:") {
    if (ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE) return value;
  }
  return resolve_plain_scalar(value);
}

// What expanding `j` once produces: its values and the bytes of its scalars (strings by
// their length, other scalars as a few bytes each, as their text is short).
struct Expansion {
  size_t nodes = 0;
  size_t bytes = 0;
};
void measure(const nlohmann::json& j, Expansion& out) {
  ++out.nodes;
  if (j.is_structured()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (j.is_object()) out.bytes += it.key().size();
      measure(*it, out);
    }
  } else {
    out.bytes += j.is_string() ? j.get_ref<const std::string&>().size() : 8;
  }
}

// Builds the JSON value and the location map from libyaml's parse events.
class Builder {
 public:
  Builder(Document& doc, const LoadLimits& limits, Lang lang, std::vector<Diagnostic>& diags, Positions positions)
      : doc_(doc),
        limits_(limits),
        max_depth_(std::min(limits.max_depth, kHardMaxDepth)),
        lang_(lang),
        diags_(diags),
        all_positions_(positions == Positions::All) {}

  bool finished() const { return finished_; }
  // A complex key is reported only once the parse has succeeded: when the file also has
  // a syntax error, that is the real finding.
  std::optional<Mark> complex_key_mark() const { return complex_key_; }

  void on_scalar(const Mark& mark, const yaml_event_t& ev) {
    std::string anchor = anchor_of(ev.data.scalar.anchor);
    if (expecting_key()) {
      take_key(mark, std::string(reinterpret_cast<const char*>(ev.data.scalar.value), ev.data.scalar.length));
      return;
    }
    add_value(mark, resolve_scalar(ev), anchor);
  }

  void on_alias(const Mark& mark, const std::string& anchor) {
    if (expecting_key()) {
      // An alias as a key: treat it as an unusable key and drop its value.
      note_complex_key(mark);
      take_key(mark, "\x01alias");
      stack_.back().duplicate_key = true;
      return;
    }
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      std::string detail = message(lang_, "yaml/syntax.undefined-alias", {{"anchor", anchor}});
      report(mark, "yaml/syntax", {{"detail", detail}});
      throw StopParsing{};
    }
    // Measured before it is copied: the alias that passes the budget is refused
    // without ever being expanded.
    Expansion size;
    measure(it->second, size);
    alias_nodes_ += size.nodes;
    alias_bytes_ += size.bytes;
    if (alias_nodes_ > limits_.max_alias_nodes || alias_bytes_ > limits_.max_alias_bytes) {
      report(mark, "yaml/alias-budget",
             {{"limit", std::to_string(limits_.max_alias_nodes)}, {"bytes", std::to_string(limits_.max_alias_bytes)}});
      throw StopParsing{};
    }
    add_value(mark, nlohmann::json(it->second), std::string());
  }

  void on_sequence_start(const Mark& mark, std::string anchor) {
    open(mark, nlohmann::json::array(), std::move(anchor));
  }
  void on_mapping_start(const Mark& mark, std::string anchor) {
    open(mark, nlohmann::json::object(), std::move(anchor));
  }
  void on_end() { close(); }

 private:
  // A container being filled; `pointer` is where it will sit in the finished document.
  struct Frame {
    nlohmann::json value;
    std::string pointer;
    std::string anchor;
    bool has_key = false;        // for mappings: a key was read, its value comes next
    bool duplicate_key = false;  // the pending key repeats an earlier one: drop its value
    bool is_key = false;         // this container is itself a (complex) mapping key
    bool dropped = false;        // its value is not kept (duplicate key or complex key)
    std::string key;
  };

  // Whether the node about to be added gets its position recorded: always at the root
  // and its members (cross-file findings point at case_id), everywhere with Positions::All.
  bool recording() const { return all_positions_ || stack_.size() <= 1; }

  bool expecting_key() const { return !stack_.empty() && stack_.back().value.is_object() && !stack_.back().has_key; }

  // Records `key` as the key of the mapping on top of the stack, which awaits one.
  void take_key(const Mark& mark, const std::string& key) {
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
      pending_key_ = SourcePos{mark.line, mark.pos};
    }
  }

  void note_complex_key(const Mark& mark) {
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

  void record_location(const std::string& pointer, const Mark& mark) {
    if (!recording()) return;
    NodeLocation loc;
    loc.value = SourcePos{mark.line, mark.pos};
    if (!stack_.empty() && stack_.back().value.is_object()) {
      loc.key = pending_key_;
      loc.has_key = true;
    }
    doc_.locations.emplace(pointer, loc);
  }

  void open(const Mark& mark, nlohmann::json value, std::string anchor) {
    bool as_key = expecting_key();
    if (as_key) note_complex_key(mark);
    if (static_cast<int>(stack_.size()) >= max_depth_) {
      report(mark, "yaml/too-deep", {{"limit", std::to_string(max_depth_)}});
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
    f.anchor = std::move(anchor);
    f.is_key = as_key;
    f.dropped = !keep;
    stack_.push_back(std::move(f));
  }

  void close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (!f.anchor.empty()) anchors_[f.anchor] = f.value;
    if (f.is_key) {
      // The container was a mapping key: its value follows and is dropped.
      Frame& parent = stack_.back();
      parent.has_key = true;
      parent.key = "\x01complex";
      parent.duplicate_key = true;
      return;
    }
    if (f.dropped) {
      if (!stack_.empty()) stack_.back().has_key = false;
      return;
    }
    insert(std::move(f.value));
  }

  void add_value(const Mark& mark, nlohmann::json value, const std::string& anchor) {
    if (!anchor.empty()) anchors_[anchor] = value;
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

  void report(const Mark& mark, std::string_view rule, std::initializer_list<MessageArg> args) {
    Diagnostic d;
    d.rule = rule;
    d.file = doc_.path;
    d.line = mark.line + 1;
    d.column = column_at(doc_.text, mark.pos);
    d.message = message(lang_, rule, args);
    diags_.push_back(std::move(d));
  }

  Document& doc_;
  const LoadLimits& limits_;
  int max_depth_;
  Lang lang_;
  std::vector<Diagnostic>& diags_;
  std::vector<Frame> stack_;
  std::unordered_map<std::string, nlohmann::json> anchors_;
  SourcePos pending_key_;
  size_t alias_nodes_ = 0;
  size_t alias_bytes_ = 0;
  bool finished_ = false;
  std::optional<Mark> complex_key_;
  bool all_positions_ = true;
};

Diagnostic at_position(const std::string& path, std::string_view rule, int line, int column, std::string text) {
  Diagnostic d;
  d.rule = rule;
  d.file = path;
  d.line = line;
  d.column = column;
  d.message = std::move(text);
  return d;
}

// libyaml's problems in words a user can act on: each known problem names its catalog
// entry (core/messages/io_yaml.json); others are passed on in libyaml's words.
std::string describe_problem(Lang lang, std::string_view problem) {
  struct Known {
    std::string_view problem, id;
  };
  static constexpr Known kKnown[] = {
      {"mapping values are not allowed in this context", "yaml/syntax.colon-in-value"},
      {"did not find expected key", "yaml/syntax.expected-key"},
      {"found character that cannot start any token", "yaml/syntax.bad-start"},
      {"found unexpected end of stream", "yaml/syntax.end-inside-value"},
      {"did not find expected ',' or ']'", "yaml/syntax.unclosed-bracket"},
      {"did not find expected ',' or '}'", "yaml/syntax.unclosed-brace"},
      {"did not find expected node content", "yaml/syntax.missing-value"},
      {"did not find expected '-' indicator", "yaml/syntax.expected-item"},
      {"block sequence entries are not allowed in this context", "yaml/syntax.item-not-allowed"},
      {"could not find expected ':'", "yaml/syntax.missing-colon"},
      {"found a tab character that violates indentation", "yaml/syntax.tab-indent"},
      {"found a tab character where an indentation space is expected", "yaml/syntax.tab-indent"},
      {"did not find expected alphabetic or numeric character", "yaml/syntax.anchor-name"},
      {"did not find expected <document start>", "yaml/syntax.after-document"},
      {"mapping keys are not allowed in this context", "yaml/syntax.question-key"},
      {"found unexpected document indicator", "yaml/syntax.document-marker-in-quote"},
      {"did not find expected comment or line break", "yaml/syntax.text-after-value"},
      {"found unknown escape character", "yaml/syntax.unknown-escape"},
  };
  for (const Known& k : kKnown)
    if (problem == k.problem) return message(lang, k.id);
  return std::string(problem);
}

// The yaml/syntax diagnostic for a parse libyaml gave up on. `quote_line` is the line of
// the last quoted value that ran over several lines before the error, or 0: a quote left
// open swallows the lines after it, and the parser only stumbles much later.
Diagnostic syntax_error(const Document& doc, const yaml_parser_t& parser, MarkConverter& marks, Lang lang,
                        int quote_line) {
  std::string detail;
  int line = 1, column = 1;
  if (parser.error == YAML_READER_ERROR) {
    // The reader refuses control characters (YAML allows none but tab, CR and LF); it
    // gives a byte offset rather than a mark.
    LineColumn lc = line_column_at(doc.text, parser.problem_offset);
    line = lc.line, column = lc.column;
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(std::max(0, parser.problem_value)));
    detail = message(lang, "yaml/syntax.control-character", {{"code", code}});
  } else if (parser.error == YAML_MEMORY_ERROR) {
    detail = message(lang, "yaml/syntax.out-of-memory");
  } else if (parser.context &&
             std::string_view(parser.problem ? parser.problem : "") == "could not find expected ':'") {
    // libyaml notices the missing ':' only on the next line; the key is where it starts.
    Mark from = marks(parser.context_mark);
    line = from.line + 1;
    column = column_at(doc.text, from.pos);
    detail = describe_problem(lang, parser.problem);
  } else if (parser.context &&
             std::string_view(parser.problem ? parser.problem : "") == "found unexpected end of stream") {
    // A quote (or block) that is never closed: the useful place is where it opens.
    Mark from = marks(parser.context_mark);
    line = from.line + 1;
    column = column_at(doc.text, from.pos);
    bool quote = std::string_view(parser.context) == "while scanning a quoted scalar";
    detail = quote ? message(lang, "yaml/syntax.unclosed-quote")
                   : message(lang, "yaml/syntax.unclosed", {{"context", parser.context}});
  } else {
    Mark at = marks(parser.problem_mark);
    line = at.line + 1;
    column = column_at(doc.text, at.pos);
    detail = describe_problem(lang, parser.problem ? parser.problem : "unknown error");
    if (parser.context) {
      Mark from = marks(parser.context_mark);
      if (from.line != at.line)
        detail += message(lang, "yaml/syntax.context",
                          {{"context", parser.context}, {"line", std::to_string(from.line + 1)}});
    }
    if (quote_line > 0 && quote_line < line)
      detail += message(lang, "yaml/syntax.open-quote", {{"line", std::to_string(quote_line)}});
  }
  return at_position(doc.path, "yaml/syntax", line, column, message(lang, "yaml/syntax", {{"detail", detail}}));
}

}  // namespace

Result<std::string> read_file(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Error(std::strerror(errno));
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  bool failed = std::ferror(f) != 0;
  int saved = errno;
  std::fclose(f);
  if (failed) return Error(std::strerror(saved));
  return data;
}

// The first U+0085, U+2028 or U+2029 in `text`: its byte offset and "U+XXXX".
static std::optional<std::pair<size_t, std::string>> find_ambiguous_break(std::string_view text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\xC2' && text[i + 1] == '\x85') return std::pair{i, std::string("U+0085")};
    if (text[i] == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
        (text[i + 2] == '\xA8' || text[i + 2] == '\xA9'))
      return std::pair{i, std::string(text[i + 2] == '\xA8' ? "U+2028" : "U+2029")};
  }
  return std::nullopt;
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
    result.diagnostics.push_back(
        at_position(path, "text/encoding", lc.line, lc.column,
                    message(lang, "text/encoding", {{"byte", hex}, {"detected", detected}, {"how", how}})));
    return result;
  }

  // NEL, LS and PS are line breaks to YAML 1.1 readers (libyaml among them) and text to
  // YAML 1.2 ones (yaml-cpp, editors): the same file would mean two things. Refused where
  // they stand, before libyaml can read them its way.
  if (auto at = find_ambiguous_break(text)) {
    LineColumn lc = line_column_at(text, at->first);
    result.diagnostics.push_back(at_position(path, "yaml/ambiguous-break", lc.line, lc.column,
                                             message(lang, "yaml/ambiguous-break", {{"code", at->second}})));
    return result;
  }

  Document doc;
  doc.all_positions = positions == Positions::All;
  doc.path = std::move(path);
  doc.text = std::move(text);
  Builder builder(doc, limits, lang, result.diagnostics, positions);
  MarkConverter marks(doc.text);
  ParserHolder holder;
  yaml_parser_t& parser = holder.parser;
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(doc.text.data()), doc.text.size());
  yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
  int documents = 0;
  int quote_line = 0;  // see syntax_error
  try {
    for (bool done = false; !done;) {
      EventHolder e;
      if (!yaml_parser_parse(&parser, &e.event)) {
        result.diagnostics.push_back(syntax_error(doc, parser, marks, lang, quote_line));
        return result;
      }
      const yaml_event_t& ev = e.event;
      switch (ev.type) {
        case YAML_DOCUMENT_START_EVENT:
          if (++documents == 2) {
            // The file breaks the one-per-file rule; the second document's content is
            // irrelevant. The event starts at its "---".
            Mark at = marks(ev.start_mark);
            result.diagnostics.push_back(at_position(doc.path, "yaml/multiple-documents", at.line + 1,
                                                     column_at(doc.text, at.pos),
                                                     message(lang, "yaml/multiple-documents")));
            return result;
          }
          break;
        case YAML_SCALAR_EVENT: {
          Mark at = marks(ev.start_mark);
          bool quoted = ev.data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
                        ev.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
          if (quoted && ev.end_mark.line != ev.start_mark.line) quote_line = at.line + 1;
          builder.on_scalar(at, ev);
          break;
        }
        case YAML_ALIAS_EVENT: builder.on_alias(marks(ev.start_mark), anchor_of(ev.data.alias.anchor)); break;
        case YAML_SEQUENCE_START_EVENT:
          builder.on_sequence_start(marks(ev.start_mark), anchor_of(ev.data.sequence_start.anchor));
          break;
        case YAML_MAPPING_START_EVENT:
          builder.on_mapping_start(marks(ev.start_mark), anchor_of(ev.data.mapping_start.anchor));
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: builder.on_end(); break;
        case YAML_STREAM_END_EVENT: done = true; break;
        default: break;
      }
    }
  } catch (const StopParsing&) {
    return result;
  }
  if (!builder.finished()) {
    if (result.diagnostics.empty())
      result.diagnostics.push_back(at_position(doc.path, "yaml/empty", 1, 1, message(lang, "yaml/empty")));
    return result;
  }
  if (auto mark = builder.complex_key_mark()) {
    result.diagnostics.push_back(at_position(doc.path, "yaml/complex-key", mark->line + 1,
                                             column_at(doc.text, mark->pos), message(lang, "yaml/complex-key")));
    return result;
  }
  result.document = std::move(doc);
  return result;
}

LoadResult load_yaml_file(const std::string& abs_path, std::string rel_path, const LoadLimits& limits, Lang lang,
                          Positions positions) {
  auto text = read_file(abs_path);
  if (!text) {
    LoadResult result;
    result.diagnostics.push_back(
        at_position(rel_path, "io/read", 0, 0, message(lang, "io/read", {{"detail", text.error().message}})));
    return result;
  }
  return load_yaml_text(std::move(rel_path), std::move(*text), limits, lang, positions);
}

}  // namespace cc
