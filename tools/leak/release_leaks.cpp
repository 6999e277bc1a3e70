#include "leak/release_leaks.h"

#include "leak/case_texts.h"
#include "leak/corpus_files.h"
#include "leak/corpus_scan.h"
#include "leak/leak_messages.h"
#include "leak/leak_render.h"
#include "release/export_jsonl.h"

namespace cc::leak {

Result<ReleaseLeaks> release_leaks(const Benchmark& benchmark, const std::vector<std::string>& corpus, Lang lang) {
  CC_TRY_ASSIGN(std::vector<CorpusFile> files, list_corpus(corpus, lang));
  auto approved = [](const Case& c) { return c.status == kReleasedStatus; };
  CC_TRY_ASSIGN(ScanReport report, scan_corpus(case_texts(benchmark, false, approved), files, ScanOptions{}, lang));
  std::string names;
  for (const auto& p : corpus) names += (names.empty() ? "" : ", ") + p;
  ReleaseLeaks out;
  out.markdown = scan_markdown(report, names, lang);
  out.leaked = report.listed.size();
  out.refusal = leak_message(lang, "gate/refused", {{"n", std::to_string(out.leaked)}});
  return out;
}

}  // namespace cc::leak
