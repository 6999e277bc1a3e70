#include "coverage/dedup_benchmark.h"

#include <algorithm>
#include <unordered_map>

#include "core/parallel.h"
#include "core/model.h"
#include "core/repository.h"
#include "core/yaml_loader.h"
#include "coverage/text_normalize.h"

namespace cc::coverage {
namespace {

// A case with the line of its clinical_context.
struct LocatedCase {
  Case c;
  int line = 0;
};

// A rubric with the line of each criterion's text (criteria[i] ↔ lines[i]).
struct LocatedRubric {
  Rubric r;
  std::vector<int> lines;
};

// What dedup reads: case files with top-level positions, and (for criteria) rubric files
// with every position, in one pass on all cores. Lines are recorded during that pass, so
// a report with many pairs never parses a file twice; recording every position of a
// rubric costs about a tenth of its load.
struct DedupLoad {
  std::vector<LocatedCase> cases;
  std::vector<LocatedRubric> rubrics;
  std::vector<Diagnostic> diagnostics;
};

DedupLoad load_for_dedup(const Config& config, Lang lang, bool with_rubrics, unsigned threads) {
  DedupLoad out;
  std::vector<std::string> case_files = list_yaml_files(config.root, config.cases_dir);
  std::vector<std::string> rubric_files;
  if (with_rubrics) rubric_files = list_yaml_files(config.root, config.rubrics_dir);
  const size_t nc = case_files.size(), n = nc + rubric_files.size();
  out.cases.resize(nc);
  out.rubrics.resize(rubric_files.size());
  std::vector<std::vector<Diagnostic>> diags(n);
  parallel_for(n, threads, [&](size_t i) {
    const bool is_case = i < nc;
    const std::string& rel = is_case ? case_files[i] : rubric_files[i - nc];
    LoadResult r =
        load_yaml_file(config.abs(rel), rel, config.limits, lang, is_case ? Positions::TopLevel : Positions::All);
    diags[i] = std::move(r.diagnostics);
    if (!r.document) return;
    const Document& doc = *r.document;
    if (is_case) {
      LocatedCase& c = out.cases[i];
      c.c = case_from_json(doc.root);
      c.c.path = rel;
      c.line = doc.key_position("/clinical_context").line;
      return;
    }
    LocatedRubric& lr = out.rubrics[i - nc];
    lr.r = rubric_from_json(doc.root);
    lr.r.path = rel;
    // rubric_from_json skips criteria that are not mappings; keep the lines in step.
    auto it = doc.root.find("criteria");
    if (doc.root.is_object() && it != doc.root.end() && it->is_array())
      for (size_t k = 0; k < it->size(); ++k)
        if ((*it)[k].is_object())
          lr.lines.push_back(doc.key_position("/criteria/" + std::to_string(k) + "/criterion").line);
  });
  for (auto& d : diags) out.diagnostics.insert(out.diagnostics.end(), d.begin(), d.end());
  std::sort(out.diagnostics.begin(), out.diagnostics.end(), diagnostic_less);
  auto& cases = out.cases;
  cases.erase(std::remove_if(cases.begin(), cases.end(), [](const LocatedCase& c) { return c.c.case_id.empty(); }),
              cases.end());
  std::sort(cases.begin(), cases.end(), [](const LocatedCase& a, const LocatedCase& b) {
    return a.c.case_id != b.c.case_id ? a.c.case_id < b.c.case_id : a.c.path < b.c.path;
  });
  return out;
}

}  // namespace

std::string case_dedup_text(const std::string& clinical_context, const std::string& user_request) {
  return clinical_context + "\n" + user_request;
}

DedupReport dedup_benchmark(const Config& config, Lang lang, const CaseFilter& filter, const DedupOptions& o,
                            bool criteria) {
  DedupReport rep;
  rep.threshold = o.threshold;
  DedupLoad load = load_for_dedup(config, lang, criteria, o.threads);
  rep.diagnostics = std::move(load.diagnostics);
  std::vector<const LocatedCase*> cases;
  for (const auto& c : load.cases) {
    CaseFacts f;
    f.status = c.c.status;
    f.difficulty = c.c.difficulty;
    if (filter.accepts(f)) cases.push_back(&c);
  }
  rep.cases = static_cast<int>(cases.size());
  std::vector<std::string> texts;
  texts.reserve(cases.size());
  for (const LocatedCase* c : cases) texts.push_back(case_dedup_text(c->c.clinical_context, c->c.user_request));
  std::vector<std::string_view> views(texts.begin(), texts.end());
  std::vector<DedupDoc> docs = make_dedup_docs(views, o.ngram, o.threads);
  for (const SimilarPair& p : find_similar(docs, o, &rep.stats)) {
    const LocatedCase& a = *cases[p.a];
    const LocatedCase& b = *cases[p.b];
    rep.case_pairs.push_back({a.c.case_id, b.c.case_id, {a.c.path, a.line}, {b.c.path, b.line}, p.jaccard, p.exact});
  }
  if (!criteria) return rep;

  // Criteria pairs of each case, on all cores.
  std::unordered_map<std::string, const LocatedRubric*> by_id;
  for (const auto& r : load.rubrics)
    if (!r.r.case_id.empty()) by_id.emplace(r.r.case_id, &r);
  struct Found {
    size_t x, y;
    double j;
    bool exact;
  };
  std::vector<const LocatedRubric*> rubrics(cases.size(), nullptr);
  for (size_t i = 0; i < cases.size(); ++i)
    if (auto it = by_id.find(cases[i]->c.case_id); it != by_id.end()) rubrics[i] = it->second;
  std::vector<std::vector<Found>> found(cases.size());
  parallel_for(cases.size(), o.threads, [&](size_t i) {
    if (!rubrics[i]) return;
    std::vector<DedupDoc> cd;
    for (const auto& k : rubrics[i]->r.criteria) cd.push_back(make_dedup_doc(k.criterion, o.ngram));
    for (size_t x = 0; x < cd.size(); ++x)
      for (size_t y = x + 1; y < cd.size(); ++y) {
        if (cd[x].empty || cd[y].empty) continue;
        const bool exact = cd[x].exact_key == cd[y].exact_key && cd[x].shingles == cd[y].shingles;
        const double j = exact ? 1.0 : jaccard(cd[x].shingles, cd[y].shingles);
        if (exact || j + 1e-12 >= o.threshold) found[i].push_back({x, y, j, exact});
      }
  });
  for (size_t i = 0; i < cases.size(); ++i) {
    if (!rubrics[i]) continue;
    const LocatedRubric& lr = *rubrics[i];
    rep.criteria += static_cast<int>(lr.r.criteria.size());
    auto where = [&](size_t k) { return TextLocation{lr.r.path, k < lr.lines.size() ? lr.lines[k] : 0}; };
    for (const Found& f : found[i])
      rep.criterion_pairs.push_back({cases[i]->c.case_id, lr.r.criteria[f.x].criterion_id,
                                     lr.r.criteria[f.y].criterion_id, where(f.x), where(f.y), f.j, f.exact});
  }
  std::stable_sort(rep.criterion_pairs.begin(), rep.criterion_pairs.end(),
                   [](const CriterionPair& x, const CriterionPair& y) {
                     if (x.exact != y.exact) return x.exact;
                     return x.jaccard > y.jaccard;
                   });
  return rep;
}

}  // namespace cc::coverage
