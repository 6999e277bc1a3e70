// Staged content (release/staged.h) and the BlobReader it reads through: the files a
// commit changes are read as the index holds them, never from the work tree, and every
// staged case answers with its blob id, the identity the case-text cache knows it by.
#include <cerrno>
#include <cstring>

#include "checks/validator.h"
#include "core/file_identity.h"
#include "git_test_support.h"
#include "release/git_files.h"
#include "release/staged.h"

using namespace cc;
using namespace cc::test;

TEST_CASE("staged: changed files are listed and read from the index, others only by blob id",
          "[release][staged][reader]") {
  GitTempRepo repo;
  repo.add_case("cardiology", "CC-0001", "draft");
  repo.add_case("pulmonology", "CC-0002", "draft");
  repo.commit_all("two cases");
  const std::string changed = "cases/cardiology/CC-0001.yaml";
  const std::string other = "cases/pulmonology/CC-0002.yaml";
  repo.set_status("cardiology", "CC-0001", "review");
  const std::string staged_bytes = repo.read(changed);
  repo.stage(changed);
  repo.set_status("cardiology", "CC-0001", "approved");  // left unstaged
  REQUIRE(repo.read(changed) != staged_bytes);

  auto load = load_project(repo.path(), Lang::En);
  REQUIRE(load.project);
  auto staged = git::staged_content(load.project->config, Lang::En);
  REQUIRE(staged);
  CHECK(staged->content.files == std::vector<std::string>{changed});
  CHECK(staged->content.listing.cases == std::vector<std::string>{changed, other});
  CHECK(staged->content.listing.rubrics ==
        std::vector<std::string>{"rubrics/cardiology/CC-0001.yaml", "rubrics/pulmonology/CC-0002.yaml"});
  const FileReader& reader = *staged->reader;
  auto bytes = reader.read(changed);
  REQUIRE(bytes);
  CHECK(*bytes == staged_bytes);
  CHECK(reader.identity(changed) == blob_identity(staged_bytes));
  CHECK(reader.identities({other, changed}) ==
        std::vector<std::string>{blob_identity(repo.read(other)), blob_identity(staged_bytes)});
  // A path the index does not hold is as missing as a file on disk would be.
  auto missing = reader.read("cases/cardiology/CC-0404.yaml");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message == std::strerror(ENOENT));
  CHECK(reader.identity("cases/cardiology/CC-0404.yaml").empty());
}

// Regression: libgit2 steps (tree lookups, revisions, reading the index's files) failed in
// English under zh; the words are ours in the reader's language, libgit2's reason after them.
TEST_CASE("git steps under zh fail in Chinese, with no English sentence", "[release][staged][locale]") {
  GitTempRepo repo;
  repo.write("notes/a.txt", "x");
  repo.commit_all("initial");
  auto head = git::head_commit(repo.repo(), Lang::Zh);
  REQUIRE(head.ok());
  git_tree* raw = nullptr;
  REQUIRE(git_commit_tree(&raw, head->get()) == 0);
  git::TreePtr tree(raw);

  auto folder = git::tree_file(repo.repo(), tree.get(), "", "notes", Lang::Zh);
  REQUIRE_FALSE(folder.ok());
  CHECK(folder.error().message == "notes 不是文件");
  auto missing = git::tree_file(repo.repo(), tree.get(), "", "no-such.yaml", Lang::Zh);
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.error().message, Catch::StartsWith("没有文件 no-such.yaml"));
  auto revision = git::tree_of(repo.repo(), "no-such-revision", Lang::Zh);
  REQUIRE_FALSE(revision.ok());
  CHECK_THAT(revision.error().message, Catch::StartsWith("未知的修订版本“no-such-revision”"));
  CHECK_THAT(revision.error().message, !Catch::Contains("unknown revision"));

  // The English wording stays for --lang en.
  auto en = git::tree_of(repo.repo(), "no-such-revision", Lang::En);
  REQUIRE_FALSE(en.ok());
  CHECK_THAT(en.error().message, Catch::StartsWith("unknown revision 'no-such-revision'"));
}
