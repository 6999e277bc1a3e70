#include "irt/simulate.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <numbers>

#include <nlohmann/json.hpp>

#include "core/atomic_write.h"
#include "scoring/stats/prng.h"

namespace cc::irt {
namespace {

double uniform(scoring::Xoshiro256& rng) { return (static_cast<double>(rng.next() >> 11) + 0.5) * 0x1.0p-53; }

// Box–Muller: one standard normal draw from two uniforms.
double normal(scoring::Xoshiro256& rng) {
  const double u = uniform(rng), v = uniform(rng);
  return std::sqrt(-2 * std::log(u)) * std::cos(2 * std::numbers::pi * v);
}

std::string case_id(size_t c) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "CC-%04zu", c + 1);
  return buf;
}

}  // namespace

Simulation simulate_2pl(const SimulationSpec& spec) {
  Simulation sim;
  scoring::Xoshiro256 rng(spec.seed);
  static const char* kSubjects[] = {"心血管内科", "内分泌科", "呼吸内科", "儿科", "神经内科", "消化内科"};
  static const char* kTasks[] = {"治疗方案制定", "用药指导", "诊断分析", "健康教育"};
  ResponseMatrix& m = sim.matrix;
  for (size_t c = 0; c < spec.cases; ++c) {
    sim.subjects.push_back(kSubjects[c % 6]);
    sim.tasks.push_back(kTasks[(c / 6) % 4]);
    const double shift = 0.5 * normal(rng);
    for (size_t k = 0; k < spec.criteria_per_case; ++k) {
      const double a = std::exp(0.35 * normal(rng));
      const double b = normal(rng) + shift;
      sim.truth.push_back({a, -a * b, 0});
      char id[48];
      std::snprintf(id, sizeof id, "%s-R%02zu", case_id(c).c_str(), k + 1);
      m.items.push_back(id);
      m.item_case.push_back(case_id(c));
      m.max_trials.push_back(1);
    }
  }
  const size_t I = m.items.size();
  m.met.assign(spec.respondents * I, 0);
  m.trials.assign(spec.respondents * I, 0);
  for (size_t j = 0; j < spec.respondents; ++j) {
    const double theta = normal(rng);
    sim.abilities.push_back(theta);
    char name[32];
    std::snprintf(name, sizeof name, "sim-%03zu", j + 1);
    m.respondents.push_back({name, "sim-judge", 1});
    for (size_t i = 0; i < I; ++i) {
      const double u = uniform(rng), missing = uniform(rng);
      if (missing < spec.missing_share) continue;
      m.trials[j * I + i] = 1;
      m.met[j * I + i] = u < probability(sim.truth[i], theta) ? 1 : 0;
    }
  }
  return sim;
}

Result<void> write_simulation(const Simulation& sim, const std::string& dir, size_t first, size_t last) {
  const ResponseMatrix& m = sim.matrix;
  const size_t I = m.item_count();
  if (last == 0 || last > m.respondent_count()) last = m.respondent_count();
  std::string cases;
  for (size_t i = 0; i < I;) {
    const std::string& cid = m.item_case[i];
    const size_t c = std::stoul(cid.substr(3)) - 1;
    nlohmann::ordered_json row{{"case_id", cid},
                               {"difficulty", "medium"},
                               {"task", sim.tasks[c]},
                               {"task_labels", {sim.tasks[c]}},
                               {"subject", sim.subjects[c]},
                               {"subject_labels", {sim.subjects[c]}},
                               {"user_role", "患者"},
                               {"clinical_context", "模拟病例 " + cid},
                               {"user_request", "模拟问题"},
                               {"rubrics", nlohmann::ordered_json::array()}};
    for (; i < I && m.item_case[i] == cid; ++i)
      row["rubrics"].push_back({{"criterion_id", m.items[i]}, {"criterion", "模拟标准 " + m.items[i]}});
    cases += row.dump() + '\n';
  }
  if (auto written = write_file_atomic(dir + "/cases.jsonl", cases); !written)
    return Error(written.error().message, Error::Kind::Input);
  for (size_t j = first; j < last; ++j) {
    std::string out;
    out.reserve(I * 100);
    const Respondent& r = m.respondents[j];
    for (size_t i = 0; i < I; ++i) {
      if (!m.trials_at(j, i)) continue;
      out += "{\"model\":\"" + r.model + "\",\"case_id\":\"" + m.item_case[i] + "\",\"criterion_id\":\"" + m.items[i] +
             "\",\"judge\":\"" + r.judge + "\",\"criteria_met\":" + (m.met_at(j, i) ? "true" : "false") + "}\n";
    }
    if (auto written = write_file_atomic(dir + "/verdicts/" + r.model + ".jsonl", out); !written)
      return Error(written.error().message, Error::Kind::Input);
  }
  return {};
}

}  // namespace cc::irt
