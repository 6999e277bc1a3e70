#pragma once
// The findings of a `validate --format json` run as the tests compare them — written as
// "file:line:column severity rule", so a failure shows both lists — whether the run
// started the binary (tests/cli/cli_helpers.h) or ran in process
// (tests/checks/validate_in_process.h); and the small edits tests make to a temporary
// benchmark before running it.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace cc::test {

using json = nlohmann::json;

// One finding as a test expects it; `severity` is the JSON name.
struct Expect {
  std::string file;
  int line;
  int column;
  std::string rule;
  std::string severity = "error";
};

// A finding as "file:line:column severity rule".
inline std::string key_of(const std::string& file, int line, int column, const std::string& severity,
                          const std::string& rule) {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + " " + severity + " " + rule;
}

// The outcome of one `validate --format json` run: the binary's, or one run in process
// (tests/checks/validate_in_process.h) in the same shape.
struct JsonRun {
  RunResult run;
  json doc;  // null when stdout was not JSON

  const json& diagnostics() const { return doc.at("diagnostics"); }
  // The findings other than the text/placeholder warnings a fresh `new` skeleton has
  // (its blanks, in a draft): empty when a skeleton is otherwise clean.
  std::vector<std::string> keys_besides_draft_placeholders() const {
    std::vector<std::string> out;
    for (auto& k : keys())
      if (k.size() < 25 || k.compare(k.size() - 25, 25, " warning text/placeholder") != 0) out.push_back(k);
    return out;
  }
  // The findings, sorted, as "file:line:column severity rule".
  std::vector<std::string> keys() const {
    std::vector<std::string> out;
    if (!doc.is_object() || !doc.contains("diagnostics")) return out;
    for (const auto& d : doc["diagnostics"])
      out.push_back(key_of(d.value("file", ""), d.value("line", -1), d.value("column", -1), d.value("severity", ""),
                           d.value("rule", "")));
    std::sort(out.begin(), out.end());
    return out;
  }
  // The first finding of `rule` at file:line:column, or nullptr.
  const json* find(const std::string& file, int line, int column, const std::string& rule) const {
    if (!doc.is_object() || !doc.contains("diagnostics")) return nullptr;
    for (const auto& d : doc["diagnostics"])
      if (d.value("file", "") == file && d.value("line", -1) == line && d.value("column", -1) == column &&
          d.value("rule", "") == rule)
        return &d;
    return nullptr;
  }
};

// The expected findings as keys, sorted as JsonRun::keys() sorts them.
inline std::vector<std::string> keys_of(const std::vector<Expect>& expected) {
  std::vector<std::string> out;
  for (const auto& e : expected) out.push_back(key_of(e.file, e.line, e.column, e.severity, e.rule));
  std::sort(out.begin(), out.end());
  return out;
}

// Checks the parts of the JSON contract every run must honour: the three top-level
// members, each diagnostic's fields, and a summary that counts the diagnostics.
inline void check_json_shape(const JsonRun& r) {
  INFO("stdout: " << r.run.out << "\nstderr: " << r.run.err);
  REQUIRE(r.doc.is_object());
  REQUIRE(r.doc.contains("files_checked"));
  REQUIRE(r.doc["files_checked"].is_number_integer());
  REQUIRE(r.doc.contains("diagnostics"));
  REQUIRE(r.doc["diagnostics"].is_array());
  REQUIRE(r.doc.contains("summary"));
  int errors = 0, warnings = 0;
  for (const auto& d : r.doc["diagnostics"]) {
    for (const char* k : {"rule", "severity", "file", "message"}) {
      INFO("member " << k << " of " << d.dump());
      REQUIRE(d.contains(k));
      REQUIRE(d[k].is_string());
    }
    REQUIRE(d.contains("line"));
    REQUIRE(d["line"].is_number_integer());
    REQUIRE(d.contains("column"));
    REQUIRE(d["column"].is_number_integer());
    if (d.contains("fix")) REQUIRE(d["fix"].is_string());
    errors += d["severity"] == "error";
    warnings += d["severity"] == "warning";
  }
  CHECK(r.doc["summary"].value("errors", -1) == errors);
  CHECK(r.doc["summary"].value("warnings", -1) == warnings);
}

// Checks that the run `r` of validate on `fixture` found exactly `expected` and ended with
// `exit_code`, its JSON keeping the contract.
inline void check_fixture_run(const JsonRun& r, const std::string& fixture, const std::vector<Expect>& expected,
                              int exit_code) {
  INFO("fixture " << fixture << "\nstdout: " << r.run.out << "\nstderr: " << r.run.err);
  check_json_shape(r);
  CHECK(r.keys() == keys_of(expected));
  CHECK(r.run.exit_code == exit_code);
}

// `s` with every `from` replaced by `to` (a case copied under another id, say).
inline std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
  return s;
}

// Writes cases/cardiology/CC-0101.yaml and its rubric as copies of CC-0001's, under
// review (two drafts may share a text while one is rewritten): a duplicate of CC-0001's
// case text. `case_text` is CC-0001's case file as the copy should start from.
inline void write_copy_of_cc0001(const TempRepo& repo, const std::string& case_text) {
  repo.write("cases/cardiology/CC-0101.yaml",
             replace_all(replace_all(case_text, "CC-0001", "CC-0101"), "status: draft", "status: review"));
  repo.write("rubrics/cardiology/CC-0101.yaml",
             replace_all(repo.read("rubrics/cardiology/CC-0001.yaml"), "CC-0001", "CC-0101"));
}

// The validate JSON findings with rule io/read, as "file: message".
inline std::vector<std::string> io_reads(const RunResult& r) {
  std::vector<std::string> out;
  auto doc = nlohmann::json::parse(r.out);
  for (const auto& d : doc["diagnostics"])
    if (d["rule"] == "io/read") out.push_back(d["file"].get<std::string>() + ": " + d["message"].get<std::string>());
  return out;
}

// The message of the finding of `rule` at file:line:column ("" when there is none).
inline std::string message_at(const JsonRun& r, const std::string& file, int line, int column,
                              const std::string& rule) {
  const json* d = r.find(file, line, column, rule);
  return d ? d->value("message", "") : "";
}
inline std::string fix_at(const JsonRun& r, const std::string& file, int line, int column, const std::string& rule) {
  const json* d = r.find(file, line, column, rule);
  return d ? d->value("fix", "") : "";
}

// Sets `rule: level` under `rules:` in the repository's clinconsensus.yaml, replacing
// the rule's line when it is already listed.
inline void set_rule_level(const TempRepo& repo, const std::string& rule, const std::string& level) {
  std::string cfg = repo.read("clinconsensus.yaml");
  std::string line = "  " + rule + ": ";
  size_t at = cfg.find("\n" + line);
  if (at != std::string::npos) {
    size_t start = at + 1, end = cfg.find('\n', start);
    cfg.replace(start, end - start, line + level);
  } else {
    size_t rules = cfg.find("\nrules:\n");
    REQUIRE(rules != std::string::npos);
    cfg.insert(rules + 8, line + level + "\n");
  }
  repo.write("clinconsensus.yaml", cfg);
}

// Replaces the one occurrence of `from` in the repository file `rel` by `to`.
inline void edit_file(const TempDir& dir, const std::string& rel, const std::string& from, const std::string& to) {
  std::string text = dir.read(rel);
  size_t at = text.find(from);
  INFO("editing " << rel << ": looking for '" << from << "'");
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  text.replace(at, from.size(), to);
  dir.write(rel, text);
}

// Copies the shipped benchmark's cases/ and rubrics/ into `repo`.
inline void copy_shipped_benchmark(const TempRepo& repo) {
  namespace fs = std::filesystem;
  for (const char* top : {"cases", "rubrics"})
    fs::copy(fs::path(source_dir()) / top, fs::path(repo.path()) / top,
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

// The number of .yaml files below `dir` (recursively).
inline int count_yaml_files(const std::string& dir) {
  namespace fs = std::filesystem;
  int n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".yaml") ++n;
  return n;
}

inline bool exists(const std::string& path) { return std::filesystem::exists(path); }

}  // namespace cc::test
