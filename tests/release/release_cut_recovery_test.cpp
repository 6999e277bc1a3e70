// release cut under concurrency and kills (hardening issue, items 1 and 2): one cut at a
// time per repository, and what a killed cut left is cleared when provably its own.
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include <catch2/catch.hpp>

#include "core/file_lock.h"
#include "release/git_test_support.h"
#include "release/release_cut.h"
#include "release/release_tags.h"
#include "release/unfinished_cut.h"
#include "release/work_tree_status.h"

using namespace cc;
using cc::test::count_of;
using cc::test::GitTempRepo;
namespace fs = std::filesystem;

namespace {

void seed(GitTempRepo& repo) {
  repo.add_case("cardiology", "CC-0001");
  repo.add_case("anesthesiology", "CC-0027");
  repo.commit_all("benchmark");
}

CutResult cut(GitTempRepo& repo, const std::string& version, Lang lang = Lang::En) {
  ProjectLoad load = load_project(repo.path(), lang);
  REQUIRE(load.project);
  CutResult r = cut_release(*load.project, CutOptions{version});
  INFO(r.message);
  return r;
}

bool clean(const GitTempRepo& repo) {
  auto d = git::dirty_paths(repo.repo(), "", Lang::En);
  REQUIRE(d.ok());
  return d->empty();
}

// Leaves in `target` exactly what a cut of `version` killed after writing its files and
// before committing leaves: the same cut made in a twin repository, copied over untracked.
void leave_unfinished_cut(GitTempRepo& target, const std::string& version) {
  GitTempRepo twin;
  seed(twin);
  REQUIRE(cut(twin, version).outcome == cc::RunOutcome::Done);
  fs::copy(twin.path() + "/reports", target.path() + "/reports",
           fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

}  // namespace

TEST_CASE("release cut: refused while another cut holds the lock, taken over once it is gone", "[release][cut][lock]") {
  GitTempRepo repo;
  seed(repo);
  const std::string lock_path = repo.path() + "/.git/clinconsensus-release-cut.lock";
  {
    auto held = FileLock::acquire(lock_path, "test", Lang::En);
    REQUIRE(held.ok());
    CutResult r = cut(repo, "1.0.0");
    CHECK(r.outcome == cc::RunOutcome::Unusable);
    CHECK_THAT(r.message, Catch::Contains("another release cut") && Catch::Contains("pid " + std::to_string(getpid())));
    CHECK(clean(repo));
    CHECK_FALSE(fs::exists(repo.path() + "/reports"));
  }
  // A lock file whose holder died (the kernel dropped its lock) is stale: taken over.
  repo.write(".git/clinconsensus-release-cut.lock", "999999999\n");
  CutResult r = cut(repo, "1.0.0");
  CHECK(r.outcome == cc::RunOutcome::Done);
  CHECK(clean(repo));
}

// Regression: two cuts at once left a dirty tree and, in 3 of 8 trials, a changelog with a
// duplicate entry committed into the winner's release.
TEST_CASE("release cut: two cuts at once; one wins, the tree is clean, the changelog right", "[release][cut][lock]") {
  for (int trial = 0; trial < 4; ++trial) {
    GitTempRepo repo;
    seed(repo);
    cc::test::CliProcess a({"release", "cut", "1.0.0"}, repo.path());
    cc::test::CliProcess b({"release", "cut", "1.0.0"}, repo.path());
    auto ra = a.wait(), rb = b.wait();
    INFO("trial " << trial << "\nA: " << ra.out << ra.err << "\nB: " << rb.out << rb.err);
    CHECK(((ra.exit_code == 0) != (rb.exit_code == 0)));
    CHECK((ra.exit_code == 0 || ra.exit_code == 2));
    CHECK((rb.exit_code == 0 || rb.exit_code == 2));
    CHECK(clean(repo));
    CHECK(count_of(repo.read("reports/CHANGELOG.md"), "## v1.0.0") == 1);
  }
}

// Regression: a killed cut left complete, uncommitted reports/vX/ files and no tag, and
// every later cut refused "uncommitted changes".
TEST_CASE("release cut: clears what a killed cut left and then cuts", "[release][cut][recovery]") {
  GitTempRepo repo;
  seed(repo);
  leave_unfinished_cut(repo, "1.0.0");
  REQUIRE_FALSE(clean(repo));
  CutResult r = cut(repo, "1.0.0");
  REQUIRE(r.outcome == cc::RunOutcome::Done);
  REQUIRE(r.notes.size() == 1);
  CHECK_THAT(r.notes[0], Catch::Contains("interrupted cut of v1.0.0") && Catch::Contains("reports/CHANGELOG.md"));
  CHECK(clean(repo));
  CHECK(count_of(repo.read("reports/CHANGELOG.md"), "## v1.0.0") == 1);

  // Leftovers of another version, with an earlier release committed: the same.
  leave_unfinished_cut(repo, "1.1.0");  // the twin's changelog has only its own entry
  CutResult foreign = cut(repo, "1.1.0");
  // The twin's changelog is not this repository's committed changelog plus one entry.
  CHECK(foreign.outcome == cc::RunOutcome::Unusable);
  CHECK_THAT(foreign.message, Catch::Contains("interrupted cut of v1.1.0") && Catch::Contains("CHANGELOG.md"));
  CHECK(fs::exists(repo.path() + "/reports/v1.1.0/MANIFEST.sha256"));
}

TEST_CASE("release cut: leftovers that are not provably a cut's are named, never removed", "[release][cut][recovery]") {
  GitTempRepo repo;
  seed(repo);
  leave_unfinished_cut(repo, "1.0.0");
  repo.write("reports/v1.0.0/coverage.md", "edited by hand\n");
  CutResult r = cut(repo, "1.0.0");
  CHECK(r.outcome == cc::RunOutcome::Unusable);
  CHECK_THAT(r.message,
             Catch::Contains("do not match its MANIFEST.sha256") && Catch::Contains("reports/v1.0.0/coverage.md"));
  CHECK(repo.read("reports/v1.0.0/coverage.md") == "edited by hand\n");

  // Anything else dirty besides: the usual refusal, nothing touched.
  GitTempRepo other;
  seed(other);
  leave_unfinished_cut(other, "1.0.0");
  other.write("notes.txt", "mine\n");
  CutResult dirty = cut(other, "1.0.0");
  CHECK(dirty.outcome == cc::RunOutcome::Unusable);
  CHECK_THAT(dirty.message, Catch::Contains("uncommitted"));
  CHECK(fs::exists(other.path() + "/reports/v1.0.0/MANIFEST.sha256"));
}

// A cut killed at random moments; the next cut must always succeed.
TEST_CASE("release cut: a cut after a SIGKILL at any moment succeeds", "[release][cut][recovery]") {
  for (int delay_ms : {0, 5, 10, 20, 40, 80}) {
    GitTempRepo repo;
    seed(repo);
    {
      cc::test::CliProcess killed({"release", "cut", "1.0.0"}, repo.path());
      std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
      killed.signal(SIGKILL);
      killed.wait();
    }
    auto tag = git::find_release_tag(repo.repo(), *parse_semver("1.0.0"), Lang::En);
    REQUIRE(tag.ok());
    INFO("killed after " << delay_ms << " ms; tag made: " << bool(*tag));
    if (*tag) {  // the kill came after the cut finished
      CHECK(clean(repo));
      continue;
    }
    CutResult r = cut(repo, "1.0.0");
    INFO(r.message);
    CHECK(r.outcome == cc::RunOutcome::Done);
    CHECK(clean(repo));
    CHECK(count_of(repo.read("reports/CHANGELOG.md"), "## v1.0.0") == 1);
  }
}

// A cut killed after moving the branch and before the tag: HEAD is the release commit,
// untagged, with the old index. The next cut completes it.
TEST_CASE("release cut: completes a release commit left without its tag", "[release][cut][recovery]") {
  GitTempRepo repo;
  seed(repo);
  auto parent = git::head_commit(repo.repo(), Lang::En);
  REQUIRE(parent.ok());
  git_tree* parent_tree = nullptr;
  REQUIRE(git_commit_tree(&parent_tree, parent->get()) == 0);
  git::TreePtr parent_tree_owned(parent_tree);
  REQUIRE(cut(repo, "1.0.0").outcome == cc::RunOutcome::Done);
  auto made = git::find_release_tag(repo.repo(), *parse_semver("1.0.0"), Lang::En);
  REQUIRE(made.ok());
  REQUIRE(*made);
  const std::string tag_message = (*made)->message;
  // Undo the tag and the index, as the kill would have left them.
  git_reference* tag_ref = nullptr;
  REQUIRE(git_reference_lookup(&tag_ref, repo.repo(), "refs/tags/v1.0.0") == 0);
  REQUIRE(git_reference_delete(tag_ref) == 0);
  git_reference_free(tag_ref);
  git_index* index = nullptr;
  REQUIRE(git_repository_index(&index, repo.repo()) == 0);
  git::IndexPtr index_owned(index);
  REQUIRE(git_index_read_tree(index, parent_tree) == 0);
  REQUIRE(git_index_write(index) == 0);
  REQUIRE_FALSE(clean(repo));

  CutResult again = cut(repo, "1.0.0");
  CHECK(again.outcome == cc::RunOutcome::Done);
  REQUIRE(again.notes.size() == 1);
  CHECK_THAT(again.notes[0], Catch::Contains("completed an interrupted cut of v1.0.0"));
  CHECK(clean(repo));
  auto tag = git::find_release_tag(repo.repo(), *parse_semver("1.0.0"), Lang::En);
  REQUIRE(tag.ok());
  REQUIRE(*tag);
  CHECK((*tag)->message == tag_message);
  // And a later release goes on as usual.
  repo.add_case("tcm", "CC-0031");
  repo.commit_all("one more");
  CHECK(cut(repo, "1.1.0").outcome == cc::RunOutcome::Done);
}

// Regression: under --lang zh the refusal and its reason were English words.
TEST_CASE("release cut: leftovers refused and not removable are named in Chinese under zh",
          "[release][cut][recovery]") {
  GitTempRepo repo;
  seed(repo);
  leave_unfinished_cut(repo, "1.0.0");
  repo.write("reports/v1.0.0/coverage.md", "edited by hand\n");
  CutResult r = cut(repo, "1.0.0", Lang::Zh);
  CHECK(r.outcome == cc::RunOutcome::Unusable);
  CHECK_THAT(r.message, Catch::Contains("reports/v1.0.0 中的文件与其 MANIFEST.sha256 不符"));
  CHECK_THAT(r.message, !Catch::Contains("do not match"));

  ProjectLoad load = load_project(repo.path(), Lang::Zh);
  REQUIRE(load.project);
  UnfinishedCut foreign{"v1.0.0", {"reports/v1.0.0/coverage.md"}, false, "原因"};
  auto refused = clear_unfinished_cut(foreign, repo.repo(), nullptr, "", load.project->config, Lang::Zh);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message == "无法确认这些文件由发布写出，拒绝清除：原因");

  // A folder with a file in it cannot be removed as one path: the OS reason is Chinese too.
  repo.write("reports/v1.0.0/held/file.txt", "x\n");
  UnfinishedCut ours{"v1.0.0", {"reports/v1.0.0/held"}, true, ""};
  auto removed = clear_unfinished_cut(ours, repo.repo(), nullptr, "", load.project->config, Lang::Zh);
  REQUIRE_FALSE(removed);
  CHECK_THAT(removed.error().message, Catch::StartsWith("无法删除 reports/v1.0.0/held："));
  CHECK_THAT(removed.error().message, !Catch::Contains("cannot") && !Catch::Contains("Directory not empty"));
}
