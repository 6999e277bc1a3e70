#pragma once
// What the two-judge tests share: a second judge that contradicts the well-behaved one on
// a known share of the criteria, and reading verdict rows back.
#include <atomic>
#include <fstream>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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

}  // namespace cc::test
