#include "checks/duplicate_case_check.h"

#include "core/json_text.h"
#include "core/parallel.h"
#include "coverage/duplicate_text.h"

namespace cc {

void record_case_text(const Document& doc, FileFacts& facts) {
  if (!doc.root.is_object()) return;
  facts.text_key =
      coverage::case_text_key(json_text(doc.root, "clinical_context"), json_text(doc.root, "user_request"));
  Position pos = doc.key_position("/clinical_context");
  facts.text_line = pos.line;
  facts.text_column = pos.column;
}

std::vector<std::pair<std::string, FileFacts>> reference_case_facts(const std::vector<std::string>& paths,
                                                                    const FileReader& source, const LoadLimits& limits,
                                                                    unsigned threads, CaseTextCache* cache) {
  std::vector<std::pair<std::string, FileFacts>> out(paths.size());
  std::vector<std::string> identities = cache ? source.identities(paths) : std::vector<std::string>(paths.size());
  std::vector<size_t> misses;
  for (size_t i = 0; i < paths.size(); ++i) {
    out[i].first = paths[i];
    const FileFacts* hit = cache && !identities[i].empty() ? cache->find(identities[i]) : nullptr;
    if (hit)
      out[i].second = *hit;
    else
      misses.push_back(i);
  }
  std::vector<char> loaded(paths.size(), 0);
  parallel_for(misses.size(), worker_count(threads, misses.size() / 64 + 1), [&](size_t m) {
    size_t i = misses[m];
    auto bytes = source.read(paths[i]);
    if (!bytes) return;
    LoadResult r = load_yaml_text(paths[i], std::move(*bytes), limits, Lang::En, Positions::TopLevel);
    if (!r.document || !r.document->root.is_object()) return;
    FileFacts& f = out[i].second;
    f.kind = FileKind::Case;
    f.case_id = json_text(r.document->root, "case_id");
    f.status = json_text(r.document->root, "status");
    record_case_text(*r.document, f);
    loaded[i] = 1;
  });
  if (cache)
    for (size_t i : misses)
      if (loaded[i] && !identities[i].empty()) cache->put(identities[i], out[i].second);
  return out;
}

void check_duplicate_case_text(const std::vector<std::pair<std::string, FileFacts>>& checked,
                               const std::vector<std::pair<std::string, FileFacts>>& references, Lang lang,
                               std::vector<Diagnostic>& out) {
  std::vector<coverage::CaseTextEntry> entries;
  auto add = [&](const std::vector<std::pair<std::string, FileFacts>>& list, bool reference) {
    for (const auto& [path, f] : list)
      if (f.kind == FileKind::Case && f.text_key != 0)
        entries.push_back({path, f.case_id, f.text_key, f.text_line, f.text_column, f.status == "draft", reference});
  };
  add(checked, false);
  add(references, true);
  coverage::check_duplicate_case_text(std::move(entries), lang, out);
}

}  // namespace cc
