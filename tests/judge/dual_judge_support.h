#pragma once
// What the two-judge tests share: a second judge that contradicts the well-behaved one on
// a known share of the criteria, and reading verdict rows back.
#include <atomic>
#include <fstream>
#include <map>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "judge/eval_test_repo.h"
#include "judge/fake_openai_server.h"

namespace cc::test {

// A judge that answers as well_behaved_reply does, except that on the criteria whose
// prompt hashes to 0 mod `every` it says the opposite; it remembers which prompts those
// were, so a test knows exactly where two judges differ.
class ContraryJudge {
 public:
  explicit ContraryJudge(size_t every = 4) : every_(every) {}
  FakeOpenAiServer::Handler handler() {
    return [this](const nlohmann::json& request, int) {
      FakeReply reply = well_behaved_reply(request);
      std::string question = request["messages"].back()["content"];
      if (std::hash<std::string>{}(question) % every_ != 0) return reply;
      auto body = nlohmann::json::parse(reply.body);
      auto verdict = nlohmann::json::parse(body["choices"][0]["message"]["content"].get<std::string>());
      verdict["criteria_met"] = !verdict["criteria_met"].get<bool>();
      body["choices"][0]["message"]["content"] = verdict.dump();
      reply.body = body.dump();
      std::lock_guard<std::mutex> lock(mu_);
      flipped_.insert(question);
      return reply;
    };
  }
  size_t flipped() const {
    std::lock_guard<std::mutex> lock(mu_);
    return flipped_.size();
  }

 private:
  size_t every_;
  mutable std::mutex mu_;
  std::set<std::string> flipped_;
};

// The rows of a JSONL file.
inline std::vector<nlohmann::json> read_rows(const std::string& path) {
  std::vector<nlohmann::json> rows;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) rows.push_back(nlohmann::json::parse(line));
  return rows;
}

// The rows of `rows` whose judge is `judge`.
inline std::vector<nlohmann::json> rows_of(const std::vector<nlohmann::json>& rows, const std::string& judge) {
  std::vector<nlohmann::json> out;
  for (const auto& r : rows)
    if (r["judge"] == judge) out.push_back(r);
  return out;
}

// (case_id, criterion_id) → criteria_met of one judge's rows.
inline std::map<std::pair<std::string, std::string>, bool> verdict_map(const std::vector<nlohmann::json>& rows) {
  std::map<std::pair<std::string, std::string>, bool> out;
  for (const auto& r : rows) out[{r["case_id"], r["criterion_id"]}] = r["criteria_met"];
  return out;
}

// A response file for both cases of EvalRepo, model "m1".
inline std::string write_responses(const EvalRepo& repo) {
  repo.write("answers/m1.jsonl",
             "{\"case_id\":\"CC-0001\",\"response\":\"建议继续服药，监测血压。\"}\n"
             "{\"case_id\":\"CC-0006\",\"response\":\"建议复查糖化血红蛋白。\"}\n");
  return repo.path() + "/answers/m1.jsonl";
}

// A first judge, a second that contradicts it on a known share, and a repository with
// both declared (as "judge" and "second") under judge.policy `policy`.
struct TwoJudges {
  explicit TwoJudges(const std::string& policy = "") : b(contrary.handler()), repo(a) {
    repo.add_endpoint("second", b);
    if (!policy.empty()) repo.set_judge_policy(policy);
  }
  RunResult judge(std::vector<std::string> more = {}) {
    std::vector<std::string> args{"judge",  "--responses", write_responses(repo), "--judge", "judge", "--judge",
                                  "second", "-q"};
    args.insert(args.end(), more.begin(), more.end());
    return run_cli(args, repo.path(), repo.env());
  }
  std::vector<nlohmann::json> rows() const { return read_rows(repo.path() + "/results/verdicts/m1.jsonl"); }
  std::vector<nlohmann::json> missing() const { return read_rows(repo.path() + "/results/final_missing.jsonl"); }

  FakeOpenAiServer a;
  ContraryJudge contrary;
  FakeOpenAiServer b;
  EvalRepo repo;
};

}  // namespace cc::test
