// cat's reading of the judge's verdict rows: counts per bank item, blank lines passed
// over, a broken row named by file and line.
#include <catch2/catch.hpp>

#include "irt/cat_run.h"
#include "test_support.h"

using namespace cc::irt;

namespace {

// A criterion bank of two items, one trial each.
ItemBank two_item_bank() {
  ItemBank bank;
  bank.ids = {"CC-0001-01", "CC-0001-02"};
  bank.case_ids = {"CC-0001", "CC-0001"};
  bank.params.resize(2);
  bank.trials = {1, 1};
  group_items_by_case(bank);
  return bank;
}

}  // namespace

TEST_CASE("cat verdicts: whitespace-only lines are passed over like empty ones", "[irt]") {
  cc::test::TempDir dir;
  dir.write("cand.jsonl",
            "{\"case_id\":\"CC-0001\",\"criterion_id\":\"CC-0001-01\",\"criteria_met\":true}\n"
            "   \n"
            "\t\r\n"
            "\n"
            "{\"case_id\":\"CC-0001\",\"criterion_id\":\"CC-0001-02\",\"criteria_met\":false}\n");
  std::vector<uint8_t> met, trials;
  auto read = read_cat_verdicts(dir.path() + "/cand.jsonl", two_item_bank(), met, trials, cc::Lang::En);
  INFO((read.ok() ? std::string() : read.error().message));
  REQUIRE(read.ok());
  CHECK(met == std::vector<uint8_t>{1, 0});
  CHECK(trials == std::vector<uint8_t>{1, 1});
}

TEST_CASE("cat verdicts: a row that is not a verdict names its file and line", "[irt]") {
  cc::test::TempDir dir;
  dir.write("cand.jsonl",
            "{\"case_id\":\"CC-0001\",\"criterion_id\":\"CC-0001-01\",\"criteria_met\":true}\n"
            "{\"case_id\":\"CC-0001\",\"criterion_id\":\"CC-0001-02\"}\n");
  std::vector<uint8_t> met, trials;
  auto read = read_cat_verdicts(dir.path() + "/cand.jsonl", two_item_bank(), met, trials, cc::Lang::En);
  REQUIRE_FALSE(read.ok());
  CHECK(read.error().message.find("cand.jsonl:2: not a verdict row") != std::string::npos);
}
