// The local judge endpoint as the README declares it (vLLM or llama.cpp's server): thinking
// turned off through extra_body reaches the server in every request body, no key is sent
// on loopback, and an answer that still carries thinking output is read past it.
#include <catch2/catch.hpp>

#include "judge/dual_judge_support.h"

using namespace cc::test;

TEST_CASE("the README's local judge endpoint: extra_body in every request, thinking skipped", "[judge][local]") {
  FakeOpenAiServer server([](const nlohmann::json& request, int) {
    FakeReply reply = well_behaved_reply(request);
    auto body = nlohmann::json::parse(reply.body);
    std::string content = body["choices"][0]["message"]["content"];
    body["choices"][0]["message"]["content"] = "<think>\n先看标准……\n</think>\n" + content;
    reply.body = body.dump();
    return reply;
  });
  EvalRepo repo(server);
  std::ofstream(repo.path() + "/clinconsensus.yaml", std::ios::app)
      << "  local-judge:\n"
      << "    base_url: " << server.base_url() << "\n"
      << "    model: ClinConsensus-Judge-8B\n"
      << "    max_concurrency: 32\n"
      << "    temperature: 0\n"
      << "    max_tokens: 1024\n"
      << "    extra_body: {chat_template_kwargs: {enable_thinking: false}}\n";
  auto r = run_cli({"judge", "--responses", write_responses(repo), "--judge", "local-judge", "-q"}, repo.path());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(read_rows(repo.path() + "/results/verdicts/m1.jsonl").size() == 60);
  REQUIRE(server.requests() == 60);
  for (const auto& body : server.bodies()) {
    CHECK(body["chat_template_kwargs"]["enable_thinking"] == false);
    CHECK(body["model"] == "ClinConsensus-Judge-8B");
    CHECK(body["temperature"] == 0);
    CHECK(body["max_tokens"] == 1024);
  }
  for (const auto& auth : server.authorizations()) CHECK(auth.empty());
}
