#include "core/benchmark_loader.h"

#include <algorithm>

#include "core/parallel.h"
#include "core/repository.h"
#include "core/yaml_loader.h"

namespace cc {

BenchmarkLoad load_benchmark(const Config& config, Lang lang, unsigned threads) {
  BenchmarkLoad out;
  std::vector<std::string> case_files = list_yaml_files(config.root, config.cases_dir);
  std::vector<std::string> rubric_files = list_yaml_files(config.root, config.rubrics_dir);
  const size_t n = case_files.size() + rubric_files.size();
  out.benchmark.cases.resize(case_files.size());
  out.benchmark.rubrics.resize(rubric_files.size());
  std::vector<std::vector<Diagnostic>> diags(n);
  parallel_for(n, threads, [&](size_t i) {
    bool is_case = i < case_files.size();
    const std::string& rel = is_case ? case_files[i] : rubric_files[i - case_files.size()];
    LoadResult loaded = load_yaml_file(config.abs(rel), rel, config.limits, lang, Positions::TopLevel);
    diags[i] = std::move(loaded.diagnostics);
    if (!loaded.document) return;
    if (is_case) {
      out.benchmark.cases[i] = case_from_json(loaded.document->root);
      out.benchmark.cases[i].path = rel;
    } else {
      Rubric& r = out.benchmark.rubrics[i - case_files.size()];
      r = rubric_from_json(loaded.document->root);
      r.path = rel;
    }
  });
  for (auto& d : diags) out.diagnostics.insert(out.diagnostics.end(), d.begin(), d.end());
  // Files that failed to parse leave empty entries; drop them.
  auto& cases = out.benchmark.cases;
  cases.erase(std::remove_if(cases.begin(), cases.end(), [](const Case& c) { return c.case_id.empty(); }), cases.end());
  auto& rubrics = out.benchmark.rubrics;
  rubrics.erase(std::remove_if(rubrics.begin(), rubrics.end(), [](const Rubric& r) { return r.case_id.empty(); }),
                rubrics.end());
  out.benchmark.build_index();
  std::sort(out.diagnostics.begin(), out.diagnostics.end(), diagnostic_less);
  return out;
}

}  // namespace cc
