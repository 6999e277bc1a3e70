#include <catch2/catch.hpp>

#include "checks/result_cache.h"
#include "test_support.h"

using namespace cc;

namespace {

FileResult sample_result() {
  FileResult r;
  r.facts.kind = FileKind::Case;
  r.facts.case_id = "CC-0007";
  r.facts.id_line = 3;
  r.facts.id_column = 10;
  r.facts.subject_folder = "cardiology";
  Diagnostic d;
  d.rule = "integrity/unknown-label";
  d.severity = Severity::Warning;
  d.file = "cases/cardiology/CC-0007.yaml";
  d.line = 4;
  d.column = 10;
  d.message = "“心内科”不是已知的科室";
  d.fix = "subject: 心血管内科";
  r.diagnostics.push_back(d);
  return r;
}

void same(const FileResult& a, const FileResult& b) {
  CHECK(a.facts.kind == b.facts.kind);
  CHECK(a.facts.case_id == b.facts.case_id);
  CHECK(a.facts.id_line == b.facts.id_line);
  CHECK(a.facts.id_column == b.facts.id_column);
  CHECK(a.facts.subject_folder == b.facts.subject_folder);
  REQUIRE(a.diagnostics.size() == b.diagnostics.size());
  for (size_t i = 0; i < a.diagnostics.size(); ++i) {
    const auto &x = a.diagnostics[i], &y = b.diagnostics[i];
    CHECK(x.rule == y.rule);
    CHECK(x.severity == y.severity);
    CHECK(x.file == y.file);
    CHECK(x.line == y.line);
    CHECK(x.column == y.column);
    CHECK(x.message == y.message);
    CHECK(x.fix == y.fix);
  }
}

}  // namespace

TEST_CASE("result_cache: content_hash is stable and discriminating", "[checks][result_cache]") {
  CHECK(content_hash("case_id: CC-0001\n") == content_hash("case_id: CC-0001\n"));
  CHECK(content_hash("case_id: CC-0001\n") != content_hash("case_id: CC-0002\n"));
  CHECK(content_hash("") != content_hash(std::string(1, '\0')));
}

TEST_CASE("result_cache: save and load round trip", "[checks][result_cache]") {
  cc::test::TempDir dir;
  std::string path = dir.path() + "/cache/validate.json";
  const uint64_t fp = 0xFFFFFFFFFFFFFFF0ull;  // above 2^63: survives as text
  const uint64_t hash = 0x8000000000000001ull;
  ResultCache cache = ResultCache::load(path, fp);  // missing file: empty
  CHECK(cache.find("cases/cardiology/CC-0007.yaml", hash) == nullptr);
  CHECK_FALSE(cache.dirty());
  cache.put("cases/cardiology/CC-0007.yaml", hash, sample_result());
  CHECK(cache.dirty());
  REQUIRE(cache.save(path));  // creates the folder

  ResultCache again = ResultCache::load(path, fp);
  CHECK_FALSE(again.dirty());
  const FileResult* hit = again.find("cases/cardiology/CC-0007.yaml", hash);
  REQUIRE(hit);
  same(*hit, sample_result());
  CHECK(again.find("cases/cardiology/CC-0007.yaml", hash + 1) == nullptr);  // changed file
  CHECK(again.find("cases/cardiology/CC-0008.yaml", hash) == nullptr);
}

TEST_CASE("result_cache: a different fingerprint empties the cache", "[checks][result_cache]") {
  cc::test::TempDir dir;
  std::string path = dir.path() + "/validate.json";
  ResultCache cache = ResultCache::load(path, 1);
  cache.put("a.yaml", 42, sample_result());
  REQUIRE(cache.save(path));
  CHECK(ResultCache::load(path, 1).find("a.yaml", 42) != nullptr);
  CHECK(ResultCache::load(path, 2).find("a.yaml", 42) == nullptr);
}

TEST_CASE("result_cache: a corrupt cache file is ignored", "[checks][result_cache]") {
  cc::test::TempDir dir;
  std::string path = dir.path() + "/validate.json";
  for (const char* text :
       {"", "{not json", "[]", "{\"fingerprint\": \"1\"}", "{\"fingerprint\": \"1\", \"files\": []}"}) {
    INFO(text);
    dir.write("validate.json", text);
    ResultCache c;
    REQUIRE_NOTHROW(c = ResultCache::load(path, 1));
    CHECK(c.find("a.yaml", 42) == nullptr);
  }
  // Well-formed JSON with broken entries: those entries are skipped, the good one kept.
  // The entries start as a real save, so the test follows the entry format.
  ResultCache good_cache = ResultCache::load(path + ".none", 1);
  FileResult rubric = sample_result();
  rubric.facts.kind = FileKind::Rubric;
  for (const char* f :
       {"bad-hash.yaml", "no-hash.yaml", "bad-kind.yaml", "bad-sev.yaml", "wrong-type.yaml", "good.yaml"})
    good_cache.put(f, 42, rubric);
  REQUIRE(good_cache.save(path));
  auto j = nlohmann::json::parse(dir.read("validate.json"));
  auto& files = j["files"];
  REQUIRE(files["good.yaml"]["hash"].is_string());
  files["bad-hash.yaml"]["hash"] = "not-hex";
  files["no-hash.yaml"].erase("hash");
  files["bad-kind.yaml"]["kind"] = 7;
  REQUIRE(files["bad-sev.yaml"]["d"].size() == 1);
  files["bad-sev.yaml"]["d"][0]["s"] = "fatal";
  files["wrong-type.yaml"]["kind"] = "case";
  dir.write("validate.json", j.dump());
  ResultCache c;
  REQUIRE_NOTHROW(c = ResultCache::load(path, 1));
  CHECK(c.find("bad-hash.yaml", 42) == nullptr);
  CHECK(c.find("bad-hash.yaml", 0) == nullptr);
  CHECK(c.find("no-hash.yaml", 42) == nullptr);
  CHECK(c.find("bad-kind.yaml", 42) == nullptr);
  CHECK(c.find("bad-sev.yaml", 42) == nullptr);
  CHECK(c.find("wrong-type.yaml", 42) == nullptr);
  const FileResult* good = c.find("good.yaml", 42);
  REQUIRE(good);
  CHECK(good->facts.kind == FileKind::Rubric);
  CHECK(good->facts.case_id == "CC-0007");
}

TEST_CASE("result_cache: prune drops entries of files that are gone", "[checks][result_cache]") {
  cc::test::TempDir dir;
  std::string path = dir.path() + "/validate.json";
  ResultCache cache = ResultCache::load(path, 9);
  cache.put("a.yaml", 1, sample_result());
  cache.put("b.yaml", 2, sample_result());
  REQUIRE(cache.save(path));

  ResultCache loaded = ResultCache::load(path, 9);
  loaded.prune([](const std::string& f) { return f == "a.yaml" || f == "b.yaml"; });
  CHECK_FALSE(loaded.dirty());  // nothing dropped, nothing to write
  loaded.prune([](const std::string& f) { return f == "a.yaml"; });
  CHECK(loaded.dirty());
  CHECK(loaded.find("a.yaml", 1) != nullptr);
  CHECK(loaded.find("b.yaml", 2) == nullptr);
  REQUIRE(loaded.save(path));
  ResultCache after = ResultCache::load(path, 9);
  CHECK(after.find("a.yaml", 1) != nullptr);
  CHECK(after.find("b.yaml", 2) == nullptr);
}

TEST_CASE("result_cache: a failed save is reported, not thrown", "[checks][result_cache]") {
  cc::test::TempDir dir;
  dir.write("file", "x");
  ResultCache cache = ResultCache::load(dir.path() + "/file/validate.json", 1);
  cache.put("a.yaml", 1, sample_result());
  auto saved = cache.save(dir.path() + "/file/validate.json");  // parent is a file
  REQUIRE_FALSE(saved);
  CHECK_FALSE(saved.error().message.empty());
}
