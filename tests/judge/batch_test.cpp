// The Batch API round trip: judge batch export writes the calls the cache cannot answer
// as request files within the line and byte limits, the Batch API's output (simulated
// here from the requests) is imported into the cache, and judge then finishes from the
// cache with its endpoint gone.
#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>

#include "judge/dual_judge_support.h"

namespace fs = std::filesystem;
using namespace cc::test;

namespace {

std::vector<std::string> request_files(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

// What the Batch API would return for the request files in `dir`: every request answered
// as the well-behaved judge answers, except those whose index is in `failing`, which go
// to the error file.
void simulate_batch(const EvalRepo& repo, const std::string& dir, const std::set<size_t>& failing) {
  std::string output, errors;
  size_t index = 0;
  for (const auto& f : request_files(dir))
    for (const auto& req : read_rows(f)) {
      nlohmann::json line{{"id", "batch_req_" + std::to_string(index)}, {"custom_id", req["custom_id"]}};
      if (failing.count(index++)) {
        line["response"] = nullptr;
        line["error"] = {{"code", "server_error"}, {"message", "the batch could not answer this request"}};
        errors += line.dump() + "\n";
        continue;
      }
      line["response"] = {{"status_code", 200},
                          {"request_id", "req_" + std::to_string(index)},
                          {"body", nlohmann::json::parse(well_behaved_reply(req["body"]).body)}};
      line["error"] = nullptr;
      output += line.dump() + "\n";
    }
  repo.write("output.jsonl", output);
  repo.write("errors.jsonl", errors);
}

}  // namespace

TEST_CASE("batch export, Batch API output imported, judge finishes offline", "[judge][batch]") {
  auto server = std::make_unique<FakeOpenAiServer>();
  EvalRepo repo(*server);
  std::string responses = write_responses(repo);
  auto ex = run_cli(
      {"judge", "batch", "export", "--responses", responses, "--judge", "judge", "--out", "batch", "--max-lines", "25"},
      repo.path(), repo.env());
  INFO(ex.out << ex.err);
  REQUIRE(ex.exit_code == 0);
  CHECK(server->requests() == 0);
  auto files = request_files(repo.path() + "/batch");
  REQUIRE(files.size() == 3);  // 60 calls, 25 a file
  size_t lines = 0;
  std::set<std::string> ids;
  for (const auto& f : files) {
    auto rows = read_rows(f);
    CHECK(rows.size() <= 25);
    lines += rows.size();
    for (const auto& r : rows) {
      CHECK(r["method"] == "POST");
      CHECK(r["url"] == "/v1/chat/completions");
      CHECK(r["custom_id"].get<std::string>().size() == 64);
      CHECK(r["body"]["model"] == "fake-judge");
      CHECK(r["body"]["messages"].back()["content"].get<std::string>().find("criteria_met") != std::string::npos);
      ids.insert(r["custom_id"]);
    }
    CHECK(repo.read(fs::relative(f, repo.path()).string()).find(kTestKey) == std::string::npos);
  }
  CHECK(lines == 60);
  CHECK(ids.size() == 60);

  // Two requests fail in the batch: their items stay missing; a second export asks only for them.
  simulate_batch(repo, repo.path() + "/batch", {3, 40});
  auto im = run_cli({"judge", "batch", "import", "output.jsonl", "errors.jsonl"}, repo.path(), repo.env());
  INFO(im.out << im.err);
  REQUIRE(im.exit_code == 0);
  CHECK(im.out.find("58 answers stored") != std::string::npos);
  CHECK(im.out.find("2 requests failed") != std::string::npos);
  auto again = run_cli({"judge", "batch", "export", "--responses", responses, "--judge", "judge", "--out", "batch"},
                       repo.path(), repo.env());
  REQUIRE(again.exit_code == 0);
  files = request_files(repo.path() + "/batch");
  REQUIRE(files.size() == 1);  // the earlier export's files are gone
  CHECK(read_rows(files[0]).size() == 2);
  simulate_batch(repo, repo.path() + "/batch", {});
  REQUIRE(run_cli({"judge", "batch", "import", "output.jsonl"}, repo.path(), repo.env()).exit_code == 0);

  // The endpoint is gone: judge finishes from the cache without one call.
  server.reset();
  auto judge = run_cli({"judge", "--responses", responses, "--judge", "judge", "-q"}, repo.path(), repo.env());
  INFO(judge.out << judge.err);
  REQUIRE(judge.exit_code == 0);
  auto verdicts = read_rows(repo.path() + "/results/verdicts/m1.jsonl");
  CHECK(verdicts.size() == 60);
  CHECK(read_rows(repo.path() + "/results/judge_errors.jsonl").empty());
  auto nothing = run_cli({"judge", "batch", "export", "--responses", responses, "--judge", "judge", "--out", "batch"},
                         repo.path(), repo.env());
  CHECK(nothing.exit_code == 0);
  CHECK(nothing.out.find("nothing to export") != std::string::npos);
  CHECK(request_files(repo.path() + "/batch").empty());
}

TEST_CASE("batch files keep to the byte limit and a bad output line stores nothing", "[judge][batch]") {
  FakeOpenAiServer server;
  EvalRepo repo(server);
  std::string responses = write_responses(repo);
  auto ex = run_cli({"judge", "batch", "export", "--responses", responses, "--judge", "judge", "--out", "batch",
                     "--max-bytes", "30000"},
                    repo.path(), repo.env());
  REQUIRE(ex.exit_code == 0);
  auto files = request_files(repo.path() + "/batch");
  CHECK(files.size() > 1);
  size_t lines = 0;
  for (const auto& f : files) {
    CHECK(fs::file_size(f) <= 30000);
    lines += read_rows(f).size();
  }
  CHECK(lines == 60);

  simulate_batch(repo, repo.path() + "/batch", {});
  std::string output = repo.read("output.jsonl");
  size_t second_line = output.find('\n') + 1;
  output.insert(second_line, "{\"custom_id\":\"request-1\",\"response\":{\"status_code\":200,\"body\":{}}}\n");
  repo.write("output.jsonl", output);
  auto im = run_cli({"judge", "batch", "import", "output.jsonl"}, repo.path(), repo.env());
  CHECK(im.exit_code == 2);
  CHECK(im.err.find("output.jsonl:2:") != std::string::npos);
  CHECK(im.err.find("custom_id") != std::string::npos);
  // Nothing was stored: the export still wants every call.
  auto again = run_cli({"judge", "batch", "export", "--responses", responses, "--judge", "judge", "--out", "b2"},
                       repo.path(), repo.env());
  REQUIRE(again.exit_code == 0);
  size_t wanted = 0;
  for (const auto& f : request_files(repo.path() + "/b2")) wanted += read_rows(f).size();
  CHECK(wanted == 60);
  CHECK(server.requests() == 0);
}
