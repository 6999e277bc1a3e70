#include "release/git_benchmark.h"

#include <algorithm>

#include "core/parallel.h"
#include "core/yaml_loader.h"

namespace cc::git {

BenchmarkLoad load_benchmark_from_blobs(git_repository* repo, const std::vector<GitFile>& cases,
                                        const std::vector<GitFile>& rubrics, const Config& config, Lang lang) {
  BenchmarkLoad out;
  const size_t n = cases.size() + rubrics.size();
  auto file_at = [&](size_t i) -> const GitFile& { return i < cases.size() ? cases[i] : rubrics[i - cases.size()]; };
  std::vector<std::string> texts(n);
  std::vector<char> readable(n, 0);
  for (size_t i = 0; i < n; ++i) {
    auto blob = read_blob(repo, file_at(i).oid, lang);
    if (blob) {
      texts[i] = std::move(*blob);
      readable[i] = 1;
    } else {
      Diagnostic d;
      d.rule = "io/read";
      d.file = file_at(i).path;
      d.message = blob.error().message;
      out.diagnostics.push_back(std::move(d));
    }
  }
  std::vector<Case> parsed_cases(cases.size());
  std::vector<Rubric> parsed_rubrics(rubrics.size());
  std::vector<std::vector<Diagnostic>> diags(n);
  parallel_for(n, 0, [&](size_t i) {
    if (!readable[i]) return;
    const std::string& rel = file_at(i).path;
    LoadResult loaded = load_yaml_text(rel, std::move(texts[i]), config.limits, lang, Positions::TopLevel);
    diags[i] = std::move(loaded.diagnostics);
    if (!loaded.document) return;
    if (i < cases.size()) {
      parsed_cases[i] = case_from_json(loaded.document->root);
      parsed_cases[i].path = rel;
    } else {
      Rubric& r = parsed_rubrics[i - cases.size()];
      r = rubric_from_json(loaded.document->root);
      r.path = rel;
    }
  });
  for (auto& d : diags) out.diagnostics.insert(out.diagnostics.end(), d.begin(), d.end());
  for (auto& c : parsed_cases)
    if (!c.case_id.empty()) out.benchmark.cases.push_back(std::move(c));
  for (auto& r : parsed_rubrics)
    if (!r.case_id.empty()) out.benchmark.rubrics.push_back(std::move(r));
  out.benchmark.build_index();
  std::sort(out.diagnostics.begin(), out.diagnostics.end(), diagnostic_less);
  return out;
}

Result<BenchmarkLoad> load_benchmark_from_tree(git_repository* repo, const git_tree* tree, const std::string& prefix,
                                               const Config& config, Lang lang) {
  auto cases = tree_yaml_files(repo, tree, prefix, config.cases_dir, lang);
  if (!cases) return cases.error();
  auto rubrics = tree_yaml_files(repo, tree, prefix, config.rubrics_dir, lang);
  if (!rubrics) return rubrics.error();
  return load_benchmark_from_blobs(repo, *cases, *rubrics, config, lang);
}

}  // namespace cc::git
