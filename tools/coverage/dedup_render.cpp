#include "coverage/dedup_render.h"

#include <nlohmann/json.hpp>

#include "coverage/coverage_messages.h"
#include "coverage/coverage_render.h"

namespace cc::coverage {
namespace {

std::string where(const TextLocation& l) { return l.file + ":" + std::to_string(l.line); }

int count_exact(const std::vector<CasePair>& pairs) {
  int n = 0;
  for (const auto& p : pairs) n += p.exact;
  return n;
}

}  // namespace

void render_dedup_text(const DedupReport& r, Lang lang, std::ostream& out) {
  const int exact = count_exact(r.case_pairs);
  out << coverage_message(lang, "dedup/summary",
                          {{"cases", std::to_string(r.cases)},
                           {"criteria", std::to_string(r.criteria)},
                           {"threshold", format_fixed(r.threshold, 2)},
                           {"exact", std::to_string(exact)},
                           {"near", std::to_string(r.case_pairs.size() - exact)},
                           {"crit", std::to_string(r.criterion_pairs.size())}})
      << '\n';
  auto sim = [&](bool ex, double j) {
    return pad_to(ex ? coverage_message(lang, "dedup/exact") : format_fixed(j, 3), 9);
  };
  if (!r.case_pairs.empty()) {
    out << '\n' << coverage_message(lang, "dedup/head-cases") << '\n';
    for (const auto& p : r.case_pairs)
      out << "  " << sim(p.exact, p.jaccard) << where(p.a) << "  " << where(p.b) << "  (" << p.case_a << ", "
          << p.case_b << ")\n";
  }
  if (!r.criterion_pairs.empty()) {
    out << '\n' << coverage_message(lang, "dedup/head-criteria") << '\n';
    for (const auto& p : r.criterion_pairs)
      out << "  " << sim(p.exact, p.jaccard) << where(p.a) << "  " << where(p.b) << "  (" << p.criterion_a << ", "
          << p.criterion_b << ")\n";
  }
}

void render_dedup_json(const DedupReport& r, std::ostream& out) {
  using json = nlohmann::ordered_json;
  auto loc = [](const TextLocation& l) { return json{{"file", l.file}, {"line", l.line}}; };
  auto round3 = [](double v) { return static_cast<double>(static_cast<long long>(v * 1000 + 0.5)) / 1000; };
  json cases = json::array(), criteria = json::array();
  for (const auto& p : r.case_pairs)
    cases.push_back({{"a", p.case_a},
                     {"b", p.case_b},
                     {"jaccard", round3(p.jaccard)},
                     {"exact", p.exact},
                     {"a_location", loc(p.a)},
                     {"b_location", loc(p.b)}});
  for (const auto& p : r.criterion_pairs)
    criteria.push_back({{"case_id", p.case_id},
                        {"a", p.criterion_a},
                        {"b", p.criterion_b},
                        {"jaccard", round3(p.jaccard)},
                        {"exact", p.exact},
                        {"a_location", loc(p.a)},
                        {"b_location", loc(p.b)}});
  json doc{{"cases", r.cases},
           {"criteria", r.criteria},
           {"threshold", r.threshold},
           {"lsh", {{"bands", r.stats.bands}, {"rows", r.stats.rows}, {"candidates", r.stats.candidates}}},
           {"case_pairs", std::move(cases)},
           {"criterion_pairs", std::move(criteria)}};
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace cc::coverage
