#pragma once
// A benchmark repository for the evaluation tests: two shipped cases, the shipped judge
// prompts, and endpoints pointing at a FakeOpenAiServer on 127.0.0.1.
#include <filesystem>
#include <fstream>
#include <string>

#include "judge/fake_openai_server.h"
#include "test_support.h"

namespace cc::test {

inline constexpr const char* kTestKey = "sk-test-SECRET-4f1c2a9e7b";

// The settings both test endpoints get.
struct EndpointSettings {
  int max_concurrency = 4;
  int max_retries = 2;
  double timeout_s = 10;
  std::string extra;                         // more keys (YAML lines indented by 4)
  std::string judge_mode = "per-criterion";  // judge.mode
};

class EvalRepo : public TempRepo {
 public:
  explicit EvalRepo(const FakeOpenAiServer& server, const EndpointSettings& s = {}) {
    add_shipped_case("cardiology", "CC-0001");
    add_shipped_case("endocrinology", "CC-0006");
    std::filesystem::copy(std::filesystem::path(source_dir()) / "prompts", std::filesystem::path(path()) / "prompts",
                          std::filesystem::copy_options::recursive);
    // The shipped config has a judge: block; the test chooses its mode.
    std::string config = read("clinconsensus.yaml");
    std::string mode = "  mode: per-criterion";
    config.replace(config.find(mode), mode.size(), "  mode: " + s.judge_mode);
    write("clinconsensus.yaml", config);
    std::ofstream cfg(path() + "/clinconsensus.yaml", std::ios::app);
    cfg << "\nendpoints:\n";
    for (const char* name : {"cand", "judge"}) {
      cfg << "  " << name << ":\n"
          << "    base_url: " << server.base_url() << "\n"
          << "    model: fake-" << name << "\n"
          << "    api_key_env: CC_TEST_KEY\n"
          << "    max_concurrency: " << s.max_concurrency << "\n"
          << "    max_retries: " << s.max_retries << "\n"
          << "    timeout_s: " << s.timeout_s << "\n"
          << s.extra;
    }
  }
  std::vector<std::string> env() const { return {std::string("CC_TEST_KEY=") + kTestKey}; }
  // Declares one more endpoint `name` (model "fake-<name>") on `server`.
  void add_endpoint(const std::string& name, const FakeOpenAiServer& server) const {
    std::ofstream cfg(path() + "/clinconsensus.yaml", std::ios::app);
    cfg << "  " << name << ":\n"
        << "    base_url: " << server.base_url() << "\n"
        << "    model: fake-" << name << "\n"
        << "    api_key_env: CC_TEST_KEY\n"
        << "    max_concurrency: 4\n"
        << "    max_retries: 2\n"
        << "    timeout_s: 10\n";
  }
  // Sets judge.policy in clinconsensus.yaml.
  void set_judge_policy(const std::string& policy) const {
    std::string config = read("clinconsensus.yaml");
    std::string at = "judge:\n";
    config.insert(config.find(at) + at.size(), "  policy: " + policy + "\n");
    write("clinconsensus.yaml", config);
  }
};

}  // namespace cc::test
