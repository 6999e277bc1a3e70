// Differential tests: the project's loader (libyaml events) and yaml-cpp read the same
// files. They must agree on the tree, on every scalar value once the YAML 1.2 core
// schema types yaml-cpp's plain scalars, and on which files are not YAML. Where they
// may differ, kLoaderPolicies says why; anything else is a bug in one of them.
#include <map>
#include <random>

#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include "core/yaml_core_schema.h"
#include "core/yaml_corpus.h"
#include "core/yaml_cpp_reader.h"
#include "core/yaml_loader.h"
#include "core/yaml_writer.h"

using namespace cc;
using namespace cc::test;

namespace {

// Refusals that are the loader's policy or limits, not a disagreement about YAML: the
// loader refuses, yaml-cpp reads the file. Each says why the difference is right.
const std::map<std::string, std::string> kLoaderPolicies = {
    {"yaml/duplicate-key", "YAML forbids a repeated key; yaml-cpp 0.7 keeps both pairs"},
    {"yaml/complex-key", "a key that is a mapping or list has no place in a benchmark file; yaml-cpp accepts it"},
    {"yaml/alias-budget", "the loader's limit on values produced by aliases (alias bombs); yaml-cpp has none"},
    {"yaml/too-deep", "the loader's nesting limit (limits.max_depth)"},
    {"yaml/too-large", "the loader's file size limit"},
    {"yaml/bom", "the loader refuses a byte-order mark, which fix removes; YAML allows one"},
    {"yaml/ambiguous-break",
     "NEL (U+0085), U+2028 and U+2029 are line breaks to YAML 1.1 readers such as libyaml and text to YAML 1.2 "
     "ones such as yaml-cpp, so the same file would mean two things; the loader refuses them (fix removes them)"},
    {"text/encoding",
     "the loader reads UTF-8 only (fix converts GB18030 and UTF-16); yaml-cpp also decodes UTF-16 and UTF-32 "
     "and passes bytes that are not UTF-8 through"},
};

// What yaml-cpp 0.7 gets wrong, found by these tests: the loader (libyaml) follows YAML
// 1.2 here and yaml-cpp does not. Each is recognised narrowly and shown below on its own.
struct TheirBug {
  const char* what;
  bool (*applies)(const std::string& text, const std::string& loader_detail, bool loader_refused);
};
const TheirBug kYamlCppBugs[] = {
    {"YAML 1.2 (5.1) forbids C0 control characters other than tab, LF and CR, DEL and C1 controls; libyaml "
     "refuses them, yaml-cpp 0.7 reads them as characters",
     [](const std::string&, const std::string& detail, bool refused) {
       return refused && detail.find("control character") != std::string::npos;
     }},
    {"a block-mapping line without ':' is not YAML; yaml-cpp 0.7 reads it as a key with a null value",
     [](const std::string&, const std::string& detail, bool refused) {
       return refused && detail.find("has no ':' after its key") != std::string::npos;
     }},
    {"a lone CR is a line break in YAML (folded into a space inside a plain scalar); yaml-cpp 0.7 keeps it as a "
     "character",
     [](const std::string& text, const std::string&, bool) {
       for (size_t i = text.find('\r'); i != std::string::npos; i = text.find('\r', i + 1))
         if (i + 1 >= text.size() || text[i + 1] != '\n') return true;
       return false;
     }},
};

struct Outcome {
  bool loader_refused = false;
  std::string loader_rule;  // the first refusal's rule
  std::string loader_detail;
  nlohmann::json loader_root;
  SecondRead second;
};

// The loader's keys that a plain null would be in yaml-cpp, renamed as SecondRead does.
nlohmann::json with_null_keys(const nlohmann::json& j) {
  if (j.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : j) out.push_back(with_null_keys(v));
    return out;
  }
  if (!j.is_object()) return j;
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [k, v] : j.items())
    out[resolve_plain_scalar(k).is_null() ? std::string(kNullKey) : k] = with_null_keys(v);
  return out;
}

Outcome read_both(const std::string& text) {
  Outcome o;
  LoadResult r = load_yaml_text("diff.yaml", text, LoadLimits{}, Lang::En);
  o.loader_refused = !r.document || !r.diagnostics.empty();
  if (!r.diagnostics.empty()) {
    o.loader_rule = r.diagnostics.front().rule;
    o.loader_detail = r.diagnostics.front().message;
  }
  if (r.document) o.loader_root = r.document->root;
  o.second = read_with_yaml_cpp(text);
  return o;
}

bool second_refused(const SecondRead& s) { return s.refused || s.documents != 1; }

// Checks one file; `name` says where it came from.
void check_agree(const std::string& name, const std::string& text) {
  Outcome o = read_both(text);
  const SecondRead& s = o.second;
  INFO(name << "\n---\n"
            << text.substr(0, 600)
            << "\n---\nloader: " << (o.loader_refused ? o.loader_rule + " " + o.loader_detail : "read")
            << "\nyaml-cpp: " << (s.refused ? "refused: " + s.why : std::to_string(s.documents) + " document(s)"));
  if (o.loader_refused && second_refused(s)) return;  // both: not one YAML document
  if (o.loader_refused) {
    auto policy = kLoaderPolicies.find(o.loader_rule);
    if (policy != kLoaderPolicies.end()) {
      // The policy is the reason only when yaml-cpp saw the same thing.
      if (o.loader_rule == "yaml/duplicate-key") CHECK(s.duplicate_key);
      if (o.loader_rule == "yaml/complex-key") CHECK(s.complex_key);
      if (o.loader_rule == "yaml/too-deep") CHECK(s.depth > LoadLimits{}.max_depth);
      return;
    }
  }
  if (!o.loader_refused && !second_refused(s) && !s.too_big) {
    nlohmann::json ours = s.null_key ? with_null_keys(o.loader_root) : o.loader_root;
    INFO("loader:   " << ours.dump());
    INFO("yaml-cpp: " << s.root.dump());
    CHECK(ours.dump() == s.root.dump());
    return;
  }
  FAIL_CHECK("the loader and yaml-cpp disagree about whether this is one YAML document");
}

// Single files where the two differ for a reason stated here; each is checked to still
// differ, so an entry goes when its reason does.
const std::map<std::string, std::string> kExplained = {
    {"feature 22",
     "loader policy: `&x [*x]` is a recursive node, which a JSON tree cannot hold; the loader "
     "refuses the alias, yaml-cpp builds a cycle"},
    {"feature 38", "yaml-cpp 0.7 bug: it accepts a double-quoted scalar left open at the end of the file"},
    {"feature 53",
     "not a disagreement: yaml-cpp's nodes keep no scalar style, so this test cannot tell a quoted "
     "scalar with a local tag (`!foo '1'`, a string to the loader) from a plain one"},
};

// Whether the two differ on `text` in any way check_agree would report.
bool differ(const std::string& text) {
  Outcome o = read_both(text);
  bool second = second_refused(o.second);
  if (o.loader_refused != second) return true;
  if (o.loader_refused) return false;
  return o.loader_root.dump() != o.second.root.dump();
}

// check_agree, except for the files where a known yaml-cpp bug or an entry of kExplained
// accounts for the difference.
void check_agree_or_their_bug(const std::string& name, const std::string& text) {
  if (auto it = kExplained.find(name); it != kExplained.end()) {
    INFO(name << ": " << it->second);
    CHECK(differ(text));
    return;
  }
  Outcome o = read_both(text);
  for (const TheirBug& bug : kYamlCppBugs)
    if (bug.applies(text, o.loader_detail, o.loader_refused)) return;
  check_agree(name, text);
}

}  // namespace

TEST_CASE("yaml differential: every fixture and shipped file", "[core][yaml][differential]") {
  auto files = repository_yaml_files();
  REQUIRE(files.size() > 120);
  for (const auto& f : files) check_agree(f.name, f.text);
}

TEST_CASE("yaml differential: documents using each YAML feature", "[core][yaml][differential]") {
  for (const auto& f : feature_documents()) check_agree_or_their_bug(f.name, f.text);
}

TEST_CASE("yaml differential: the yaml-cpp 0.7 bugs the tests step around are still there",
          "[core][yaml][differential]") {
  // Each would otherwise be a difference; when one fails here, yaml-cpp fixed it and its
  // entry in kYamlCppBugs can go.
  CHECK(read_with_yaml_cpp("a: \x01\n").root == nlohmann::json{{"a", "\x01"}});
  CHECK(read_with_yaml_cpp("a:\n  b: x\n  c y\n").root == nlohmann::json{{"a", {{"b", "x"}, {"c y", nullptr}}}});
  CHECK(read_with_yaml_cpp("a: x\ry\n").root == nlohmann::json{{"a", "x\ry"}});
  // "\N" and "\_" are U+0085 and U+00A0; yaml-cpp 0.7 writes the bytes 85 and A0, not UTF-8.
  CHECK(YAML::Load("a: \"\\N\\_\"\n")["a"].Scalar() == "\x85\xA0");
  CHECK(load_yaml_text("e.yaml", "a: \"\\N\\_\"\n", LoadLimits{}, Lang::En).document->root["a"] == "\u0085\u00A0");
}

TEST_CASE("yaml differential: the fuzz seeds, mutated", "[core][yaml][differential]") {
  std::vector<CorpusFile> seeds;
  for (auto& f : repository_yaml_files())
    if (f.name.rfind("cases/", 0) == 0 || f.name.rfind("rubrics/", 0) == 0) seeds.push_back(std::move(f));
  REQUIRE_FALSE(seeds.empty());
  for (const auto& f : mutations(seeds, 1500, 20261122)) check_agree_or_their_bug(f.name, f.text);
}

TEST_CASE("yaml differential: what the writer writes reads the same in both", "[core][yaml][differential]") {
  std::mt19937 rng(7);
  const std::vector<std::string> alphabet = {"a",
                                             "Z",
                                             "0",
                                             "1",
                                             ".",
                                             "-",
                                             ":",
                                             " ",
                                             "#",
                                             "'",
                                             "\"",
                                             "\\",
                                             "\n",
                                             "\t",
                                             "心",
                                             "，",
                                             "：",
                                             "~",
                                             "|",
                                             ">",
                                             "[",
                                             "{",
                                             "&",
                                             "*",
                                             "!",
                                             "%",
                                             "@",
                                             "\r",
                                             "\x01",
                                             "\x7F",
                                             "\xC2\x85",
                                             "\xE2\x80\xA8",
                                             "\xF0\x9F\x98\x80"};
  for (int i = 0; i < 400; ++i) {
    std::string value;
    size_t len = rng() % 12;
    for (size_t k = 0; k < len; ++k) value += alphabet[rng() % alphabet.size()];
    ScalarStyle style = static_cast<ScalarStyle>(i % 4);
    YamlWriter w;
    w.begin_map();
    w.field("v", value, style);
    w.end_map();
    auto text = w.finish();
    INFO("value [" << value << "] style " << i % 4);
    REQUIRE(text.ok());
    check_agree("writer " + std::to_string(i), *text);
  }
}
