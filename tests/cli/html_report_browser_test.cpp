// The HTML reports in a real browser: score's report.html, `coverage --format html` and
// release cut's coverage.html, each rendered by headless Chromium from a file:// URL with
// the network cut off. Each report is opened twice (DOM, screenshot). Without chromium on
// PATH the browser half of each test is skipped with a message; CI installs it
// (tools/scripts/install-deps.sh).
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/browser.h"
#include "release/git_test_support.h"
#include "test_support.h"

using namespace cc::test;

namespace {

// What every report must be without a browser: one file, nothing fetched when viewed.
void check_self_contained(const std::string& html) {
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=", 0) == 0);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find(" src=") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("url(http") == std::string::npos);
  // The only URL is the SVG namespace, which is a name, not a request.
  CHECK(count_of(html, "http") == count_of(html, "http://www.w3.org/2000/svg"));
  CHECK(html.find("\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif") != std::string::npos);
}

// Opens `page` in the browser twice; returns the DOM after checking there was no console
// message and that the screenshot is a 1280 × 2000 image with ink on it. "" when skipped.
std::string open_in_browser(const std::string& page, const std::string& png) {
  auto chromium = find_chromium();
  if (!chromium) {
    WARN("chromium is not installed: the browser checks of " << page
                                                             << " are skipped "
                                                                "(tools/scripts/install-deps.sh installs it)");
    return "";
  }
  BrowserRun dom = dump_dom(*chromium, page);
  INFO(dom.err);
  REQUIRE(dom.exit_code == 0);
  CHECK(console_messages(dom.err).empty());
  CHECK(dom.out.find("</html>") != std::string::npos);
  BrowserRun shot = screenshot(*chromium, page, png);
  INFO(shot.err);
  REQUIRE(shot.exit_code == 0);
  CHECK(console_messages(shot.err).empty());
  auto ink = png_ink(png);
  REQUIRE(ink.has_value());
  CHECK(ink->width == 1280);
  CHECK(ink->height == 2000);
  // A blank page has no ink; the reports' first screen (text, charts) inks well over 2 % of
  // it (the score fixture's about 5 %, coverage's heatmap far more).
  CHECK(ink->inked > 1280ull * 2000 / 50);
  return dom.out;
}

std::string fx(const std::string& rel) { return fixtures_dir() + "/scoring/" + rel; }

}  // namespace

TEST_CASE("score: report.html holds every model and slice, in a real browser", "[cli][score][html][browser]") {
  TempDir dir;
  // Two judges: the page also shows their agreement.
  auto r = run_cli({"score", "--cases", fx("cases.jsonl"), "--verdicts", fx("judge-a.jsonl"), fx("judge-b"), "--judge",
                    "judge-a", "--k", "2", "--out", "out"},
                   dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string html = dir.read("out/report.html");
  check_self_contained(html);
  // Same input, same bytes; and the manifest lists the page.
  REQUIRE(run_cli({"score", "--cases", fx("cases.jsonl"), "--verdicts", fx("judge-a.jsonl"), fx("judge-b"), "--judge",
                   "judge-a", "--k", "2", "--out", "again"},
                  dir.path())
              .exit_code == 0);
  CHECK(dir.read("again/report.html") == html);
  CHECK(dir.read("out/run_manifest.json").find("\"report.html\"") != std::string::npos);
  // The leaderboard comes first, then the curves with k marked.
  CHECK(html.find("id=\"leaderboard\"") < html.find("id=\"sweep\""));
  CHECK(html.find("k = 2</text>") != std::string::npos);

  const std::string dom = open_in_browser(dir.path() + "/out/report.html", dir.path() + "/report.png");
  if (dom.empty()) return;
  // Every slice of summary.csv is a row of a heatmap, and every model a column.
  std::istringstream csv(dir.read("out/summary.csv"));
  std::string line;
  std::getline(csv, line);
  std::set<std::string> models, slices;
  while (std::getline(csv, line)) {
    const size_t a = line.find(','), b = line.find(',', a + 1);
    models.insert(line.substr(0, a));
    const std::string slice = line.substr(a + 1, b - a - 1);
    if (slice != "overall") slices.insert(slice.substr(slice.find(':') == std::string::npos ? 0 : slice.find(':') + 1));
  }
  REQUIRE(models == std::set<std::string>{"m1", "m2"});
  REQUIRE(slices.size() > 8);
  for (const auto& m : models) CHECK(count_of(dom, ">" + m + "<") >= 4);
  for (const auto& s : slices) {
    INFO(s);
    CHECK(dom.find(">" + (s == "true" ? std::string("critical criteria") : s) + "<") != std::string::npos);
  }
  // One cell per slice and model, plus the 2 × 2 paired-difference matrix.
  CHECK(count_of(dom, "class=\"cell\"") == slices.size() * 2 + 4);
  for (const char* id : {"leaderboard", "sweep", "pairs", "slices", "items", "agreement", "about"})
    CHECK(dom.find(std::string("<section id=\"") + id + "\"") != std::string::npos);
}

TEST_CASE("coverage --format html: the 36 × 12 cells and every label, in a real browser",
          "[cli][coverage][html][browser]") {
  TempDir dir;
  const std::string page = dir.path() + "/coverage.html";
  auto r = run_cli({"-C", source_dir(), "coverage", "--no-cache", "--format", "html", "--suggest", "5", "--out", page},
                   dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string html = dir.read("coverage.html");
  check_self_contained(html);
  auto json = run_cli({"-C", source_dir(), "coverage", "--no-cache", "--format", "json", "--suggest", "5"}, dir.path());
  REQUIRE(json.exit_code == 0);
  const auto doc = nlohmann::json::parse(json.out);
  REQUIRE(doc["specialties"].size() == 36);
  REQUIRE(doc["tasks"].size() == 12);
  // Chinese headings with --lang zh, from the same renderer.
  auto zh = run_cli({"-C", source_dir(), "--lang", "zh", "coverage", "--no-cache", "--format", "html"}, dir.path());
  REQUIRE(zh.exit_code == 0);
  CHECK(zh.out.find("<html lang=\"zh-CN\">") != std::string::npos);
  CHECK(zh.out.find("科室 × 任务类型（按主标签）") != std::string::npos);

  const std::string dom = open_in_browser(page, dir.path() + "/coverage.png");
  if (dom.empty()) return;
  CHECK(count_of(dom, "class=\"cell\"") == 36 * 12);
  for (int s = 0; s < 36; ++s)
    for (int t = 0; t < 12; ++t)
      CHECK(dom.find("data-row=\"" + std::to_string(s) + "\" data-col=\"" + std::to_string(t) + "\"") !=
            std::string::npos);
  for (const auto& l : doc["specialties"]) CHECK(dom.find(">" + l["zh"].get<std::string>() + "<") != std::string::npos);
  for (const auto& l : doc["tasks"]) CHECK(dom.find(">" + l["zh"].get<std::string>() + "<") != std::string::npos);
  for (const char* dim : {"difficulty", "care_stage", "audience", "axis"})
    CHECK(dom.find(std::string("id=\"bars-") + dim + "\"") != std::string::npos);
  CHECK(dom.find("id=\"table-misses\"") != std::string::npos);
  const size_t suggest = dom.find("id=\"table-suggest\"");
  REQUIRE(suggest != std::string::npos);
  CHECK(count_of(dom.substr(suggest, dom.find("</table>", suggest) - suggest), "<tr>") == 6);  // heading + 5
}

TEST_CASE("release cut writes coverage.html beside coverage.md, and it renders", "[cli][release][html][browser]") {
  GitTempRepo repo;
  repo.add_case("cardiology", "CC-0001");
  repo.add_case("tcm", "CC-0031", "draft");
  repo.commit_all("benchmark");
  auto cut = run_cli({"release", "cut", "1.0.0"}, repo.path());
  INFO(cut.out << cut.err);
  REQUIRE(cut.exit_code == 0);
  const std::string html = repo.read("reports/v1.0.0/coverage.html");
  check_self_contained(html);
  CHECK(repo.read("reports/v1.0.0/MANIFEST.sha256").find("  coverage.html\n") != std::string::npos);
  auto verify = run_cli({"release", "verify", "1.0.0"}, repo.path());
  INFO(verify.out << verify.err);
  CHECK(verify.exit_code == 0);

  TempDir shots;
  const std::string dom =
      open_in_browser(repo.path() + "/reports/v1.0.0/coverage.html", shots.path() + "/coverage.png");
  if (dom.empty()) return;
  CHECK(dom.find("<title>Coverage of v1.0.0</title>") != std::string::npos);
  CHECK(count_of(dom, "class=\"cell\"") == 36 * 12);
  // One released case (CC-0031 is a draft): one cell holds 1, the rest 0.
  CHECK(dom.find("1 cases (target ") != std::string::npos);
}

TEST_CASE("the browser checks see a console error and a blank page", "[cli][html][browser]") {
  auto chromium = find_chromium();
  if (!chromium) {
    WARN("chromium is not installed: the browser checks are skipped (tools/scripts/install-deps.sh installs it)");
    return;
  }
  TempDir dir;
  dir.write("blank.html",
            "<!DOCTYPE html><html><body><script>console.error('boom'); notDefined();</script></body></html>");
  BrowserRun shot = screenshot(*chromium, dir.path() + "/blank.html", dir.path() + "/blank.png");
  INFO(shot.err);
  REQUIRE(shot.exit_code == 0);
  const std::string console = console_messages(shot.err);
  CHECK(console.find("boom") != std::string::npos);
  CHECK(console.find("notDefined") != std::string::npos);
  auto ink = png_ink(dir.path() + "/blank.png");
  REQUIRE(ink.has_value());
  CHECK(ink->width == 1280);
  CHECK(ink->inked == 0);
  CHECK_FALSE(png_ink(dir.path() + "/blank.html").has_value());
}
