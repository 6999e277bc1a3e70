// Unit tests of the final-verdict policy and the second judge's stratified sample.
#include <catch2/catch.hpp>

#include <map>

#include "judge/judge_policy.h"
#include "judge/stratified_sample.h"

using namespace cc::judge;

TEST_CASE("final verdicts follow the policy and are never guessed", "[judge][policy]") {
  PairVerdicts agree{true, true, true, std::nullopt, std::nullopt};
  PairVerdicts differ{true, true, false, std::nullopt, std::nullopt};
  PairVerdicts unsampled{false, false, std::nullopt, std::nullopt, std::nullopt};
  PairVerdicts second_failed{true, true, std::nullopt, std::nullopt, std::nullopt};
  PairVerdicts first_failed{std::nullopt, true, true, std::nullopt, std::nullopt};
  PairVerdicts settled{true, true, false, false, std::nullopt};

  CHECK(*final_verdict(JudgePolicy::Primary, differ).met == true);
  CHECK(*final_verdict(JudgePolicy::Primary, second_failed).met == true);
  CHECK_FALSE(final_verdict(JudgePolicy::Primary, first_failed).met);
  CHECK(final_verdict(JudgePolicy::Primary, first_failed).reason == "final/no-first");

  CHECK(*final_verdict(JudgePolicy::AgreedOnly, agree).met == true);
  CHECK(final_verdict(JudgePolicy::AgreedOnly, agree).source == "both");
  CHECK_FALSE(final_verdict(JudgePolicy::AgreedOnly, differ).met);
  CHECK(final_verdict(JudgePolicy::AgreedOnly, differ).reason == "final/differ");
  CHECK(*final_verdict(JudgePolicy::AgreedOnly, unsampled).met == false);
  CHECK(final_verdict(JudgePolicy::AgreedOnly, second_failed).reason == "final/no-second");

  CHECK(needs_arbiter(JudgePolicy::Escalate, differ));
  CHECK_FALSE(needs_arbiter(JudgePolicy::AgreedOnly, differ));
  CHECK_FALSE(needs_arbiter(JudgePolicy::Escalate, agree));
  CHECK_FALSE(needs_arbiter(JudgePolicy::Escalate, second_failed));
  CHECK(final_verdict(JudgePolicy::Escalate, differ).reason == "final/review");
  CHECK(*final_verdict(JudgePolicy::Escalate, settled).met == false);
  CHECK(final_verdict(JudgePolicy::Escalate, settled).source == "arbiter");

  // A physician's label settles a criterion under every policy, and no arbiter is asked.
  PairVerdicts reviewed = differ;
  reviewed.physician = false;
  for (JudgePolicy p : {JudgePolicy::Primary, JudgePolicy::AgreedOnly, JudgePolicy::Escalate}) {
    CHECK(*final_verdict(p, reviewed).met == false);
    CHECK(final_verdict(p, reviewed).source == "physician");
  }
  CHECK_FALSE(needs_arbiter(JudgePolicy::Escalate, reviewed));
}

TEST_CASE("the stratified sample takes a seeded share of every stratum", "[judge][policy]") {
  std::vector<SampleUnit> units;
  for (int i = 0; i < 40; ++i) units.push_back({"a", "a" + std::to_string(i)});
  for (int i = 0; i < 8; ++i) units.push_back({"b", "b" + std::to_string(i)});
  units.push_back({"c", "only"});
  auto pick = stratified_sample(units, 0.25, 42);
  std::map<std::string, int> per;
  for (size_t i = 0; i < units.size(); ++i)
    if (pick[i]) ++per[units[i].stratum];
  CHECK(per["a"] == 10);
  CHECK(per["b"] == 2);
  CHECK(per["c"] == 1);  // every stratum is represented
  CHECK(stratified_sample(units, 0.25, 42) == pick);
  CHECK(stratified_sample(units, 0.25, 43) != pick);
  // A larger share picks a superset.
  auto more = stratified_sample(units, 0.5, 42);
  for (size_t i = 0; i < units.size(); ++i)
    if (pick[i]) CHECK(more[i]);
  // The order of the units does not change the choice.
  std::vector<SampleUnit> reversed(units.rbegin(), units.rend());
  auto back = stratified_sample(reversed, 0.25, 42);
  for (size_t i = 0; i < units.size(); ++i) CHECK(back[units.size() - 1 - i] == pick[i]);
  auto all = stratified_sample(units, 1, 42);
  CHECK(std::count(all.begin(), all.end(), true) == static_cast<long>(units.size()));
}
