// The verdict readers: each input layout, each value spelling, and each error with its
// file and line.
#include <catch2/catch.hpp>

#include "scoring/input/verdict_collection.h"
#include "scoring_fixtures.h"
#include "test_support.h"

using namespace cc::scoring;
using cc::Diagnostic;
using cc::Severity;
using cc::test::make_cases;
using cc::test::TempDir;

namespace {

VerdictCollection read(const TempDir& dir, const std::vector<std::string>& files, const CaseSet& set,
                       const std::string& judge = "") {
  std::vector<VerdictInput> in;
  for (const auto& f : files) in.push_back({f, dir.path() + "/" + f, judge});
  ReadVerdictsOptions o;
  o.threads = 2;
  return read_verdicts(in, set, o);
}

std::vector<const Diagnostic*> with_rule(const VerdictCollection& v, const std::string& rule) {
  std::vector<const Diagnostic*> out;
  for (const auto& d : v.diagnostics)
    if (d.rule == rule) out.push_back(&d);
  return out;
}

std::string line(const std::string& model, const std::string& criterion, const std::string& met,
                 const std::string& judge = "j") {
  std::string case_id = criterion.substr(0, 7);
  return R"({"model": ")" + model + R"(", "case_id": ")" + case_id + R"(", "criterion_id": ")" + criterion +
         R"(", "judge": ")" + judge + R"(", "criteria_met": )" + met + R"(, "explanation": "…"})" + "\n";
}

}  // namespace

TEST_CASE("verdict values: booleans and the accepted strings", "[score][verdict]") {
  for (const char* t : {"true", "TRUE", " yes ", "1", "met", "Met"})
    CHECK(verdict_from_text(t) == std::optional<bool>(true));
  for (const char* f : {"false", "0", "no", "not met", "NOT_MET", "unmet"})
    CHECK(verdict_from_text(f) == std::optional<bool>(false));
  for (const char* x : {"", "maybe", "2", "truee", "partially met"}) CHECK_FALSE(verdict_from_text(x));
}

TEST_CASE("model names come from <model>_judge.json", "[score][verdict]") {
  CHECK(model_from_file_name("runs/gpt-4o_judge.json") == "gpt-4o");
  CHECK(model_from_file_name("qwen2.5-72b_judge.jsonl") == "qwen2.5-72b");
  CHECK(model_from_file_name("dir/plain.json") == "plain");
}

TEST_CASE("our JSONL: verdicts placed by criterion id", "[score][verdict]") {
  TempDir dir;
  CaseSet set = make_cases({3, 2});
  dir.write("v.jsonl", line("m1", "CC-0001-R02", "true") + line("m1", "CC-0001-R01", "false") + "\n" +
                           line("m1", "CC-0001-R03", "true") + line("m1", "CC-0002-R01", "true") +
                           line("m1", "CC-0002-R02", "false") + line("m2", "CC-0001-R01", "true", "k"));
  VerdictCollection v = read(dir, {"v.jsonl"}, set);
  CHECK(v.diagnostics.empty());
  REQUIRE(v.tables.size() == 2);
  CHECK(v.tables[0].judge == "j");
  CHECK(v.tables[0].model == "m1");
  CHECK(v.tables[1].judge == "k");
  const auto& c = v.tables[0].cells;
  CHECK(c == std::vector<Verdict>{Verdict::NotMet, Verdict::Met, Verdict::Met, Verdict::Met, Verdict::NotMet});
  CHECK(v.verdicts == 6);
  REQUIRE(v.inputs.size() == 1);
  CHECK(v.inputs[0].sha256.size() == 64);
}

TEST_CASE("our JSONL: lines without criterion_id are placed in order", "[score][verdict]") {
  TempDir dir;
  CaseSet set = make_cases({2});
  dir.write("v.jsonl", R"({"model": "m", "case_id": "CC-0001", "criteria_met": true})"
                       "\n"
                       R"({"model": "m", "case_id": "CC-0001", "criteria_met": false})"
                       "\n"
                       R"({"model": "m", "case_id": "CC-0001", "criteria_met": false})"
                       "\n");
  VerdictCollection v = read(dir, {"v.jsonl"}, set);
  REQUIRE(v.tables.size() == 1);
  CHECK(v.tables[0].cells == std::vector<Verdict>{Verdict::Met, Verdict::NotMet});
  auto extra = with_rule(v, "verdict/unknown-criterion");
  REQUIRE(extra.size() == 1);
  CHECK(extra[0]->line == 3);
}

TEST_CASE("our JSONL: every error names its file and line", "[score][verdict]") {
  TempDir dir;
  CaseSet set = make_cases({3});
  dir.write("v.jsonl", line("m", "CC-0001-R01", "true") +            // 1
                           line("m", "CC-0001-R01", "true") +        // 2 duplicate
                           line("m", "CC-0001-R02", "true") +        // 3
                           line("m", "CC-0001-R02", "false") +       // 4 conflict
                           line("m", "CC-0009-R01", "true") +        // 5 unknown case
                           line("m", "CC-0001-R07", "true") +        // 6 unknown criterion
                           line("m", "CC-0001-R03", R"("maybe")") +  // 7 unreadable value
                           "{\"model\": \"m\", \"case_id\": \n" +    // 8 broken JSON
                           R"({"case_id": "CC-0001", "criteria_met": true})"
                           "\n" +        // 9 no model
                           "[1, 2]\n" +  // 10 not an object
                           R"({"model": 5, "case_id": "CC-0001", "criteria_met": true})"
                           "\n");  // 11 wrong type
  VerdictCollection v = read(dir, {"v.jsonl"}, set);
  auto at = [&](const std::string& rule) {
    auto d = with_rule(v, rule);
    std::vector<int> lines;
    for (auto* x : d) {
      CHECK(x->file == "v.jsonl");
      CHECK(x->severity == Severity::Error);
      lines.push_back(x->line);
    }
    return lines;
  };
  CHECK(at("verdict/duplicate") == std::vector<int>{2});
  CHECK(at("verdict/conflict") == std::vector<int>{4});
  CHECK(at("verdict/unknown-case") == std::vector<int>{5});
  CHECK(at("verdict/unknown-criterion") == std::vector<int>{6});
  CHECK(at("verdict/not-boolean") == std::vector<int>{7});
  CHECK(at("verdict/json") == std::vector<int>{8});
  CHECK(at("verdict/parse") == std::vector<int>{9, 10, 11});
  auto conflict = with_rule(v, "verdict/conflict");
  CHECK(conflict[0]->message.find("v.jsonl:3") != std::string::npos);  // where the first verdict is
  // The first verdicts stand; the unreadable one is recorded as such.
  CHECK(v.tables[0].cells == std::vector<Verdict>{Verdict::Met, Verdict::Met, Verdict::Unreadable});
}

TEST_CASE("public layout: the three list keys, values by string, number and position", "[score][verdict]") {
  TempDir dir;
  CaseSet set = make_cases({3, 3, 3});
  dir.write("gpt-x_judge.json", R"([
  {"case_id": "CC-0001", "criteria_results": [{"criterion_id": "CC-0001-R03", "criteria_met": "met"},
                                              {"criterion_id": "CC-0001-R01", "criteria_met": 0},
                                              {"criterion_id": "CC-0001-R02", "criteria_met": "No"}]},
  {"case_id": "CC-0002", "rubric_results": [{"criteria_met": true}, {"criteria_met": "1"}, {"criteria_met": false}]},
  {"case_id": "CC-0003", "judge": "jj", "rubric_judgments": [{"criteria_met": true}]}
])");
  VerdictCollection v = read(dir, {"gpt-x_judge.json"}, set);
  // "met", 0, "No" and "1" are read as the public evaluator reads them, with one warning.
  REQUIRE(v.diagnostics.size() == 1);
  CHECK(v.diagnostics[0].rule == "verdict/coerced");
  REQUIRE(v.tables.size() == 2);  // judge "" and judge "jj"
  CHECK(v.tables[0].model == "gpt-x");
  CHECK(v.tables[0].judge.empty());
  CHECK(v.tables[0].cells == std::vector<Verdict>{Verdict::NotMet, Verdict::NotMet, Verdict::Met, Verdict::Met,
                                                  Verdict::Met, Verdict::NotMet, Verdict::None, Verdict::None,
                                                  Verdict::None});
  CHECK(v.tables[1].judge == "jj");
  CHECK(v.tables[1].cells[6] == Verdict::Met);
}

TEST_CASE("public layout: errors with the line of their row", "[score][verdict]") {
  TempDir dir;
  CaseSet set = make_cases({2});
  dir.write("m_judge.json",
            "[\n"
            "  {\"case_id\": \"CC-0001\", \"criteria_results\": [{\"criteria_met\": true}]},\n"      // 2
            "  {\"case_id\": \"CC-0404\", \"criteria_results\": [{\"criteria_met\": true}]},\n"      // 3
            "  {\"case_id\": \"CC-0001\", \"criteria_results\": [{\"criteria_met\": false}]},\n"     // 4 conflict
            "  {\"case_id\": \"CC-0001\", \"criteria_results\": [], \"rubric_results\": []},\n"      // 5
            "  {\"case_id\": \"CC-0001\"},\n"                                                        // 6
            "  {\"case_id\": \"CC-0001\", \"criteria_results\": [true]},\n"                          // 7
            "  7,\n"                                                                                 // 8
            "  {\"case_id\": \"CC-0001\", \"criteria_results\": [{}, {}, {\"criteria_met\": 1}]}\n"  // 9
            "]\n");
  VerdictCollection v = read(dir, {"m_judge.json"}, set);
  auto lines = [&](const std::string& rule) {
    std::vector<int> out;
    for (auto* d : with_rule(v, rule)) out.push_back(d->line);
    return out;
  };
  CHECK(lines("verdict/unknown-case") == std::vector<int>{3});
  CHECK(lines("verdict/conflict") == std::vector<int>{4});
  CHECK(lines("verdict/parse") == std::vector<int>{5, 6, 7, 8});
  CHECK(lines("verdict/unknown-criterion") == std::vector<int>{9});  // position 3 of a 2-criterion case
  CHECK(lines("verdict/value") == std::vector<int>{9, 9});           // both {} lack criteria_met
}

TEST_CASE("public layout: broken JSON and a non-list are reported, not crashed on", "[score][verdict]") {
  TempDir dir;
  CaseSet set = make_cases({2});
  dir.write("a_judge.json", "[{\"case_id\": \"CC-0001\", \"criteria_results\": [{\"criteria_met\": tru");
  dir.write("b_judge.json",
            "[\n{\"case_id\": \"CC-0001\", \"criteria_results\": [{\"criteria_met\": true}]},\n{\"case_id\": \n");
  dir.write("c_judge.json", "[]");
  dir.write("d_judge.json", "\xEF\xBB\xBF  \n");
  dir.write("e_judge.json", "\"just a string\"");
  VerdictCollection v =
      read(dir, {"a_judge.json", "b_judge.json", "c_judge.json", "d_judge.json", "e_judge.json"}, set);
  CHECK_FALSE(with_rule(v, "verdict/json").empty());
  int empty = 0;
  for (auto* d : with_rule(v, "verdict/empty")) empty += d->severity == Severity::Warning;
  CHECK(empty >= 2);  // c and d
  CHECK_FALSE(v.unreadable);
}

TEST_CASE("folders give their verdict files in name order; missing paths are unreadable", "[score][verdict]") {
  TempDir dir;
  CaseSet set = make_cases({1});
  dir.write("runs/b_judge.json", R"([{"case_id": "CC-0001", "criteria_results": [{"criteria_met": true}]}])");
  dir.write("runs/a_judge.json", R"([{"case_id": "CC-0001", "criteria_results": [{"criteria_met": false}]}])");
  dir.write("runs/README.md", "not a verdict file");
  VerdictCollection v = read(dir, {"runs"}, set);
  REQUIRE(v.inputs.size() == 2);
  CHECK(v.inputs[0].path == "runs/a_judge.json");
  CHECK(v.tables.size() == 2);
  VerdictCollection missing = read(dir, {"nowhere.jsonl"}, set);
  CHECK(missing.unreadable);
  dir.write("empty/.keep", "");
  CHECK(read(dir, {"empty"}, set).unreadable);
}

TEST_CASE("a file repeating one mistake is capped per rule", "[score][verdict]") {
  TempDir dir;
  CaseSet set = make_cases({1});
  std::string text;
  for (int i = 0; i < 500; ++i) text += line("m", "CC-0404-R01", "true");
  dir.write("v.jsonl", text);
  VerdictCollection v = read(dir, {"v.jsonl"}, set);
  CHECK(with_rule(v, "verdict/unknown-case").size() == 21);  // 20 listed + one note counting the rest
  bool counted = false;
  for (auto* d : with_rule(v, "verdict/unknown-case"))
    counted = counted || (d->severity == Severity::Note && d->message.find("480") != std::string::npos);
  CHECK(counted);
}

TEST_CASE("our JSONL: criteria_met must be a JSON boolean, as the verdict schema says", "[score][verdict][strict]") {
  TempDir dir;
  CaseSet set = make_cases({5});
  dir.write("v.jsonl", line("m", "CC-0001-R01", "true") +             // 1
                           line("m", "CC-0001-R02", R"("true")") +    // 2
                           line("m", "CC-0001-R03", R"(" TRUE ")") +  // 3
                           line("m", "CC-0001-R04", R"("yes")") +     // 4
                           line("m", "CC-0001-R05", "1"));            // 5
  VerdictCollection v = read(dir, {"v.jsonl"}, set);
  std::vector<int> lines;
  for (auto* d : with_rule(v, "verdict/not-boolean")) {
    CHECK(d->severity == Severity::Error);
    CHECK(d->file == "v.jsonl");
    CHECK(d->message.find("write true or false") != std::string::npos);
    lines.push_back(d->line);
  }
  CHECK(lines == std::vector<int>{2, 3, 4, 5});
  CHECK(with_rule(v, "verdict/not-boolean")[2]->message.find("\"yes\"") != std::string::npos);
  REQUIRE(v.tables.size() == 1);
  CHECK(v.tables[0].cells == std::vector<Verdict>{Verdict::Met, Verdict::Unreadable, Verdict::Unreadable,
                                                  Verdict::Unreadable, Verdict::Unreadable});
  CHECK(v.coerced == 0);
}

TEST_CASE("public layout: coerced values are read and counted in one warning per file", "[score][verdict][strict]") {
  TempDir dir;
  CaseSet set = make_cases({4, 4});
  dir.write("a_judge.json",
            "[\n"
            "  {\"case_id\": \"CC-0001\", \"criteria_results\": [{\"criteria_met\": true},\n"       // 2
            "    {\"criteria_met\": \"true\"},\n"                                                   // 3
            "    {\"criteria_met\": \" TRUE \"}, {\"criteria_met\": \"yes\"}]},\n"                  // 4
            "  {\"case_id\": \"CC-0002\", \"criteria_results\": [{\"criteria_met\": 1},\n"          // 5
            "    {\"criteria_met\": false}, {\"criteria_met\": 0}, {\"criteria_met\": \"no\"}]}\n"  // 6
            "]\n");
  VerdictCollection v = read(dir, {"a_judge.json"}, set);
  auto warned = with_rule(v, "verdict/coerced");
  REQUIRE(warned.size() == 1);
  CHECK(warned[0]->severity == Severity::Warning);
  CHECK(warned[0]->file == "a_judge.json");
  CHECK(warned[0]->line == 3);  // the first value that is not a boolean
  CHECK(warned[0]->message.find("6 criteria_met values") != std::string::npos);
  CHECK(warned[0]->message.find("\"true\"") != std::string::npos);
  CHECK(v.coerced == 6);
  CHECK(v.coerced_example == "a_judge.json:3");
  REQUIRE(v.tables.size() == 1);
  CHECK(v.tables[0].cells == std::vector<Verdict>{Verdict::Met, Verdict::Met, Verdict::Met, Verdict::Met, Verdict::Met,
                                                  Verdict::NotMet, Verdict::NotMet, Verdict::NotMet});
}

TEST_CASE("a truncated verdict file is reported where it breaks, not at 1:1", "[score][verdict][truncated]") {
  TempDir dir;
  CaseSet set = make_cases({2});
  dir.write("m_judge.json",
            "[\n"
            "  {\"case_id\": \"CC-0001\", \"criteria_results\": [{\"criteria_met\": true},\n"
            "    {\"criteria_met\": fal");  // line 3, cut off after column 24
  dir.write("v.jsonl", line("m", "CC-0001-R01", "true") + R"({"model": "m", "case_id": "CC-0001", "crit)");
  VerdictCollection v = read(dir, {"m_judge.json", "v.jsonl"}, set);
  auto broken = with_rule(v, "verdict/json");
  REQUIRE(broken.size() == 2);
  CHECK(broken[0]->file == "m_judge.json");
  CHECK(broken[0]->line == 3);
  CHECK(broken[0]->column == 25);
  CHECK(broken[1]->file == "v.jsonl");
  CHECK(broken[1]->line == 2);
  CHECK(broken[1]->column == 43);  // just after `"crit`, where the line ends too early
  // A syntax error inside the text is reported at its own character.
  dir.write("x_judge.json", "[\n  {\"case_id\": \"CC-0001\", \"criteria_results\": [}\n]\n");
  VerdictCollection x = read(dir, {"x_judge.json"}, set);
  auto bad = with_rule(x, "verdict/json");
  REQUIRE(bad.size() == 1);
  CHECK(bad[0]->line == 2);
  CHECK(bad[0]->column == 47);  // the '}'
}
