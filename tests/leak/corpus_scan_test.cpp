// The corpus scan on generated corpora: cases planted whole, reformatted and by half are
// found (with their overlap, longest run and line), a clean corpus of the same alphabet
// flags nothing, gzip / zstd / JSONL inputs give the same answers, and the result does
// not depend on how files are cut into chunks or on the number of threads.
#include <catch2/catch.hpp>

#include <fstream>
#include <chrono>
#include <map>
#include <thread>

#include <nlohmann/json.hpp>
#include <zlib.h>
#include <zstd.h>

#include "leak/chunk_feed.h"
#include "leak/corpus_files.h"
#include "leak/corpus_scan.h"
#include "leak/fold_table.h"
#include "leak/leak_test_corpus.h"
#include "leak/probe_compare.h"
#include "test_support.h"

using namespace cc;
using namespace cc::test;

namespace {

std::string joined(const leak::LeakText& t) { return t.segments[0] + t.segments[1]; }

void write_gzip(const std::string& path, const std::string& bytes) {
  gzFile f = gzopen(path.c_str(), "wb");
  REQUIRE(f);
  REQUIRE(gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size())) == static_cast<int>(bytes.size()));
  gzclose(f);
}

void write_zstd(const std::string& path, const std::string& bytes) {
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), 3);
  REQUIRE(!ZSTD_isError(n));
  std::ofstream(path, std::ios::binary).write(out.data(), static_cast<std::streamsize>(n));
}

leak::ScanReport scan(const std::vector<leak::LeakText>& texts, const std::vector<std::string>& paths,
                      uint64_t chunk = 8u << 20, unsigned threads = 2, double threshold = 0.2) {
  auto files = leak::list_corpus(paths, Lang::En);
  REQUIRE(files.ok());
  leak::ScanOptions o;
  o.chunk_bytes = chunk;
  o.threads = threads;
  o.threshold = threshold;
  auto r = leak::scan_corpus(texts, *files, o, Lang::En);
  REQUIRE(r.ok());
  return std::move(r).value();
}

// Both reports list the same cases with the same figures and first place; `offsets`:
// the second gives byte offsets (a compressed corpus).
void check_same(const leak::ScanReport& a, const leak::ScanReport& b, bool offsets = false) {
  REQUIRE(b.listed.size() == a.listed.size());
  for (size_t i = 0; i < a.listed.size(); ++i) {
    CHECK(b.listed[i].id == a.listed[i].id);
    CHECK(b.listed[i].overlap == a.listed[i].overlap);
    CHECK(b.listed[i].longest == a.listed[i].longest);
    REQUIRE(!b.listed[i].where.empty());
    CHECK(b.listed[i].where.front().line == a.listed[i].where.front().line);
    CHECK(bool(b.listed[i].where.front().offset) == offsets);
  }
}

// Both reports list the same cases with the same figures and every place the same.
void check_same_places(const leak::ScanReport& a, const leak::ScanReport& b) {
  REQUIRE(b.listed.size() == a.listed.size());
  for (size_t i = 0; i < a.listed.size(); ++i) {
    CHECK(b.listed[i].id == a.listed[i].id);
    CHECK(b.listed[i].found == a.listed[i].found);
    CHECK(b.listed[i].longest == a.listed[i].longest);
    REQUIRE(b.listed[i].where.size() == a.listed[i].where.size());
    for (size_t k = 0; k < a.listed[i].where.size(); ++k) {
      CHECK(b.listed[i].where[k].file == a.listed[i].where[k].file);
      CHECK(b.listed[i].where[k].line == a.listed[i].where[k].line);
      CHECK(b.listed[i].where[k].offset == a.listed[i].where[k].offset);
    }
  }
}

std::map<std::string, const leak::TextLeak*> by_id(const leak::ScanReport& r) {
  std::map<std::string, const leak::TextLeak*> m;
  for (const auto& t : r.listed) m[t.id] = &t;
  return m;
}

// A corpus with CASE-0 whole at line 201, CASE-1 reformatted, CASE-2 by half, in noise.
struct Planted {
  std::string text;
  size_t whole_line = 0;
};

Planted plant(LeakCorpusMaker& make, const std::vector<leak::LeakText>& cases) {
  Planted p;
  p.text = make.noise(200 * 200);
  p.whole_line = static_cast<size_t>(std::count(p.text.begin(), p.text.end(), '\n')) + 1;
  p.text += joined(cases[0]) + "\n" + make.noise(300000);
  p.text += LeakCorpusMaker::reformat(joined(cases[1])) + "\n" + make.noise(300000);
  p.text += LeakCorpusMaker::first_half(joined(cases[2])) + "\n" + make.noise(100000);
  return p;
}

}  // namespace

TEST_CASE("leak: folding drops width, case, punctuation and spacing", "[leak]") {
  CHECK(leak::fold_text("ＡＢｃ １２3，Ｘ。") == U"abc123x");
  CHECK(leak::fold_text("血压 148/86 mmHg") == U"血压14886mmhg");
  CHECK(leak::fold_text("５ ㎎") == U"5mg");
}

TEST_CASE("leak: cases planted whole, reformatted and by half are found; the others are not", "[leak]") {
  LeakCorpusMaker make(7);
  auto cases = make.cases(30);
  Planted p = plant(make, cases);
  TempDir dir;
  dir.write("corpus/web.txt", p.text);
  // Small chunks, so the planted cases cross chunk boundaries.
  auto r = scan(cases, {dir.path() + "/corpus"}, 64 * 1024);
  auto found = by_id(r);
  REQUIRE(found.size() == 3);
  REQUIRE(found.count("CASE-0"));
  REQUIRE(found.count("CASE-1"));
  REQUIRE(found.count("CASE-2"));
  CHECK(found["CASE-0"]->overlap == Approx(1.0));
  CHECK(found["CASE-1"]->overlap == Approx(1.0));
  CHECK(found["CASE-2"]->overlap > 0.35);
  CHECK(found["CASE-2"]->overlap < 0.65);
  const size_t full = leak::fold_text(cases[0].segments[0]).size();
  CHECK(found["CASE-0"]->longest >= full);  // the whole context is one run
  REQUIRE(!found["CASE-0"]->where.empty());
  CHECK(found["CASE-0"]->where.front().file == dir.path() + "/corpus/web.txt");
  CHECK(found["CASE-0"]->where.front().line == p.whole_line);
  CHECK(!found["CASE-0"]->where.front().offset);
  CHECK(r.scanned_bytes == p.text.size());
  CHECK(r.listed.front().overlap >= r.listed.back().overlap);
}

TEST_CASE("leak: a clean corpus of the same alphabet flags nothing", "[leak]") {
  LeakCorpusMaker make(11);
  auto cases = make.cases(50);
  TempDir dir;
  dir.write("clean.txt", make.noise(2 << 20));
  auto r = scan(cases, {dir.path() + "/clean.txt"}, 256 * 1024, 2, 0.01);
  CHECK(r.listed.empty());
  CHECK(r.texts == 50);
}

TEST_CASE("leak: one character of content added is a real change", "[leak]") {
  LeakCorpusMaker make(3);
  auto cases = make.cases(2);
  std::string ctx = cases[0].segments[0];
  size_t mid = ctx.size() / 2;
  while ((static_cast<unsigned char>(ctx[mid]) & 0xC0) == 0x80) ++mid;
  TempDir dir;
  dir.write("c.txt", ctx.substr(0, mid) + "肾" + ctx.substr(mid) + cases[0].segments[1]);
  auto r = scan(cases, {dir.path() + "/c.txt"});
  REQUIRE(r.listed.size() == 1);
  CHECK(r.listed[0].overlap < 1.0);
  CHECK(r.listed[0].longest < leak::fold_text(ctx).size());
}

TEST_CASE("leak: gzip and zstd corpora give the plain answers, with byte offsets", "[leak]") {
  LeakCorpusMaker make(5);
  auto cases = make.cases(30);
  Planted p = plant(make, cases);
  TempDir dir;
  dir.write("plain.txt", p.text);
  write_gzip(dir.path() + "/web.txt.gz", p.text);
  write_zstd(dir.path() + "/web.zst", p.text);
  auto plain = scan(cases, {dir.path() + "/plain.txt"});
  for (const char* name : {"/web.txt.gz", "/web.zst"}) {
    INFO(name);
    auto r = scan(cases, {dir.path() + name});
    check_same(plain, r, true);
    CHECK(r.scanned_bytes == p.text.size());
  }
  auto c0 = by_id(scan(cases, {dir.path() + "/web.zst"}))["CASE-0"];
  REQUIRE(c0);
  CHECK(p.text.compare(*c0->where.front().offset, 30, joined(cases[0]), 0, 30) == 0);
}

TEST_CASE("leak: JSONL corpora are read string value by string value, escapes decoded", "[leak]") {
  LeakCorpusMaker make(9);
  auto cases = make.cases(20);
  std::string jsonl;
  for (int i = 0; i < 3000; ++i) {
    nlohmann::json row{{"id", i}, {"text", make.text(60)}, {"meta", {{"tags", {make.text(5), make.text(5)}}}}};
    if (i == 1200) row["text"] = cases[4].segments[0] + "\n\n" + cases[4].segments[1];  // \n escapes in the file
    if (i == 2500) row["meta"]["tags"][1] = LeakCorpusMaker::reformat(joined(cases[7]));
    jsonl += row.dump(-1, ' ', true) + "\n";  // ensure_ascii: every character a \u escape
  }
  jsonl += "not json at all " + joined(cases[9]) + "\n";
  TempDir dir;
  dir.write("rows.jsonl", jsonl);
  write_gzip(dir.path() + "/rows.jsonl.gz", jsonl);
  for (const char* name : {"/rows.jsonl", "/rows.jsonl.gz"}) {
    INFO(name);
    auto found = by_id(scan(cases, {dir.path() + name}, 32 * 1024));
    REQUIRE(found.size() == 3);
    REQUIRE(found.count("CASE-4"));
    REQUIRE(found.count("CASE-7"));
    REQUIRE(found.count("CASE-9"));
    CHECK(found["CASE-4"]->overlap == Approx(1.0));
    CHECK(found["CASE-4"]->where.front().line == 1201);
    CHECK(found["CASE-7"]->where.front().line == 2501);
    CHECK(found["CASE-9"]->where.front().line == 3001);
  }
}

TEST_CASE("leak: results do not depend on chunk size or thread count", "[leak]") {
  LeakCorpusMaker make(13);
  auto cases = make.cases(30);
  Planted p = plant(make, cases);
  TempDir dir;
  dir.write("a.txt", p.text);
  dir.write("b.txt", make.noise(50000) + joined(cases[20]) + "\n" + make.noise(50000));
  const std::vector<std::string> paths = {dir.path() + "/a.txt", dir.path() + "/b.txt"};
  auto one = scan(cases, paths, 1u << 30, 1);
  for (uint64_t chunk : {4096u, 10007u, 300000u}) {
    INFO(chunk);
    check_same_places(one, scan(cases, paths, chunk, 2));
  }
}

TEST_CASE("leak: an unreadable or corrupt corpus is an error naming the path", "[leak]") {
  TempDir dir;
  auto missing = leak::list_corpus({dir.path() + "/nope.txt"}, Lang::En);
  REQUIRE(!missing.ok());
  CHECK(missing.error().message.find(dir.path() + "/nope.txt") != std::string::npos);
  CHECK(missing.error().kind == Error::Kind::Input);
  std::string junk = "\x1f\x8b\x08\x00garbage-not-deflate-data-at-all";
  dir.write("bad.gz", junk);
  auto files = leak::list_corpus({dir.path() + "/bad.gz"}, Lang::En);
  REQUIRE(files.ok());
  auto r = leak::scan_corpus({{"X", {"患者女七十一岁反复发作心悸三个月"}}}, *files, leak::ScanOptions{}, Lang::En);
  REQUIRE(!r.ok());
  CHECK(r.error().message.find(dir.path() + "/bad.gz") != std::string::npos);
}

TEST_CASE("leak: probe scores a copied continuation high and an unrelated one low", "[leak]") {
  LeakCorpusMaker make(21);
  std::string truth = make.text(150), other = make.text(150);
  auto same = leak::score_continuation(truth, LeakCorpusMaker::reformat(truth) + make.text(400), 13);
  CHECK(same.lcs == Approx(1.0));
  CHECK(same.grams == Approx(1.0));
  auto unrelated = leak::score_continuation(truth, other, 13);
  CHECK(unrelated.grams == 0.0);
  CHECK(unrelated.lcs < 0.5);
  CHECK(leak::score_continuation("", other, 13).lcs == 0.0);
}

namespace {

// Latin letters with accents as precomposed code points, and the same decomposed (NFD).
const std::vector<std::pair<std::string, std::string>> kAccents = {{"é", "e\xCC\x81"}, {"è", "e\xCC\x80"},
                                                                   {"ö", "o\xCC\x88"}, {"ü", "u\xCC\x88"},
                                                                   {"É", "E\xCC\x81"}, {"ç", "c\xCC\xA7"}};

std::string decompose(std::string s) {
  for (const auto& [pre, de] : kAccents)
    for (size_t at = 0; (at = s.find(pre, at)) != std::string::npos; at += de.size()) s.replace(at, pre.size(), de);
  return s;
}

// Cases whose text mixes Chinese with eponyms written with accents.
std::vector<leak::LeakText> eponym_cases(LeakCorpusMaker& make, size_t count) {
  static const std::vector<std::string> names = {"Ménière病", "Sjögren综合征", "Guillain-Barré综合征",
                                                 "Behçet病",  "Löfgren综合征", "Création",
                                                 "Müller征",  "Édouard"};
  std::vector<leak::LeakText> out;
  for (size_t i = 0; i < count; ++i) {
    std::string ctx;
    for (int k = 0; k < 12; ++k) ctx += make.text(12) + names[(i + static_cast<size_t>(k)) % names.size()];
    out.push_back({"CASE-" + std::to_string(i), {ctx, make.text(40)}});
  }
  return out;
}

}  // namespace

TEST_CASE("leak: decomposed accents fold as the precomposed ones", "[leak]") {
  CHECK(leak::fold_text("e\xCC\x81") == leak::fold_text("é"));
  CHECK(leak::fold_text("Ménière") == leak::fold_text(decompose("Ménière")));
  CHECK(leak::fold_text(decompose("Ménière")) == U"m\u00E9ni\u00E8re");
  CHECK(leak::fold_text("\xEF\xBC\xA5\xCC\x81") == U"\u00E9");      // full-width E + U+0301
  CHECK(leak::fold_text("\xE1\x84\x80\xE1\x85\xA1") == U"\uAC00");  // Hangul jamo → 가
  // A mark on its own, or after a separator, stays: dropping it would hide a change.
  CHECK(leak::fold_text("e \xCC\x81") == U"e\u0301");
  CHECK(leak::fold_text("ménière") != leak::fold_text("meniere"));
}

TEST_CASE("leak: a case written with decomposed accents is found whole, at any chunk cut", "[leak]") {
  LeakCorpusMaker make(31);
  auto cases = eponym_cases(make, 12);
  std::string corpus = make.noise(6000);
  const size_t line = static_cast<size_t>(std::count(corpus.begin(), corpus.end(), '\n')) + 1;
  const size_t start = corpus.size();
  corpus += decompose(joined(cases[3])) + "\n" + make.noise(20000);
  // And the other way round: a decomposed case, found in precomposed text.
  auto decomposed = cases;
  decomposed[5].segments[0] = decompose(decomposed[5].segments[0]);
  corpus += joined(cases[5]) + "\n" + make.noise(20000);
  TempDir dir;
  dir.write("c.txt", corpus);
  write_zstd(dir.path() + "/c.zst", corpus);
  auto whole = scan(decomposed, {dir.path() + "/c.txt"}, 1u << 30, 1);
  auto found = by_id(whole);
  REQUIRE(found.size() == 2);
  REQUIRE(found.count("CASE-3"));
  REQUIRE(found.count("CASE-5"));
  CHECK(found["CASE-3"]->overlap == Approx(1.0));
  CHECK(found["CASE-5"]->overlap == Approx(1.0));
  CHECK(found["CASE-3"]->longest >= leak::fold_text(cases[3].segments[0]).size());
  CHECK(found["CASE-3"]->where.front().line == line);
  // Chunk cuts on a combining mark, inside it, and on the letter before it.
  const size_t mark = corpus.find("\xCC\x81", start);
  REQUIRE(mark != std::string::npos);
  const auto whole_zst = scan(decomposed, {dir.path() + "/c.zst"}, 1u << 30, 1);
  check_same(whole, whole_zst, true);
  for (uint64_t chunk : {mark - 1, mark, mark + 1, mark + 2}) {
    INFO(chunk);
    check_same_places(whole, scan(decomposed, {dir.path() + "/c.txt"}, chunk, 2));
    check_same_places(whole_zst, scan(decomposed, {dir.path() + "/c.zst"}, chunk, 2));
  }
}

TEST_CASE("leak: a compressed corpus of many chunks gives the serial answers, places included", "[leak]") {
  LeakCorpusMaker make(17);
  auto cases = make.cases(40);
  Planted p = plant(make, cases);
  // More planted cases further on, one of them across what will be many chunk cuts.
  for (size_t k = 10; k < 16; ++k) p.text += make.noise(90000) + LeakCorpusMaker::reformat(joined(cases[k])) + "\n";
  p.text += make.noise(150000);
  TempDir dir;
  dir.write("plain.txt", p.text);
  write_gzip(dir.path() + "/big.txt.gz", p.text);
  write_zstd(dir.path() + "/big.zst", p.text);
  const auto serial_plain = scan(cases, {dir.path() + "/plain.txt"}, 1u << 30, 1);
  REQUIRE(serial_plain.listed.size() == 9);
  for (const char* name : {"/big.txt.gz", "/big.zst"}) {
    INFO(name);
    const auto serial = scan(cases, {dir.path() + name}, 1u << 30, 1);  // one chunk, one thread
    check_same(serial_plain, serial, true);
    for (uint64_t chunk : {4096u, 65536u, 100003u}) {
      for (unsigned threads : {2u, 3u}) {
        INFO(chunk << " bytes, " << threads << " threads");
        const auto r = scan(cases, {dir.path() + name}, chunk, threads);
        CHECK(r.scanned_bytes == p.text.size());
        check_same_places(serial, r);
      }
    }
  }
}

TEST_CASE("leak: the chunk feed hands out the whole content in bounded memory", "[leak]") {
  LeakCorpusMaker make(19);
  const std::string text = make.noise(3u << 20);
  TempDir dir;
  write_zstd(dir.path() + "/c.zst", text);
  write_gzip(dir.path() + "/c.gz", text);
  auto files = leak::list_corpus({dir.path() + "/c.zst", dir.path() + "/c.gz"}, Lang::En);
  REQUIRE(files.ok());
  leak::ChunkFeed feed(*files, {0, 1}, 64 * 1024, 2, Lang::En);
  feed.start();
  std::string got[2];
  uint32_t expect_index[2] = {0, 0};
  while (auto c = feed.next(true)) {
    REQUIRE(c->file < 2);
    CHECK(c->index == expect_index[c->file]++);
    CHECK(c->begin == got[c->file].size());
    CHECK(c->before == (got[c->file].empty() ? '\n' : got[c->file].back()));
    got[c->file].append(c->data.data(), c->data.size());
    // A slow consumer: the decompressor must wait rather than run ahead.
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    // Reading on reaches the next chunk while its reader is not done.
    if (got[c->file].size() < text.size()) {
      auto after = feed.get(c->file, c->index + 1);
      REQUIRE(after);
      CHECK(after->begin == c->begin + c->data.size());
    }
    feed.done(c->file, c->index);
  }
  CHECK(!feed.error());
  CHECK(got[0] == text);
  CHECK(got[1] == text);
  CHECK(feed.peak_alive() <= feed.max_alive());
  CHECK(feed.max_alive() < 64);  // a few MB of chunks for a corpus of any size
  CHECK(!feed.get(0, 1000));     // past the end
}

TEST_CASE("leak: a compressed file that breaks after some chunks is an error naming it", "[leak]") {
  LeakCorpusMaker make(23);
  const std::string text = make.noise(1u << 20);
  TempDir dir;
  write_gzip(dir.path() + "/c.gz", text);
  std::string bytes = dir.read("c.gz");
  bytes.resize(bytes.size() * 2 / 3);  // cut short
  dir.write("short.gz", bytes);
  auto files = leak::list_corpus({dir.path() + "/short.gz"}, Lang::En);
  REQUIRE(files.ok());
  leak::ScanOptions o;
  o.chunk_bytes = 64 * 1024;
  auto r = leak::scan_corpus(make.cases(3), *files, o, Lang::En);
  REQUIRE(!r.ok());
  CHECK(r.error().message.find(dir.path() + "/short.gz") != std::string::npos);
  CHECK(r.error().kind == Error::Kind::Input);
}
