// The semantic diff between two benchmarks, on hand-made data.
#include <catch2/catch.hpp>

#include "release/semantic_diff.h"

using namespace cc;

namespace {

Case c(const std::string& id, const std::string& status, const std::string& difficulty = "low") {
  Case x;
  x.case_id = id;
  x.status = status;
  x.difficulty = difficulty;
  x.subject = "心血管内科";
  x.task = "用药指导";
  x.clinical_context = "ctx";
  x.user_request = "req";
  return x;
}

Rubric r(const std::string& id, std::vector<std::pair<std::string, std::string>> items) {
  Rubric x;
  x.case_id = id;
  for (auto& [cid, text] : items) x.criteria.push_back(Criterion{cid, text, "准确性", false, 0});
  return x;
}

}  // namespace

TEST_CASE("semantic diff: cases, criteria and labels", "[release][diff]") {
  Benchmark a, b;
  a.cases = {c("CC-0001", "approved"), c("CC-0002", "approved"), c("CC-0003", "approved"), c("CC-0004", "approved"),
             c("CC-0005", "draft")};
  a.rubrics = {r("CC-0001", {{"CC-0001-R01", "x"}, {"CC-0001-R02", "y"}}), r("CC-0002", {{"CC-0002-R01", "z"}}),
               r("CC-0003", {}), r("CC-0004", {}), r("CC-0005", {})};
  a.build_index();
  // CC-0001: R02 reworded, R01 removed, R03 added, difficulty low → medium, context edited.
  // CC-0002 retired; CC-0003 back to draft (removed); CC-0004 gone (removed);
  // CC-0005 approved (added); CC-0006 new and approved (added); CC-0007 new draft (nothing).
  Case one = c("CC-0001", "approved", "medium");
  one.clinical_context = "ctx2";
  b.cases = {one,
             c("CC-0002", "retired"),
             c("CC-0003", "draft"),
             c("CC-0005", "approved"),
             c("CC-0006", "approved"),
             c("CC-0007", "draft")};
  b.rubrics = {r("CC-0001", {{"CC-0001-R02", "y2"}, {"CC-0001-R03", "w"}}),
               r("CC-0002", {{"CC-0002-R01", "z"}}),
               r("CC-0003", {}),
               r("CC-0005", {}),
               r("CC-0006", {}),
               r("CC-0007", {})};
  b.build_index();
  ReleaseDiff d = diff_benchmarks(a, b);
  CHECK(d.cases_before == 4);
  CHECK(d.cases_after == 3);
  CHECK(d.cases_added == std::vector<std::string>{"CC-0005", "CC-0006"});
  CHECK(d.cases_removed == std::vector<std::string>{"CC-0003", "CC-0004"});
  CHECK(d.cases_retired == std::vector<std::string>{"CC-0002"});
  CHECK(d.cases_text_changed == std::vector<std::string>{"CC-0001"});
  REQUIRE(d.criteria_added.size() == 1);
  CHECK(d.criteria_added[0].criterion_id == "CC-0001-R03");
  REQUIRE(d.criteria_removed.size() == 1);
  CHECK(d.criteria_removed[0].criterion_id == "CC-0001-R01");
  REQUIRE(d.criteria_reworded.size() == 1);
  CHECK(d.criteria_reworded[0].before == "y");
  CHECK(d.criteria_reworded[0].after == "y2");
  REQUIRE(d.label_changes.size() == 1);
  CHECK(d.label_changes[0].field == "difficulty");
  CHECK(d.label_changes[0].before == "low");
  CHECK(d.label_changes[0].after == "medium");
  CHECK(diff_summary(d, Lang::En) ==
        "4 → 3 released cases: 2 added, 2 removed, 1 retired; criteria: 1 added, 1 removed, 1 reworded; 1 label "
        "changes; 1 case texts edited.");
  std::string md = diff_markdown(d, "v1.0.0", "v1.1.0", Lang::En);
  CHECK(md.find("### Cases retired (1)\n\n- CC-0002\n") != std::string::npos);
  CHECK(md.find("- CC-0001-R02:\n  - y\n  + y2\n") != std::string::npos);
  CHECK(md.find("- CC-0001 difficulty: low → medium\n") != std::string::npos);
  CHECK(diff_benchmarks(b, b).empty());
}
