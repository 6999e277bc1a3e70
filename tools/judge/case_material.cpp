#include "judge/case_material.h"

#include <algorithm>
#include <fstream>

#include "core/benchmark_loader.h"
#include "judge/judge_messages.h"
#include "judge/run_files.h"

namespace cc::judge {
namespace {

void build_index(CaseMaterials& m) {
  m.index.clear();
  for (size_t i = 0; i < m.cases.size(); ++i) m.index.emplace(m.cases[i].case_id, i);
}

}  // namespace

std::string case_query(const std::string& clinical_context, const std::string& user_request) {
  std::string c = trim_blank(clinical_context), r = trim_blank(user_request);
  if (c.empty()) return r;
  if (r.empty()) return c;
  return c + "\n\n" + r;
}

Result<CaseMaterials> load_case_materials(const Config& config, Lang lang) {
  BenchmarkLoad load = load_benchmark(config, lang);
  std::string problems;
  for (const Diagnostic& d : load.diagnostics)
    if (d.severity == Severity::Error) problems += "\n  " + d.file + ":" + std::to_string(d.line) + ": " + d.message;
  if (!problems.empty()) return Error(judge_message(lang, "cases/unreadable") + problems, Error::Kind::Input);
  CaseMaterials m;
  for (const Case& c : load.benchmark.cases) {
    if (c.status == "retired") continue;
    const Rubric* r = load.benchmark.find_rubric(c.case_id);
    if (!r || r->criteria.empty()) {
      problems += "\n  " + c.path + ": " + judge_message(lang, "cases/no-rubric", {{"case", c.case_id}});
      continue;
    }
    CaseMaterial cm{c.case_id, case_query(c.clinical_context, c.user_request), c.subject, {}};
    for (const Criterion& k : r->criteria) cm.criteria.emplace_back(k.criterion_id, trim_blank(k.criterion));
    m.cases.push_back(std::move(cm));
  }
  if (!problems.empty()) return Error(judge_message(lang, "cases/no-criteria") + problems, Error::Kind::Input);
  std::sort(m.cases.begin(), m.cases.end(),
            [](const CaseMaterial& a, const CaseMaterial& b) { return a.case_id < b.case_id; });
  build_index(m);
  return m;
}

Result<void> restrict_to_ids(CaseMaterials& m, const std::string& ids_path, Lang lang) {
  std::ifstream in(ids_path);
  if (!in) return Error(judge_message(lang, "ids/unreadable", {{"path", ids_path}}), Error::Kind::Input);
  std::vector<char> keep(m.cases.size(), 0);
  std::string line, problems;
  for (int n = 1; std::getline(in, line); ++n) {
    std::string id = trim_blank(line);
    if (id.empty() || id[0] == '#') continue;
    auto it = m.index.find(id);
    if (it == m.index.end())
      problems +=
          "\n  " + ids_path + ":" + std::to_string(n) + ": " + judge_message(lang, "ids/unknown-line", {{"case", id}});
    else
      keep[it->second] = 1;
  }
  if (!problems.empty()) return Error(judge_message(lang, "ids/unknown") + problems, Error::Kind::Input);
  std::vector<CaseMaterial> kept;
  for (size_t i = 0; i < m.cases.size(); ++i)
    if (keep[i]) kept.push_back(std::move(m.cases[i]));
  m.cases = std::move(kept);
  build_index(m);
  return {};
}

}  // namespace cc::judge
