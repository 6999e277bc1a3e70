// cc_gen_verdicts: deterministic synthetic judge verdicts for a benchmark repository, for
// the scoring benchmarks and the example run. It also writes the cases as a JSONL export
// (the public keys, plus care_stage, audience and per rubric axis and critical).
//
//   cc_gen_verdicts --repo DIR --out DIR [--models 11] [--names a,b,...] [--judges 1]
//                   [--seed 1] [--layout public|jsonl|mixed] [--cases-jsonl FILE]
//                   [--judge-name NAME] [--explanation TEXT]
//
// Model m has an ability spread evenly over [-1.5, 1.5]; a case is harder by tier
// (low -0.5, medium 0, high +0.5) plus noise; each criterion has an easiness. A criterion
// is met with probability 1 / (1 + exp(-(ability - hardness + easiness + 0.6))). A second
// judge (--judges 2) flips each verdict of the first with probability 7 %. Randomness is
// the scorer's own xoshiro256** (scoring/stats/prng.h) with explicit mappings, so a seed gives
// the same bytes everywhere. The verdicts are synthetic: they grade no real answer.
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/atomic_write.h"
#include "core/benchmark_loader.h"
#include "core/config.h"
#include "release/export_jsonl.h"
#include "scoring/input/case_source.h"
#include "scoring/stats/prng.h"

namespace {

using Json = nlohmann::ordered_json;
using cc::scoring::Xoshiro256;

struct Args {
  std::string repo, out, cases_jsonl, layout = "public", judge_name = "synthetic-judge";
  std::string explanation = "合成示例";
  std::vector<std::string> names;
  int models = 11, judges = 1;
  uint64_t seed = 1;
};

double uniform(Xoshiro256& rng) { return static_cast<double>(rng.next() >> 11) * 0x1.0p-53; }

bool parse_args(int argc, char** argv, Args& a) {
  for (int i = 1; i < argc; ++i) {
    std::string k = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
    if (k == "--repo")
      a.repo = value();
    else if (k == "--out")
      a.out = value();
    else if (k == "--cases-jsonl")
      a.cases_jsonl = value();
    else if (k == "--layout")
      a.layout = value();
    else if (k == "--judge-name")
      a.judge_name = value();
    else if (k == "--explanation")
      a.explanation = value();
    else if (k == "--models")
      a.models = std::stoi(value());
    else if (k == "--judges")
      a.judges = std::stoi(value());
    else if (k == "--seed")
      a.seed = std::stoull(value());
    else if (k == "--names") {
      std::string list = value();
      for (size_t p = 0; p <= list.size();) {
        size_t c = list.find(',', p);
        if (c == std::string::npos) c = list.size();
        if (c > p) a.names.push_back(list.substr(p, c - p));
        p = c + 1;
      }
    } else {
      std::cerr << "unknown argument " << k << '\n';
      return false;
    }
  }
  if (!a.names.empty()) a.models = static_cast<int>(a.names.size());
  for (int m = static_cast<int>(a.names.size()); m < a.models; ++m) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "model-%02d", m + 1);
    a.names.push_back(buf);
  }
  return !a.repo.empty() && !a.out.empty() && a.models > 0 && a.judges >= 1 && a.judges <= 2 &&
         (a.layout == "public" || a.layout == "jsonl" || a.layout == "mixed");
}

// The public export row (release/export_jsonl), plus what the scorer's slices need and the
// public format lacks: each criterion's axis and critical flag, the care stage, the audience.
std::string case_row(const cc::Case& c, const cc::Rubric& r) {
  Json j = cc::export_row(c, r);
  for (size_t i = 0; i < r.criteria.size(); ++i) {
    j["rubrics"][i]["axis"] = r.criteria[i].axis;
    j["rubrics"][i]["critical"] = r.criteria[i].critical;
  }
  j["care_stage"] = c.care_stage;
  j["audience"] = c.audience;
  return j.dump() + "\n";
}

// One JSON string literal.
std::string json_quote(const std::string& s) { return Json(s).dump(); }

}  // namespace

int main(int argc, char** argv) {
  Args a;
  if (!parse_args(argc, argv, a)) {
    std::cerr << "usage: cc_gen_verdicts --repo DIR --out DIR [--models N] [--names a,b] [--judges 1|2] [--seed S]"
                 " [--layout public|jsonl|mixed] [--cases-jsonl FILE] [--judge-name NAME] [--explanation TEXT]\n";
    return 2;
  }
  cc::ConfigLoad cl = cc::load_config(std::filesystem::absolute(a.repo).lexically_normal().string(), cc::Lang::En);
  if (!cl.config) {
    std::cerr << "cannot load " << a.repo << "/clinconsensus.yaml\n";
    return 2;
  }
  cc::BenchmarkLoad bl = cc::load_benchmark(*cl.config, cc::Lang::En);
  if (!bl.diagnostics.empty()) {
    std::cerr << bl.diagnostics.size() << " files could not be read, e.g. " << bl.diagnostics[0].file << '\n';
    return 1;
  }
  const auto& cases = bl.benchmark.cases;
  if (!a.cases_jsonl.empty()) {
    std::string text;
    for (const auto& c : cases)
      if (const cc::Rubric* r = bl.benchmark.find_rubric(c.case_id)) text += case_row(c, *r);
    if (auto written = cc::write_file_atomic(a.cases_jsonl, text); !written) {
      std::cerr << written.error().message << '\n';
      return 2;
    }
  }
  // Case hardness and criterion easiness are shared by every model and judge.
  Xoshiro256 world(cc::scoring::resample_key(a.seed, "world", 0));
  std::vector<double> hardness(cases.size());
  std::vector<std::vector<double>> easiness(cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    const std::string& d = cases[i].difficulty;
    hardness[i] = (d == "low" ? -0.5 : d == "high" ? 0.5 : 0) + (uniform(world) + uniform(world) - 1);
    const cc::Rubric* r = bl.benchmark.find_rubric(cases[i].case_id);
    for (size_t k = 0; r && k < r->criteria.size(); ++k) easiness[i].push_back(3 * uniform(world) - 1.5);
  }
  const std::string expl = json_quote(a.explanation);
  size_t total = 0;
  for (int j = 0; j < a.judges; ++j) {
    std::string judge = j == 0 ? a.judge_name : a.judge_name + "-2";
    std::string dir = a.judges > 1 ? a.out + "/" + judge : a.out;
    for (int m = 0; m < a.models; ++m) {
      const std::string& model = a.names[static_cast<size_t>(m)];
      double ability = a.models > 1 ? -1.5 + 3.0 * m / (a.models - 1) : 0;
      Xoshiro256 rng(cc::scoring::resample_key(a.seed, model, 0));
      Xoshiro256 flip(cc::scoring::resample_key(a.seed, judge + "/" + model, 1));
      bool jsonl = a.layout == "jsonl" || (a.layout == "mixed" && m % 2 == 1);
      std::string text = jsonl ? "" : "[\n";
      for (size_t i = 0; i < cases.size(); ++i) {
        const cc::Rubric* r = bl.benchmark.find_rubric(cases[i].case_id);
        if (!r) continue;
        if (!jsonl) {
          text += (i ? ",\n" : "") + std::string("{\"case_id\": ") + json_quote(cases[i].case_id) +
                  ", \"model\": " + json_quote(model) + ", \"judge\": " + json_quote(judge) +
                  ", \"criteria_results\": [";
        }
        for (size_t k = 0; k < r->criteria.size(); ++k) {
          double p = 1 / (1 + std::exp(-(ability - hardness[i] + easiness[i][k] + 0.6)));
          bool met = uniform(rng) < p;
          if (j == 1 && uniform(flip) < 0.07) met = !met;
          const std::string& id = r->criteria[k].criterion_id;
          if (jsonl) {
            text += "{\"model\": " + json_quote(model) + ", \"case_id\": " + json_quote(cases[i].case_id) +
                    ", \"criterion_id\": " + json_quote(id) + ", \"judge\": " + json_quote(judge) +
                    ", \"criteria_met\": " + (met ? "true" : "false") + ", \"explanation\": " + expl + "}\n";
          } else {
            text += (k ? ", " : "") + std::string("{\"criterion_id\": ") + json_quote(id) +
                    ", \"criteria_met\": " + (met ? "true" : "false") + ", \"explanation\": " + expl + "}";
          }
          ++total;
        }
        if (!jsonl) text += "]}";
      }
      if (!jsonl) text += "\n]\n";
      std::string path = dir + "/" + model + (jsonl ? ".jsonl" : "_judge.json");
      if (auto written = cc::write_file_atomic(path, text); !written) {
        std::cerr << written.error().message << '\n';
        return 2;
      }
    }
  }
  std::cerr << "wrote " << total << " verdicts of " << a.models << " models × " << cases.size() << " cases ("
            << a.judges << " judge" << (a.judges > 1 ? "s" : "") << ") to " << a.out << '\n';
  return 0;
}
