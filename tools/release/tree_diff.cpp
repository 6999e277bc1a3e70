#include "release/tree_diff.h"

#include <map>
#include <set>

#include "core/repository.h"
#include "release/git_benchmark.h"
#include "release/git_files.h"

namespace cc::git {
namespace {

// The case and rubric file of one stem (case id by file name) on one side.
struct Pair {
  const GitFile* case_file = nullptr;
  const GitFile* rubric_file = nullptr;
};

std::map<std::string, Pair> pairs_of(const std::vector<GitFile>& cases, const std::vector<GitFile>& rubrics) {
  std::map<std::string, Pair> out;
  for (const auto& f : cases) out[file_stem(f.path)].case_file = &f;
  for (const auto& f : rubrics) out[file_stem(f.path)].rubric_file = &f;
  return out;
}

bool same(const GitFile* a, const GitFile* b) {
  if (!a || !b) return !a && !b;
  return git_oid_equal(&a->oid, &b->oid) != 0;
}

}  // namespace

Result<TreeDiff> diff_trees(git_repository* repo, const git_tree* before, const git_tree* after,
                            const std::string& prefix, const Config& config, Lang lang) {
  std::vector<GitFile> files[2][2];  // [side][case, rubric]
  const git_tree* trees[2] = {before, after};
  for (int side = 0; side < 2; ++side) {
    auto c = tree_yaml_files(repo, trees[side], prefix, config.cases_dir, lang);
    if (!c) return c.error();
    auto r = tree_yaml_files(repo, trees[side], prefix, config.rubrics_dir, lang);
    if (!r) return r.error();
    files[side][0] = std::move(*c);
    files[side][1] = std::move(*r);
  }
  auto a = pairs_of(files[0][0], files[0][1]);
  auto b = pairs_of(files[1][0], files[1][1]);

  // Unchanged pairs: parse the case file once (on the after side), share it.
  std::vector<GitFile> load[2][2];
  std::map<std::string, bool> unchanged;  // case path (after side) → has a rubric
  for (const auto& [stem, pb] : b) {
    auto it = a.find(stem);
    if (it != a.end() && pb.case_file && same(it->second.case_file, pb.case_file) &&
        same(it->second.rubric_file, pb.rubric_file)) {
      unchanged.emplace(pb.case_file->path, pb.rubric_file != nullptr);
      load[1][0].push_back(*pb.case_file);
      continue;
    }
    if (pb.case_file) load[1][0].push_back(*pb.case_file);
    if (pb.rubric_file) load[1][1].push_back(*pb.rubric_file);
    if (it != a.end()) {
      if (it->second.case_file) load[0][0].push_back(*it->second.case_file);
      if (it->second.rubric_file) load[0][1].push_back(*it->second.rubric_file);
    }
  }
  for (const auto& [stem, pa] : a) {
    if (b.count(stem)) continue;
    if (pa.case_file) load[0][0].push_back(*pa.case_file);
    if (pa.rubric_file) load[0][1].push_back(*pa.rubric_file);
  }

  TreeDiff out;
  BenchmarkLoad la = load_benchmark_from_blobs(repo, load[0][0], load[0][1], config, lang);
  BenchmarkLoad lb = load_benchmark_from_blobs(repo, load[1][0], load[1][1], config, lang);
  out.problems = std::move(la.diagnostics);
  out.problems.insert(out.problems.end(), lb.diagnostics.begin(), lb.diagnostics.end());
  for (const Case& c : lb.benchmark.cases) {
    auto it = unchanged.find(c.path);
    if (it == unchanged.end()) continue;
    la.benchmark.cases.push_back(c);
    if (it->second) {
      // Identical rubric blobs on both sides: an empty stand-in compares equal and
      // marks the case as having a rubric.
      Rubric stand_in;
      stand_in.case_id = c.case_id;
      la.benchmark.rubrics.push_back(stand_in);
      lb.benchmark.rubrics.push_back(std::move(stand_in));
    }
  }
  la.benchmark.build_index();
  lb.benchmark.build_index();
  out.diff = diff_benchmarks(la.benchmark, lb.benchmark);
  return out;
}

}  // namespace cc::git
