#include "core/yaml_corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "test_support.h"

namespace cc::test {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void add_tree(std::vector<CorpusFile>& out, const fs::path& top) {
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(top))
    if (e.is_regular_file() && (e.path().extension() == ".yaml" || e.path().extension() == ".yml"))
      paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) out.push_back({fs::relative(p, source_dir()).string(), slurp(p)});
}

// Pieces a mutation inserts: YAML's indicators and the characters that change a token.
const char* const kPieces[] = {
    ": ",           "- ",           "#",     " #",          "'",    "\"",  "|",    "|-",       ">",
    "&a ",          "*a",           "[",     "]",           "{",    "}",   ",",    "? ",       "!!str ",
    "!!int ",       "---\n",        "...\n", "%YAML 1.2\n", "@",    "`",   "\\",   "\t",       "\r",
    "\n",           "  ",           "~",     "null",        "0x1F", "1e3", ".inf", "yes",      "\xC2\x85",
    "\xE2\x80\xA8", "\xEF\xBB\xBF", "\x01",  "\x7F",        "\xFF", "，",  "：",   "\xC2\xA0",
};

}  // namespace

std::vector<CorpusFile> repository_yaml_files() {
  std::vector<CorpusFile> out;
  const fs::path top = source_dir();
  add_tree(out, fs::path(fixtures_dir()));
  add_tree(out, top / "cases");
  add_tree(out, top / "rubrics");
  for (const auto& e : fs::directory_iterator(top / "schema"))
    if (e.path().extension() == ".yaml") out.push_back({"schema/" + e.path().filename().string(), slurp(e.path())});
  out.push_back({"clinconsensus.yaml", slurp(top / "clinconsensus.yaml")});
  return out;
}

std::vector<CorpusFile> mutations(const std::vector<CorpusFile>& seeds, size_t count, unsigned seed) {
  std::mt19937 rng(seed);
  auto pick = [&](size_t n) { return n == 0 ? size_t{0} : std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  std::vector<CorpusFile> out;
  for (size_t i = 0; i < count; ++i) {
    const CorpusFile& from = seeds[pick(seeds.size())];
    std::string t = from.text;
    int edits = 1 + static_cast<int>(pick(3));
    for (int e = 0; e < edits && !t.empty(); ++e) {
      size_t at = pick(t.size());
      switch (pick(6)) {
        case 0:  // delete a few bytes
          t.erase(at, 1 + pick(8));
          break;
        case 1:  // insert an indicator
        case 2: t.insert(at, kPieces[pick(std::size(kPieces))]); break;
        case 3: {  // repeat a line
          size_t b = t.rfind('\n', at);
          b = b == std::string::npos ? 0 : b + 1;
          size_t end = t.find('\n', at);
          end = end == std::string::npos ? t.size() : end + 1;
          t.insert(b, t.substr(b, end - b));
          break;
        }
        case 4: {  // change a line's indentation
          size_t b = t.rfind('\n', at);
          b = b == std::string::npos ? 0 : b + 1;
          if (pick(2) == 0)
            t.insert(b, std::string(1 + pick(3), ' '));
          else if (t.compare(b, 1, " ") == 0)
            t.erase(b, 1);
          break;
        }
        default:  // swap two lines
          size_t b = t.rfind('\n', at);
          b = b == std::string::npos ? 0 : b + 1;
          size_t mid = t.find('\n', b);
          if (mid == std::string::npos) break;
          size_t end = t.find('\n', mid + 1);
          if (end == std::string::npos) break;
          t = t.substr(0, b) + t.substr(mid + 1, end - mid) + t.substr(b, mid - b + 1) + t.substr(end + 1);
          break;
      }
    }
    out.push_back({"mutation " + std::to_string(i) + " of " + from.name, std::move(t)});
  }
  return out;
}

std::vector<CorpusFile> feature_documents() {
  static const char* const kDocs[] = {
      // Plain scalars and the core schema.
      "a: 1\nb: -7\nc: +3\nd: 0o17\ne: 0x1F\nf: 1_000\ng: 012\nh: 0b101\n",
      "a: 1.5\nb: -0.5e3\nc: .5\nd: 1.\ne: .inf\nf: -.Inf\ng: +.INF\nh: .nan\ni: .NaN\nj: 1e3\nk: 6.8523015e+5\n",
      "a: true\nb: False\nc: TRUE\nd: yes\ne: No\nf: on\ng: OFF\nh: y\ni: tRUE\n",
      "a: ~\nb: null\nc: Null\nd: NULL\ne: nULL\nf:\ng: ''\nh: \"\"\n",
      "a: 2026-11-22\nb: 2001-12-14t21:59:43.10-05:00\nc: 12:30\nd: 1:20:30\ne: 3.5 mg\nf: 140/90 mmHg\n",
      "a: '1'\nb: \"true\"\nc: !!str 1\nd: !!int \"1\"\ne: !!null ''\nf: !!str\ng: !!float 1\nh: !!bool true\n",
      // Quoting and escapes.
      // ("\\N" and "\\_" are left to the test of yaml-cpp's known bugs.)
      "a: 'it''s'\nb: \"tab\\there\"\nc: \"\\x41\\u263A\\U0001F600\"\nd: \"\\L\\P\"\ne: \"\\0\\a\\b\\e\\f\\v\\/\"\n",
      "a: \"line one\n  line two\"\nb: 'folded\n\n  kept'\nc: \"esc\\\n  aped\"\n",
      "a: plain\n  continued\n  lines\nb: with # comment\nc: a:b\nd: -x\ne: ?x\nf: :x\n",
      "心血管内科: 患者男，58岁。\n用药: 阿司匹林 100 mg qd：饭后服用\n'引号': \"双引号\"\n",
      // Block scalars.
      "a: |\n  one\n  two\nb: |-\n  strip\nc: |+\n  keep\n\nd: >\n  folded\n  text\n\n  para\ne: >-\n  x\n",
      "a: |2\n    lead\n  x\nb: |1-\n  y\nc: |\n\n  after blank\nd: |\n  trailing  \n  \tTab\n",
      "a: >\n  one\n    more indented\n  two\nb: |\n  # not a comment\n  - not a list\nc: |-\n  \n",
      // Collections.
      "a: [1, two, \"3\", [x, y], {k: v}]\nb: {x: 1, y: [a, b], 'z': ~}\nc: []\nd: {}\ne: [a, b, ]\n",
      "- a\n- - b\n  - c\n- k: v\n  l: w\n-\n- []\n",
      "a:\n- x\n- y\nb:\n  - z\nc: !!seq [1]\nd: !!map {a: 1}\n",
      "[a, b]\n",
      "plain top\n",
      "\"quoted top\"\n",
      // Anchors, aliases, merge keys.
      "a: &x 1\nb: *x\nc: &l [1, 2]\nd: *l\ne: &m {k: v}\nf: *m\n",
      "base: &b {a: 1}\nderived:\n  <<: *b\n  c: 2\n",
      "a: *nowhere\n",
      "a: &x [*x]\n",
      // Comments, documents, directives.
      "# only a comment\n",
      "",
      "---\n",
      "--- a\n",
      "%YAML 1.2\n---\na: 1\n",
      "%YAML 1.1\n---\na: 1\n",
      "a: 1\n...\n",
      "a: 1\n---\nb: 2\n",
      "a: 1 # comment\n# comment\nb: 2\n",
      // What the loader refuses.
      "a: 1\na: 2\n",
      "? [a, b]\n: c\n",
      "? complex\n: value\n",
      "{a: 1}: b\n",
      "a: b: c\n",
      "a:\n\t- x\n",
      "a: \"unclosed\n",
      "a: [1, 2\n",
      "\xEF\xBB\xBF"
      "a: 1\n",
      "a: \x01\n",
      "a: \x7F\n",
      "a: \xC2\x85 nel\n",
      "a: x\xE2\x80\xA8y\n",
      "a: \xFF\n",
      "a: 1\r\nb: 2\r\n",
      "a: 'x'y\n",
      "- a\nb: c\n",
      "  a: 1\n b: 2\n",
      "a: @x\n",
      "a: `x\n",
      "!foo a: 1\n",
      "a: !foo 1\nb: !foo '1'\n",
      "a: !<tag:yaml.org,2002:str> 1\n",
      "*a\n",
      "&a a: &b b\n",
  };
  std::vector<CorpusFile> out;
  for (size_t i = 0; i < std::size(kDocs); ++i) out.push_back({"feature " + std::to_string(i), kDocs[i]});
  // Deep nesting and alias expansion around the loader's limits.
  for (int depth : {31, 32, 33, 64}) {
    out.push_back({"nested flow " + std::to_string(depth), std::string(depth, '[') + std::string(depth, ']') + "\n"});
    std::string block;
    for (int d = 0; d < depth; ++d) block += std::string(2 * d, ' ') + "k:\n";
    out.push_back({"nested block " + std::to_string(depth), block + std::string(2 * depth, ' ') + "v\n"});
  }
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'e'; ++c)
    bomb += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + "]\n";
  out.push_back({"alias bomb", bomb});
  return out;
}

}  // namespace cc::test
