#pragma once
// YAML writer: one block-style YAML document written by yaml-cpp's YAML::Emitter, which
// does all quoting and escaping. Each string value gets the most readable form that the
// project's own loader reads back as exactly that string — a literal block for prose,
// plain, double-quoted, double-quoted with non-ASCII escaped — and comments and blank
// lines sit on lines of their own, so generated files read like hand-written ones.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace cc {

// How a string value would like to be written. Each falls back to the next form that
// reads back unchanged, ending with double quotes, which hold any string.
enum class ScalarStyle {
  Short,   // plain, else double-quoted: ids, labels, codes
  Prose,   // a literal block (`|`), as a physician types text; else as Short
  Line,    // plain when it is one short line, else a literal block: a criterion
  Quoted,  // always double-quoted
};

class YamlWriter {
 public:
  YamlWriter();
  ~YamlWriter();
  YamlWriter(const YamlWriter&) = delete;
  YamlWriter& operator=(const YamlWriter&) = delete;

  // `# text` on a line of its own, at the start of the line.
  void comment(std::string_view text);
  // An empty line (after a comment or value, which keeps its own line).
  void blank_line();

  // A mapping or list: the document's top level, an item of a list, or the value of the
  // key given just before.
  void begin_map();
  void end_map();
  void begin_list();
  void end_list();
  // The key of the next value in the current mapping.
  void key(std::string_view key);
  void string(std::string_view value, ScalarStyle style = ScalarStyle::Short);
  void boolean(bool value);
  void integer(long long value);
  // A block list of strings, `[]` when empty.
  void strings(const std::vector<std::string>& values, ScalarStyle style = ScalarStyle::Short);

  // `key: value` and `key:` with a list, in the current mapping.
  void field(std::string_view k, std::string_view value, ScalarStyle style = ScalarStyle::Short) {
    key(k);
    string(value, style);
  }
  void list(std::string_view k, const std::vector<std::string>& values) {
    key(k);
    strings(values);
  }

  // The document, ending in a line break; an Error naming the first value that no form
  // reads back unchanged, or what the emitter refused (an unbalanced map or list).
  Result<std::string> finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cc
