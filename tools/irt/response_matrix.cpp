#include "irt/response_matrix.h"

#include <charconv>

#include "irt/irt_messages.h"

namespace cc::irt {

std::string_view unit_name(ItemUnit u) { return u == ItemUnit::Case ? "case" : "criterion"; }

std::optional<ItemUnit> unit_from_name(std::string_view name) {
  if (name == "criterion") return ItemUnit::Criterion;
  if (name == "case") return ItemUnit::Case;
  return std::nullopt;
}

ResponseMatrix ResponseMatrix::respondent_range(size_t first, size_t last) const {
  ResponseMatrix m;
  m.items = items;
  m.item_case = item_case;
  m.max_trials = max_trials;
  const size_t I = items.size();
  m.respondents.assign(respondents.begin() + first, respondents.begin() + last);
  m.met.assign(met.begin() + first * I, met.begin() + last * I);
  m.trials.assign(trials.begin() + first * I, trials.begin() + last * I);
  return m;
}

Respondent respondent_of(const std::string& model, const std::string& judge) {
  Respondent r{model, judge, 1};
  size_t hash = judge.rfind('#');
  if (hash != std::string::npos && hash + 1 < judge.size()) {
    int rep = 0;
    auto [end, ec] = std::from_chars(judge.data() + hash + 1, judge.data() + judge.size(), rep);
    if (ec == std::errc() && end == judge.data() + judge.size() && rep > 1) {
      r.judge = judge.substr(0, hash);
      r.repeat = rep;
    }
  }
  return r;
}

Result<ResponseMatrix> build_response_matrix(const scoring::CaseSet& cases,
                                             const std::vector<const scoring::VerdictTable*>& tables, ItemUnit unit,
                                             Lang lang) {
  ResponseMatrix m;
  for (uint32_t c = 0; c < cases.cases.size(); ++c) {
    const auto& sc = cases.cases[c];
    if (unit == ItemUnit::Case) {
      if (cases.criteria_count(c) > 255)
        return Error(irt_message(lang, "fit/case-too-large",
                                 {{"case", sc.case_id}, {"count", std::to_string(cases.criteria_count(c))}}),
                     Error::Kind::Input);
      m.items.push_back(sc.case_id);
      m.item_case.push_back(sc.case_id);
      m.max_trials.push_back(static_cast<uint8_t>(cases.criteria_count(c)));
    } else {
      for (const auto& cr : sc.criteria) {
        m.items.push_back(cr.criterion_id);
        m.item_case.push_back(sc.case_id);
        m.max_trials.push_back(1);
      }
    }
  }
  const size_t I = m.items.size();
  m.met.assign(tables.size() * I, 0);
  m.trials.assign(tables.size() * I, 0);
  for (size_t j = 0; j < tables.size(); ++j) {
    const scoring::VerdictTable& t = *tables[j];
    m.respondents.push_back(respondent_of(t.model, t.judge));
    uint8_t* met = &m.met[j * I];
    uint8_t* trials = &m.trials[j * I];
    for (uint32_t cell = 0; cell < cases.cell_count(); ++cell) {
      scoring::Verdict v = t.cells[cell];
      if (v != scoring::Verdict::Met && v != scoring::Verdict::NotMet) continue;  // missing stays unobserved
      size_t i = unit == ItemUnit::Case ? cases.case_of_cell(cell) : cell;
      ++trials[i];
      if (v == scoring::Verdict::Met) ++met[i];
    }
  }
  return m;
}

}  // namespace cc::irt
