#include "leak/leak_render.h"

#include <cstdio>
#include <ostream>

#include <nlohmann/json.hpp>

#include "core/number_format.h"
#include "leak/leak_messages.h"

namespace cc::leak {
namespace {

std::string place(const LeakWhere& w, Lang lang) {
  std::string s = w.file + ":" + std::to_string(w.line);
  if (w.offset) s += " (" + leak_message(lang, "scan/offset", {{"offset", std::to_string(*w.offset)}}) + ")";
  return s;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

}  // namespace

std::string human_bytes(uint64_t bytes) {
  const char* units[] = {"B", "KB", "MB", "GB", "TB"};
  double v = static_cast<double>(bytes);
  int u = 0;
  while (v >= 1000 && u < 4) v /= 1000, ++u;
  return (u == 0 ? std::to_string(bytes) : format_fixed(v, 1)) + " " + units[u];
}

std::string percent(double share) { return format_fixed(share * 100, 1) + "%"; }

void render_scan_text(const ScanReport& r, Lang lang, std::ostream& out) {
  out << leak_message(lang, "scan/head",
                      {{"bytes", human_bytes(r.scanned_bytes)},
                       {"files", std::to_string(r.files)},
                       {"texts", std::to_string(r.texts)},
                       {"n", std::to_string(r.ngram)},
                       {"listed", std::to_string(r.listed.size())},
                       {"threshold", percent(r.threshold)}})
      << '\n';
  if (r.listed.empty()) {
    out << leak_message(lang, "scan/none") << '\n';
    return;
  }
  for (const TextLeak& t : r.listed) {
    out << leak_message(lang, "scan/line",
                        {{"case_id", t.id}, {"overlap", percent(t.overlap)}, {"longest", std::to_string(t.longest)}})
        << '\n';
    for (const LeakWhere& w : t.where) out << "  " << place(w, lang) << '\n';
  }
}

void render_scan_json(const ScanReport& r, std::ostream& out) {
  nlohmann::ordered_json j;
  j["scanned_bytes"] = r.scanned_bytes;
  j["files"] = r.files;
  j["cases_scanned"] = r.texts;
  j["ngram"] = r.ngram;
  j["threshold"] = r.threshold;
  j["cases"] = nlohmann::ordered_json::array();
  for (const TextLeak& t : r.listed) {
    nlohmann::ordered_json c;
    c["case_id"] = t.id;
    c["overlap"] = t.overlap;
    c["longest"] = t.longest;
    c["where"] = nlohmann::ordered_json::array();
    for (const LeakWhere& w : t.where) {
      nlohmann::ordered_json p{{"file", w.file}, {"line", w.line}};
      if (w.offset) p["offset"] = *w.offset;
      c["where"].push_back(std::move(p));
    }
    j["cases"].push_back(std::move(c));
  }
  out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void render_scan_csv(const ScanReport& r, std::ostream& out) {
  out << "case_id,overlap,longest,file,line,offset\n";
  for (const TextLeak& t : r.listed) {
    const std::string head = csv_field(t.id) + "," + format_fixed(t.overlap, 4) + "," + std::to_string(t.longest) + ",";
    if (t.where.empty()) out << head << ",,\n";
    for (const LeakWhere& w : t.where)
      out << head << csv_field(w.file) << "," << w.line << "," << (w.offset ? std::to_string(*w.offset) : "") << '\n';
  }
}

void render_probe_text(const ProbeReport& r, Lang lang, std::ostream& out) {
  out << leak_message(lang, "probe/head",
                      {{"endpoint", r.endpoint},
                       {"cases", std::to_string(r.cases)},
                       {"listed", std::to_string(r.listed.size())},
                       {"threshold", percent(r.threshold)},
                       {"n", std::to_string(r.ngram)}})
      << '\n';
  for (const ProbeCase& c : r.listed)
    out << leak_message(lang, "probe/line",
                        {{"case_id", c.case_id}, {"lcs", percent(c.lcs)}, {"grams", percent(c.grams)}})
        << '\n';
  if (!r.failed.empty()) {
    std::string ids;
    for (const auto& id : r.failed) ids += (ids.empty() ? "" : ", ") + id;
    out << leak_message(lang, "probe/failed", {{"n", std::to_string(r.failed.size())}, {"ids", ids}}) << '\n';
  }
}

void render_probe_json(const ProbeReport& r, std::ostream& out) {
  nlohmann::ordered_json j;
  j["endpoint"] = r.endpoint;
  j["cases_probed"] = r.cases;
  j["ngram"] = r.ngram;
  j["threshold"] = r.threshold;
  j["cases"] = nlohmann::ordered_json::array();
  for (const ProbeCase& c : r.listed)
    j["cases"].push_back({{"case_id", c.case_id}, {"lcs", c.lcs}, {"ngrams", c.grams}});
  j["failed"] = r.failed;
  out << j.dump(2) << '\n';
}

void render_probe_csv(const ProbeReport& r, std::ostream& out) {
  out << "case_id,lcs,ngrams\n";
  for (const ProbeCase& c : r.listed)
    out << csv_field(c.case_id) << "," << format_fixed(c.lcs, 4) << "," << format_fixed(c.grams, 4) << '\n';
}

void render_probe_dry_run_text(const ProbeReport& r, Lang lang, std::ostream& out) {
  const ProbeDryRun& d = *r.dry_run;
  out << leak_message(lang, "probe/dry-run",
                      {{"endpoint", r.endpoint},
                       {"url", d.url},
                       {"cases", std::to_string(r.cases)},
                       {"calls", std::to_string(d.to_ask)},
                       {"cached", std::to_string(d.from_cache)},
                       {"input", std::to_string(d.input_tokens)},
                       {"output", std::to_string(d.output_tokens)},
                       {"cost", format_fixed(d.cost, 4)}})
      << '\n'
      << leak_message(lang, "probe/first-prompt", {{"case_id", d.first_case_id}}) << '\n'
      << d.first_prompt << '\n';
}

void render_probe_dry_run_json(const ProbeReport& r, std::ostream& out) {
  const ProbeDryRun& d = *r.dry_run;
  const nlohmann::ordered_json j{{"dry_run", true},
                                 {"endpoint", r.endpoint},
                                 {"url", d.url},
                                 {"cases", r.cases},
                                 {"calls_needed", d.to_ask},
                                 {"from_cache", d.from_cache},
                                 {"estimated_input_tokens", d.input_tokens},
                                 {"estimated_output_tokens", d.output_tokens},
                                 {"estimated_cost", d.cost},
                                 {"first_case_id", d.first_case_id},
                                 {"first_prompt", d.first_prompt}};
  out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

std::string scan_markdown(const ScanReport& r, const std::string& corpus, Lang lang) {
  std::string md = "### " + leak_message(lang, "gate/head") + "\n\n";
  if (r.listed.empty()) return md + leak_message(lang, "gate/none", {{"corpus", corpus}}) + "\n";
  md += leak_message(lang, "gate/intro",
                     {{"corpus", corpus}, {"threshold", percent(r.threshold)}, {"n", std::to_string(r.ngram)}}) +
        "\n\n";
  for (const TextLeak& t : r.listed) {
    md += "- " +
          leak_message(lang, "scan/line",
                       {{"case_id", t.id}, {"overlap", percent(t.overlap)}, {"longest", std::to_string(t.longest)}});
    if (!t.where.empty()) md += " — " + place(t.where.front(), lang);
    md += "\n";
  }
  return md;
}

}  // namespace cc::leak
