// release cut / diff / verify on real git repositories made with libgit2 in temp dirs.
#include <filesystem>

#include <catch2/catch.hpp>

#include "core/benchmark_loader.h"
#include "core/sha256.h"
#include "release/export_jsonl.h"
#include "release/git_test_support.h"
#include "release/manifest.h"
#include "release/release_cut.h"
#include "release/release_query.h"
#include "release/release_tags.h"
#include "release/release_verify.h"
#include "release/work_tree_status.h"

using namespace cc;
using cc::test::GitTempRepo;
namespace fs = std::filesystem;

namespace {

Project open(const GitTempRepo& repo) {
  ProjectLoad load = load_project(repo.path(), Lang::En);
  REQUIRE(load.project);
  return std::move(*load.project);
}

// Three shipped cases: CC-0001 and CC-0027 approved, CC-0031 a draft; committed.
void seed(GitTempRepo& repo) {
  repo.add_case("cardiology", "CC-0001");
  repo.add_case("anesthesiology", "CC-0027");
  repo.add_case("tcm", "CC-0031", "draft");
  repo.commit_all("benchmark");
}

CutResult cut(GitTempRepo& repo, const std::string& version) {
  Project p = open(repo);
  CutResult r = cut_release(p, CutOptions{version});
  INFO(r.message);
  for (const auto& d : r.findings) INFO(d.file << " " << d.rule << " " << d.message);
  return r;
}

std::vector<std::string> dirty(const GitTempRepo& repo) {
  auto d = git::dirty_paths(repo.repo(), "", Lang::En);
  REQUIRE(d.ok());
  return *d;
}

// Replaces the text of the line that starts with `start` (after it) in a repository file.
void set_line(const GitTempRepo& repo, const std::string& rel, const std::string& start, const std::string& rest) {
  std::string text = repo.read(rel);
  size_t at = text.find(start);
  REQUIRE(at != std::string::npos);
  size_t from = at + start.size(), end = text.find('\n', from);
  text.replace(from, end - from, rest);
  repo.write(rel, text);
}

}  // namespace

TEST_CASE("release cut: reports, manifest, one commit and an annotated tag; the tree stays clean", "[release][cut]") {
  GitTempRepo repo;
  seed(repo);
  auto before = git::head_commit(repo.repo(), Lang::En);
  REQUIRE(before.ok());
  const std::string parent = git::oid_hex(*git_commit_id(before->get()));

  CutResult r = cut(repo, "1.0.0");
  REQUIRE(r.outcome == cc::RunOutcome::Done);
  CHECK(r.tag == "v1.0.0");
  const std::string dir = "reports/v1.0.0/";
  std::map<std::string, std::string> files;
  for (const char* name : {"clinconsensus-v1.0.0.jsonl", "coverage.md", "coverage.html", "CHANGES.md"}) {
    REQUIRE(fs::exists(repo.path() + "/" + dir + name));
    files[name] = repo.read(dir + name);
  }
  // The manifest lists exactly the released files with their SHA-256.
  const std::string manifest = repo.read(dir + "MANIFEST.sha256");
  CHECK(parse_manifest(manifest) == manifest_of(files));
  CHECK(sha256_hex(manifest) == r.manifest_hash);
  // The export: the two approved cases, as export writes them.
  const std::string& jsonl = files["clinconsensus-v1.0.0.jsonl"];
  CHECK(std::count(jsonl.begin(), jsonl.end(), '\n') == 2);
  CHECK(jsonl.rfind("{\"case_id\":\"CC-0001\"", 0) == 0);
  CHECK(jsonl.find("CC-0031") == std::string::npos);
  CHECK(files["CHANGES.md"].find("First release (v1.0.0).") != std::string::npos);
  CHECK(files["CHANGES.md"].find("### Cases added (2)\n\n- CC-0001\n- CC-0027\n") != std::string::npos);
  CHECK(repo.read("reports/CHANGELOG.md").find("## v1.0.0 (") != std::string::npos);
  // The coverage report is tools/coverage's, over the two released (approved) cases only.
  const std::string& coverage_md = files["coverage.md"];
  CHECK(coverage_md.rfind("# Coverage of v1.0.0\n", 0) == 0);
  CHECK(coverage_md.find("\n2 cases (target ") != std::string::npos);
  // coverage.html: the same report as one page, with the tag in its title.
  const std::string& coverage_html = files["coverage.html"];
  CHECK(coverage_html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(coverage_html.find("<title>Coverage of v1.0.0</title>") != std::string::npos);
  CHECK(coverage_html.find("2 cases (target ") != std::string::npos);

  // The tag: annotated, on the release commit, carrying summary and manifest hash.
  auto tag = git::find_release_tag(repo.repo(), *parse_semver("1.0.0"), Lang::En);
  REQUIRE(tag.ok());
  REQUIRE(tag->has_value());
  const git::ReleaseTag& t = **tag;
  CHECK(t.annotated);
  CHECK(git::manifest_hash_of(t.message) == r.manifest_hash);
  CHECK(git::summary_of(t.message) == r.summary);
  CHECK(git::oid_hex(t.commit) == r.commit);
  auto head = git::head_commit(repo.repo(), Lang::En);
  REQUIRE(head.ok());
  CHECK(git::oid_hex(*git_commit_id(head->get())) == r.commit);
  CHECK(git::oid_hex(*git_commit_parent_id(head->get(), 0)) == parent);
  // Index and work tree agree with the new commit.
  CHECK(dirty(repo).empty());
}

TEST_CASE("release cut refuses a dirty tree, an existing tag and a bad version, and undoes a failure midway",
          "[release][cut]") {
  GitTempRepo repo;
  seed(repo);
  REQUIRE(cut(repo, "v1.0.0").outcome == cc::RunOutcome::Done);
  const std::string changelog = repo.read("reports/CHANGELOG.md");
  auto head_of = [&] {
    auto h = git::head_commit(repo.repo(), Lang::En);
    REQUIRE(h.ok());
    return git::oid_hex(*git_commit_id(h->get()));
  };
  const std::string head = head_of();
  auto no_release = [&](const char* v) {
    CHECK_FALSE(fs::exists(repo.path() + "/reports/" + v));
    auto t = git::find_release_tag(repo.repo(), *parse_semver(v), Lang::En);
    REQUIRE(t.ok());
    CHECK_FALSE(t->has_value());
    CHECK(head_of() == head);
    CHECK(repo.read("reports/CHANGELOG.md") == changelog);
  };

  SECTION("existing tag") {
    CutResult r = cut(repo, "1.0.0");
    CHECK(r.outcome == cc::RunOutcome::Unusable);
    CHECK(r.message.find("already exists") != std::string::npos);
  }
  SECTION("bad version") {
    CHECK(cut(repo, "1.0").outcome == cc::RunOutcome::Unusable);
    CHECK(cut(repo, "latest").outcome == cc::RunOutcome::Unusable);
  }
  SECTION("modified file") {
    set_line(repo, "cases/cardiology/CC-0001.yaml", "difficulty: ", "low");
    CutResult r = cut(repo, "1.0.1");
    CHECK(r.outcome == cc::RunOutcome::Unusable);
    CHECK(r.message.find("cases/cardiology/CC-0001.yaml") != std::string::npos);
    no_release("v1.0.1");
  }
  SECTION("untracked file") {
    repo.write("notes.txt", "draft\n");
    CHECK(cut(repo, "1.0.1").outcome == cc::RunOutcome::Unusable);
    no_release("v1.0.1");
  }
  SECTION("a ref that cannot move: files, index and refs are put back") {
    const std::string lock = repo.path() + "/.git/" + repo.head_branch() + ".lock";
    repo.write(".git/" + repo.head_branch() + ".lock", "");
    CutResult r = cut(repo, "1.0.1");
    CHECK(r.outcome == cc::RunOutcome::Unusable);
    no_release("v1.0.1");
    fs::remove(lock);
    CHECK(dirty(repo).empty());
    // And once the ref can move, the same cut succeeds.
    CHECK(cut(repo, "1.0.1").outcome == cc::RunOutcome::Done);
    CHECK(dirty(repo).empty());
  }
  SECTION("validation errors") {
    set_line(repo, "cases/cardiology/CC-0001.yaml", "subject: ", "心脏科");
    repo.commit_all("break a label");
    CutResult r = cut(repo, "1.0.1");
    CHECK(r.outcome == cc::RunOutcome::Findings);
    CHECK_FALSE(r.findings.empty());
    CHECK_FALSE(fs::exists(repo.path() + "/reports/v1.0.1"));
  }
}

TEST_CASE("release diff from git objects, and verify with a tampered export", "[release][diff][verify]") {
  GitTempRepo repo;
  seed(repo);
  REQUIRE(cut(repo, "1.0.0").outcome == cc::RunOutcome::Done);
  // CC-0031 approved (added), CC-0027 retired, CC-0001: R02 reworded, difficulty → low.
  repo.set_status("tcm", "CC-0031", "approved");
  repo.set_status("anesthesiology", "CC-0027", "retired");
  set_line(repo, "rubrics/cardiology/CC-0001.yaml", "- criterion_id: CC-0001-R02\n    criterion: ", "改写后的标准。");
  set_line(repo, "cases/cardiology/CC-0001.yaml", "difficulty: ", "low");
  repo.commit_all("changes for 1.1.0");
  CutResult r = cut(repo, "1.1.0");
  REQUIRE(r.outcome == cc::RunOutcome::Done);

  // The work tree changes after the cut must not matter: diff reads the tags.
  set_line(repo, "cases/cardiology/CC-0001.yaml", "difficulty: ", "high");
  Project p = open(repo);
  auto d = git::diff_revisions(p.config, "1.0.0", "v1.1.0", Lang::En);
  REQUIRE(d.ok());
  CHECK(d->problems.empty());
  const ReleaseDiff& diff = d->diff;
  CHECK(diff.cases_before == 2);
  CHECK(diff.cases_after == 2);
  CHECK(diff.cases_added == std::vector<std::string>{"CC-0031"});
  CHECK(diff.cases_retired == std::vector<std::string>{"CC-0027"});
  CHECK(diff.cases_removed.empty());
  REQUIRE(diff.criteria_reworded.size() == 1);
  CHECK(diff.criteria_reworded[0].criterion_id == "CC-0001-R02");
  CHECK(diff.criteria_reworded[0].after == "改写后的标准。");
  REQUIRE(diff.label_changes.size() == 1);
  CHECK(diff.label_changes[0].case_id == "CC-0001");
  CHECK(diff.label_changes[0].field == "difficulty");
  CHECK(diff.label_changes[0].before == "medium");
  CHECK(diff.label_changes[0].after == "low");
  CHECK(diff.criteria_added.empty());
  CHECK(diff.criteria_removed.empty());
  CHECK(repo.read("reports/v1.1.0/CHANGES.md").find("Changes from v1.0.0 to v1.1.0.") != std::string::npos);

  // Verify: everything agrees; a tampered copy of the export does not.
  const std::string exported = repo.read("reports/v1.1.0/clinconsensus-v1.1.0.jsonl");
  cc::test::TempDir downloads;
  downloads.write("good.jsonl", exported);
  std::string tampered = exported;
  tampered[tampered.find("CC-0031") + 6] = '2';
  downloads.write("bad.jsonl", tampered);
  VerifyResult good = verify_release(p, "1.1.0", downloads.path() + "/good.jsonl");
  CHECK(good.outcome == cc::RunOutcome::Done);
  for (const auto& c : good.checks) {
    INFO(c.what << ": " << c.detail);
    CHECK(c.ok);
  }
  CHECK(good.checks.size() >= 8);
  VerifyResult bad = verify_release(p, "1.1.0", downloads.path() + "/bad.jsonl");
  CHECK(bad.outcome == cc::RunOutcome::Findings);
  REQUIRE_FALSE(bad.checks.empty());
  CHECK_FALSE(bad.checks.back().ok);
  int failed = 0;
  for (const auto& c : bad.checks) failed += !c.ok;
  CHECK(failed == 1);
  CHECK(verify_release(p, "9.9.9", "").outcome == cc::RunOutcome::Unusable);

  auto tags = git::list_releases(p.config, Lang::En);
  REQUIRE(tags.ok());
  REQUIRE(tags->size() == 2);
  CHECK((*tags)[0].name == "v1.0.0");
  CHECK((*tags)[1].name == "v1.1.0");
}
