#pragma once
// Git test support: benchmark repositories in temp dirs that are real git repositories,
// made and committed with libgit2 (the tests never run the git binary).
#include <string>

#include <catch2/catch.hpp>

#include "release/git.h"
#include "test_support.h"

namespace cc::test {

// A TempRepo that is also a git repository with an identity and .clinconsensus/ ignored.
class GitTempRepo : public TempRepo {
 public:
  GitTempRepo() {
    auto r = git::init_repository(path());
    REQUIRE(r.ok());
    repo_ = std::move(*r);
    git_config* cfg = nullptr;
    REQUIRE(git_repository_config(&cfg, repo_.get()) == 0);
    git::ConfigPtr owned(cfg);
    REQUIRE(git_config_set_string(cfg, "user.name", "Test Maintainer") == 0);
    REQUIRE(git_config_set_string(cfg, "user.email", "maintainer@example.org") == 0);
    write(".gitignore", ".clinconsensus/\n");
  }
  git_repository* repo() const { return repo_.get(); }

  // Copies a shipped case and its rubric, as approved unless told otherwise.
  void add_case(const std::string& folder, const std::string& id, const std::string& status = "approved") const {
    add_shipped_case(folder, id);
    set_status(folder, id, status);
  }
  void set_status(const std::string& folder, const std::string& id, const std::string& status) const {
    std::string rel = "cases/" + folder + "/" + id + ".yaml";
    std::string text = read(rel);
    size_t at = text.find("\nstatus: ");
    REQUIRE(at != std::string::npos);
    size_t end = text.find('\n', at + 1);
    text.replace(at + 1, end - at - 1, "status: " + status);
    write(rel, text);
  }

  // Stages one path (as `git add PATH`).
  void stage(const std::string& rel) const {
    auto index = open_index();
    REQUIRE(git_index_add_bypath(index.get(), rel.c_str()) == 0);
    REQUIRE(git_index_write(index.get()) == 0);
  }
  // Removes one path from the index only (as `git rm --cached PATH`).
  void unstage_delete(const std::string& rel) const {
    auto index = open_index();
    REQUIRE(git_index_remove_bypath(index.get(), rel.c_str()) == 0);
    REQUIRE(git_index_write(index.get()) == 0);
  }
  // Stages everything (as `git add -A`) and commits it on HEAD; returns the commit id.
  std::string commit_all(const std::string& message) const {
    auto index = open_index();
    char star[] = "*";
    char* paths[] = {star};
    git_strarray spec{paths, 1};
    REQUIRE(git_index_add_all(index.get(), &spec, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr) == 0);
    REQUIRE(git_index_update_all(index.get(), &spec, nullptr, nullptr) == 0);
    REQUIRE(git_index_write(index.get()) == 0);
    git_oid tree_id, commit_id;
    REQUIRE(git_index_write_tree(&tree_id, index.get()) == 0);
    git_tree* tree = nullptr;
    REQUIRE(git_tree_lookup(&tree, repo_.get(), &tree_id) == 0);
    git::TreePtr owned_tree(tree);
    auto sig = git::default_signature(repo_.get(), Lang::En);
    REQUIRE(sig.ok());
    auto head = git::head_commit(repo_.get(), Lang::En);
    REQUIRE(head.ok());
    const git_commit* parents[] = {head->get()};
    REQUIRE(git_commit_create(&commit_id, repo_.get(), "HEAD", sig->get(), sig->get(), nullptr, message.c_str(), tree,
                              *head ? 1 : 0, parents) == 0);
    return git::oid_hex(commit_id);
  }
  // The branch HEAD points at, e.g. "refs/heads/master".
  std::string head_branch() const {
    git_reference* ref = nullptr;
    REQUIRE(git_reference_lookup(&ref, repo_.get(), "HEAD") == 0);
    git::ReferencePtr owned(ref);
    const char* target = git_reference_symbolic_target(ref);
    REQUIRE(target != nullptr);
    return target;
  }

 private:
  git::IndexPtr open_index() const {
    git_index* raw = nullptr;
    REQUIRE(git_repository_index(&raw, repo_.get()) == 0);
    REQUIRE(git_index_read(raw, 0) == 0);  // pick up what another handle wrote
    return git::IndexPtr(raw);
  }
  git::RepoPtr repo_;
};

}  // namespace cc::test
