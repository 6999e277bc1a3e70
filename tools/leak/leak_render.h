#pragma once
// Leak reports — of a corpus scan and of the probe — as text (for people, in English or Chinese), JSON
// ({"scanned_bytes", "cases": [{"case_id", "overlap", "longest", "where": [{"file",
// "line", "offset"?}]}]}) and CSV (one row per place), and the Markdown section the
// release gate adds to CHANGES.md.
#include <iosfwd>
#include <string>

#include "core/messages.h"
#include "leak/corpus_scan.h"
#include "leak/leak_probe.h"

namespace cc::leak {

void render_scan_text(const ScanReport& report, Lang lang, std::ostream& out);
void render_scan_json(const ScanReport& report, std::ostream& out);
void render_scan_csv(const ScanReport& report, std::ostream& out);

// The "Leaked cases" section of a release's CHANGES.md; `corpus` names what was scanned.
std::string scan_markdown(const ScanReport& report, const std::string& corpus, Lang lang);

// The probe's report: text, JSON ({"endpoint", "cases_probed", "cases": [{"case_id",
// "lcs", "ngrams"}], "failed": [...]}) and CSV (case_id,lcs,ngrams).
void render_probe_text(const ProbeReport& report, Lang lang, std::ostream& out);
void render_probe_json(const ProbeReport& report, std::ostream& out);
void render_probe_csv(const ProbeReport& report, std::ostream& out);
// A probe dry run (report.dry_run set): text — the endpoint, its URL, the cases, the calls
// the cache cannot answer with their estimated tokens and cost, then the first prompt as
// sent — or JSON ({"dry_run": true, "endpoint", "url", "cases", "calls_needed",
// "from_cache", "estimated_input_tokens", "estimated_output_tokens", "estimated_cost",
// "first_case_id", "first_prompt"}).
void render_probe_dry_run_text(const ProbeReport& report, Lang lang, std::ostream& out);
void render_probe_dry_run_json(const ProbeReport& report, std::ostream& out);

// "12.3 MB", "980 KB": a byte count for people.
std::string human_bytes(uint64_t bytes);
// "87.5%".
std::string percent(double share);

}  // namespace cc::leak
