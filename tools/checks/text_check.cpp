#include "checks/text_check.h"

#include <algorithm>
#include <cstdint>
#include <set>

#include "checks/value_source.h"
#include "text/file_rules.h"
#include "text/pii_rules.h"

namespace cc {
namespace {

using json = nlohmann::json;

// One string value of the document and where its scalar starts.
struct Value {
  std::string_view text;
  std::string pointer;
  size_t start = 0;
  bool located = false;  // the loader recorded this value's own position
};

void collect(const json& node, const std::string& pointer, const Document& doc, bool pointers,
             std::vector<Value>& out) {
  if (node.is_string()) {
    Value v;
    v.text = node.get_ref<const std::string&>();
    v.pointer = pointer;
    if (pointers) {
      auto it = doc.locations.find(pointer);
      if (it != doc.locations.end()) {
        v.start = it->second.value.offset;
        v.located = true;
      }
    }
    out.push_back(v);
  } else if (node.is_object()) {
    for (const auto& [k, child] : node.items()) {
      if (pointer.empty() && k == "pii_exceptions") continue;  // holds reviewed matches by design
      collect(child, pointers ? pointer_append(pointer, k) : pointer, doc, pointers, out);
    }
  } else if (node.is_array()) {
    for (size_t i = 0; i < node.size(); ++i)
      collect(node[i], pointers ? pointer_append(pointer, i) : pointer, doc, pointers, out);
  }
}

// The reviewed privacy exceptions of a file: exact texts a privacy rule may match.
std::set<std::string> pii_exceptions(const Document& doc) {
  std::set<std::string> out;
  auto it = doc.root.is_object() ? doc.root.find("pii_exceptions") : doc.root.end();
  if (it == doc.root.end() || !it->is_array()) return out;
  for (const auto& e : *it)
    if (e.is_object() && e.contains("match") && e["match"].is_string()) out.insert(e["match"].get<std::string>());
  return out;
}

// Reports of one file's text findings: positions from a line index, and at most
// kMaxReported of them, so a hostile file (a megabyte of full-width digits) costs a
// bounded amount of output and time. `fix` still receives every edit.
class TextReporter {
 public:
  static constexpr size_t kMaxReported = 200;

  TextReporter(const Document& doc, std::vector<Diagnostic>& out) : doc_(doc), out_(out) {}

  void add(const TextFinding& f, size_t file_offset, bool fixable) {
    if (++count_ > kMaxReported) return;
    Diagnostic d;
    d.rule = f.rule;
    d.severity = f.severity;
    d.file = doc_.path;
    d.line = line_of(file_offset);
    d.column = doc_.to_position(SourcePos{0, file_offset}).column;
    d.message = f.message;
    if (f.replacement && fixable) d.fix = "clinconsensus fix";
    out_.push_back(std::move(d));
  }

  // One closing note when findings were left out.
  void finish(Lang lang) {
    if (count_ <= kMaxReported) return;
    Diagnostic d;
    d.rule = "text/more";
    d.severity = Severity::Note;
    d.file = doc_.path;
    d.message = message(lang, "text/more", {{"n", std::to_string(count_ - kMaxReported)}});
    out_.push_back(std::move(d));
  }

 private:
  int line_of(size_t offset) {
    if (line_starts_.empty()) {
      line_starts_.push_back(0);
      for (size_t i = 0; i < doc_.text.size(); ++i)
        if (doc_.text[i] == '\n') line_starts_.push_back(i + 1);
    }
    return static_cast<int>(std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin());
  }

  const Document& doc_;
  std::vector<Diagnostic>& out_;
  std::vector<size_t> line_starts_;
  size_t count_ = 0;
};

}  // namespace

void check_text(const Document& doc, const TextOptions& options, Lang lang, std::vector<Diagnostic>& out,
                std::vector<TextEdit>* edits) {
  // Without full positions (validate's first pass) only whether anything is found
  // matters; pointers and sources are built only when positions are there to map to.
  const bool positions = doc.all_positions;
  std::vector<Value> values;
  collect(doc.root, "", doc, positions, values);
  // File order, so "first seen" means what a reader sees first (the JSON model sorts keys).
  if (positions)
    std::stable_sort(values.begin(), values.end(), [](const Value& a, const Value& b) {
      return (a.located ? a.start : SIZE_MAX) < (b.located ? b.start : SIZE_MAX);
    });
  std::set<std::string> allowed = pii_exceptions(doc);
  // A draft may still hold the placeholders `new` wrote; anything else may not. A rubric
  // has no status of its own: validate lowers its findings when its case is a draft.
  const bool draft = doc.root.is_object() && doc.root.contains("status") && doc.root["status"] == "draft";

  TextReporter reporter(doc, out);
  auto emit = [&](const Value& v, const ValueSource* src, const TextFinding& f) {
    size_t at = v.located ? v.start : 0;
    auto range = src ? src->to_file(f.begin, f.end) : std::nullopt;
    if (!range) {
      reporter.add(f, at, false);
      return;
    }
    reporter.add(f, range->first, true);
    if (edits && f.replacement) edits->push_back(TextEdit{range->first, range->second, *f.replacement, f.rule});
  };

  std::vector<std::string_view> texts;
  std::vector<std::optional<ValueSource>> sources(values.size());
  texts.reserve(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    const Value& v = values[i];
    texts.push_back(v.text);
    TextFindings found;
    check_text_value(v.text, options, lang, found);
    check_placeholder(v.text, draft, lang, found);
    TextFindings pii;
    check_pii(v.text, lang, pii);
    for (auto& f : pii)
      if (!allowed.count(std::string(v.text.substr(f.begin, f.end - f.begin)))) found.push_back(std::move(f));
    if (found.empty()) continue;
    if (positions && v.located) sources[i].emplace(doc.text, v.start, v.text);
    for (const auto& f : found) emit(v, sources[i] ? &*sources[i] : nullptr, f);
  }
  for (const auto& [index, f] : check_unit_spelling(texts, lang)) {
    const Value& v = values[index];
    if (!sources[index] && positions && v.located) sources[index].emplace(doc.text, v.start, v.text);
    emit(v, sources[index] ? &*sources[index] : nullptr, f);
  }
  TextFindings raw;
  check_trailing_space(doc.text, lang, raw);
  for (const auto& f : raw) {
    reporter.add(f, f.begin, true);
    if (edits) edits->push_back(TextEdit{f.begin, f.end, *f.replacement, f.rule});
  }
  reporter.finish(lang);
}

}  // namespace cc
