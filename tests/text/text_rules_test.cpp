// Unit tests of the Chinese-text rules (tools/text): exact byte ranges and replacements
// for each rule, many near misses that must stay silent (numbers, Latin abbreviations,
// URLs, chemical names, …), and a property: the shipped benchmark is clean.
#include <catch2/catch.hpp>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/yaml_loader.h"
#include "test_support.h"
#include "text/char_class.h"
#include "text/file_rules.h"
#include "text/text_rules.h"

using namespace cc;

namespace {

TextFindings scan(std::string_view text, bool fix_traditional = false) {
  TextFindings out;
  check_text_value(text, TextOptions{fix_traditional}, Lang::En, out);
  return out;
}

// "rule [begin,end) -> 'replacement'" (or "no fix"), so a failure shows both lists.
std::string show(const std::string& rule, size_t b, size_t e, const std::optional<std::string>& repl) {
  return rule + " [" + std::to_string(b) + "," + std::to_string(e) + ") " + (repl ? "-> '" + *repl + "'" : "no fix");
}

// The findings in text order.
std::vector<std::string> shown(TextFindings found) {
  std::stable_sort(found.begin(), found.end(),
                   [](const TextFinding& x, const TextFinding& y) { return x.begin < y.begin; });
  std::vector<std::string> out;
  for (const auto& f : found) out.push_back(show(f.rule, f.begin, f.end, f.replacement));
  return out;
}

// `prefix + match + suffix` has exactly one finding, of `rule`, covering `match`, whose
// replacement is `repl` (nullopt: none offered).
void expect_one(const std::string& prefix, const std::string& match, const std::string& suffix, const char* rule,
                std::optional<std::string> repl, Severity severity = Severity::Error, bool trad = false) {
  std::string text = prefix + match + suffix;
  INFO("text: " << text);
  TextFindings f = scan(text, trad);
  CHECK(shown(f) == std::vector<std::string>{show(rule, prefix.size(), prefix.size() + match.size(), repl)});
  if (f.size() == 1) {
    CHECK(f[0].severity == severity);
    CHECK_FALSE(f[0].message.empty());
  }
}

void expect_none(const std::string& text) {
  INFO("text: " << text);
  CHECK(shown(scan(text)) == std::vector<std::string>{});
}

}  // namespace

TEST_CASE("text/nfc: exact ranges and replacements", "[text]") {
  // e + COMBINING ACUTE: the range starts at the e, the fix is the precomposed é.
  TextFindings f = scan("参考Pe\u0301rez格式");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "text/nfc");
  CHECK(f[0].begin == 7);  // 参考 (6 bytes) + P
  CHECK(f[0].end == 10);   // e + U+0301 (2 bytes)
  CHECK(f[0].replacement == std::optional<std::string>("\u00E9"));
  // A precomposed text, Chinese, Hangul and Greek are all NFC already.
  for (const char* ok : {"Ménière病", "心房颤动", "한국어", "β受体阻滞剂 μmol/L", "eGFR 54 mL/min/1.73m²"})
    expect_none(ok);
}

TEST_CASE("text/nfc: a singleton decomposition is flagged at that character alone", "[text]") {
  // ANGSTROM SIGN U+212B and the compatibility ideograph U+F9B5 (例) each normalise on
  // their own; the character before them is fine and must not be part of the range.
  expect_one("1 ", "\u212B", "", "text/nfc", "\u00C5");
  expect_one("病", "\uF9B5", "", "text/nfc", "例");
}

TEST_CASE("text/invisible: each invisible or control character, removed or made a space", "[text]") {
  struct Case {
    const char* ch;
    const char* repl;
  };
  for (const Case& c :
       {Case{"\u200B", ""}, Case{"\u200C", ""}, Case{"\u200D", ""}, Case{"\u2060", ""}, Case{"\u00AD", ""},
        Case{"\uFEFF", ""}, Case{"\u200E", ""}, Case{"\u200F", ""}, Case{"\u202A", ""}, Case{"\u202E", ""},
        Case{"\u2066", ""}, Case{"\u2069", ""}, Case{"\x01", ""}, Case{"\x1B", ""}, Case{"\x7F", ""},
        Case{"\u0085", ""}, Case{"\u009F", ""}, Case{"\u00A0", " "}, Case{"\u202F", " "}})
    expect_one("患者", c.ch, "女", "text/invisible", std::string(c.repl));
  // NBSP between a number and its unit: byte 1 to 3.
  TextFindings f = scan("5\u00A0mg");
  REQUIRE(f.size() == 1);
  CHECK(f[0].begin == 1);
  CHECK(f[0].end == 3);
  CHECK_THAT(f[0].message, Catch::Contains("00A0"));
}

TEST_CASE("text/nfc: the ranges the rule never asks ICU about are NFC-stable in ICU", "[text]") {
  // The fast path must never hide a character NFC would change.
  long checked = 0;
  for (UChar32 c = 0; c <= 0xFFFF; ++c) {
    if (!text::nfc_quick_yes_range(c)) continue;
    ++checked;
    if (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES) FAIL("U+" << std::hex << c);
  }
  CHECK(checked > 20000);
  CHECK_FALSE(text::nfc_quick_yes_range(0x0300));  // combining grave accent
  CHECK_FALSE(text::nfc_quick_yes_range(0x3099));  // combining kana voiced mark
  CHECK_FALSE(text::nfc_quick_yes_range(0xF9B5));  // compatibility ideograph
}

TEST_CASE("text rules: characters the fast paths step over still count around findings", "[text]") {
  // Each rule steps over bytes it need not decode; findings after long runs of CJK,
  // ASCII, 2- and 4-byte characters keep their exact byte offsets.
  const std::string prefix = "患者é𠀀abc，";  // 6 + 2 + 4 + 3 + 3 = 18 bytes
  TextFindings f;
  check_text_value(prefix + "\u200B" + "５" + "，，" + "3．5" + "醫" + "A\u030A", TextOptions{}, Lang::En, f);
  std::vector<std::string> rules;
  for (const auto& x : f) rules.push_back(x.rule + "@" + std::to_string(x.begin));
  std::sort(rules.begin(), rules.end());
  CHECK(rules == std::vector<std::string>{"text/fullwidth-alnum@21", "text/fullwidth-punct@31", "text/invisible@18",
                                          "text/nfc@38", "text/repeated-punct@24", "text/traditional@35"});
}

TEST_CASE("text/invisible: tabs, line breaks and visible spaces are not invisible", "[text]") {
  for (const char* ok : {"剂量\t5 mg", "第一行\n第二行", "患者 女", "血小板210×10^9/L", "1.73m²", "5 °C"})
    expect_none(ok);
}

TEST_CASE("text/fullwidth-alnum: one finding per run, converted to ASCII", "[text]") {
  expect_one("ALT ", "２２", " U/L", "text/fullwidth-alnum", "22");
  expect_one("", "ＣＴ", "检查", "text/fullwidth-alnum", "CT");
  expect_one("复查", "ｅＧＦＲ", "", "text/fullwidth-alnum", "eGFR");
  // Two runs, two findings: ７１ at 0-6 and ５５ｋｇ at 12-24 (岁，is 6 bytes).
  CHECK(shown(scan("７１岁，５５ｋｇ")) == std::vector<std::string>{show("text/fullwidth-alnum", 0, 6, "71"),
                                                                    show("text/fullwidth-alnum", 12, 24, "55kg")});
}

TEST_CASE("text/fullwidth-alnum: other full-width or numeric forms stay", "[text]") {
  for (const char* ok : {"①②③", "Ⅱ型糖尿病", "五十岁", "有效率50％", "3～5天", "ℓ"}) expect_none(ok);
}

TEST_CASE("text/halfwidth-punct: ASCII punctuation inside Chinese sentences", "[text]") {
  expect_one("患者女", ",", "71岁", "text/halfwidth-punct", "，");
  expect_one("患者女", ", ", "71岁", "text/halfwidth-punct", "，");  // the space goes with it
  expect_one("阿莫西林", ",", "克拉维酸", "text/halfwidth-punct", "，");
  expect_one("既往高血压", ";", "糖尿病", "text/halfwidth-punct", "；");
  expect_one("查体", ":", "血压正常", "text/halfwidth-punct", "：");
  expect_one("时间", ":", "10:30", "text/halfwidth-punct", "：");
  expect_one("目前用药", ":", "", "text/halfwidth-punct", "：");
  expect_one("目前用药", ":", "\n阿司匹林", "text/halfwidth-punct", "：");
  expect_one("无明显异常", ".", "", "text/halfwidth-punct", "。");
  expect_one("无明显异常", ".", "\n建议复查", "text/halfwidth-punct", "。");
  expect_one("异常", ".", "建议复查", "text/halfwidth-punct", "。");
  expect_one("是否需要停药", "?", "", "text/halfwidth-punct", "？");
  expect_one("真的吗", "?", "我很担心", "text/halfwidth-punct", "？");
  expect_one("怎么办？", "?", "", "text/halfwidth-punct", "？");
  expect_one("一定要注意", "!", "", "text/halfwidth-punct", "！");
}

TEST_CASE("text/halfwidth-punct: a parenthesis pair around Chinese is two findings", "[text]") {
  // 每日1次 is 3+3+1+3 = 10 bytes; 早餐后 9 more, so ')' is at 20.
  CHECK(shown(scan("每日1次(早餐后)服用")) == std::vector<std::string>{show("text/halfwidth-punct", 10, 11, "（"),
                                                                       show("text/halfwidth-punct", 20, 21, "）")});
  // Chinese and Latin mixed inside still counts: 阿司匹林 12 bytes, '100 mg每日' 12 more.
  CHECK(shown(scan("阿司匹林(100 mg每日)")) == std::vector<std::string>{show("text/halfwidth-punct", 12, 13, "（"),
                                                                        show("text/halfwidth-punct", 25, 26, "）")});
}

TEST_CASE("text: numbers, Latin, URLs and abbreviations inside Chinese stay as written", "[text]") {
  for (const char* ok : {
           "患者服用3.5 mg后好转",    // decimal
           "肾上腺素按1:1000稀释",    // ratio
           "10:30抽血，14:00复查",    // times
           "详见http://a.b/c,d页面",  // URL with comma and dot
           "参见https://www.example.org/list.html?a=1,2;b=3。",
           "网址www.example.org/faq,1.html里有说明",
           "联系邮箱zhang.san@example.com，或电话",  // e-mail
           "邮箱：li_si@hosp.org.cn。",
           "使用amoxicillin, clavulanate治疗",  // English drug names with a comma
           "β-OH丁酸正常",                      // chemical names
           "1,25-(OH)2D3水平偏低",
           "骨化三醇(1,25-(OH)2D3)口服",
           "疗程3~5 天",  // ranges
           "复查间隔3-5天",
           "维持INR在2.0–3.0",
           "q.d.口服",  // Latin abbreviations
           "每日两次b.i.d.，饭后p.o.",
           "阿司匹林100 mg p.o. q.d.",
           "睡前q.n.服用",
           "阿司匹林(100 mg)每日1次",  // parentheses around Latin
           "他汀(atorvastatin)20 mg",
           "阿司匹林(aspirin)",
           "OGTT：0 h血糖6.1 mmol/L",  // label colon
           "家属称近期睡眠差……",       // ellipses
           "家属称近期睡眠差...",
           "家属称……我很担心...怎么办",
           "病情无显著变化",        // 著 is standard
           "3天前摔跤致膝部擦伤",   // 跤 is simplified
           "1. 患者女\n2. 既往史",  // numbered lists
           "1.患者女",
           "v2.1版随访表",      // versions
           "血压148/86 mmHg.",  // unit at a sentence end
           "血压148/86 mmHg.\n心率72次/分",
           "还有INR?是什么意思",
           "P<0.05，差异有统计学意义",
           "eGFR 54 mL/min/1.73m²",
           "Dr. 王建议No.3床患者",
           "CHA2DS2-VASc评分为4分（女性、65–74岁）",
           "血小板210×10^9/L，血肌酐96 μmol/L",
       })
    expect_none(ok);
}

TEST_CASE("text/halfwidth-punct: punctuation inside a URL with a Chinese path is not prose", "[text]") {
  // The URL is one token up to the space; its parentheses and comma belong to it.
  expect_none("参考 https://zh.wikipedia.org/wiki/华法林_(药物) 一文");
  expect_none("参考 https://example.cn/搜索?q=华法林,阿司匹林 一文");
}

TEST_CASE("text/halfwidth-punct: a Chinese-numeral list marker never becomes a full stop", "[text]") {
  // 一. / 二. number list items; 。 after them would end a sentence that never started.
  for (const char* v : {"一.既往史", "一. 既往史\n二. 用药史"}) {
    INFO(v);
    for (const auto& f : scan(v)) CHECK(f.replacement != std::optional<std::string>("。"));
  }
}

TEST_CASE("text/fullwidth-punct: a full stop after a decimal number ends the sentence", "[text]") {
  // 3.2 already has its decimal point: 3.2.2 is no number, so the 。 before 2天 is prose.
  expect_none("复查血钾3.2。2天后再查");
  expect_none("体温38.5。3天后复诊");
}

TEST_CASE("text/fullwidth-punct: full-width marks inside numbers and Latin words", "[text]") {
  expect_one("3", "．", "5 mg", "text/fullwidth-punct", ".");
  expect_one("剂量3", "．", "5 mg", "text/fullwidth-punct", ".");
  expect_one("q", "．", "d", "text/fullwidth-punct", ".");
  expect_one("2 mg", "／", "kg", "text/fullwidth-punct", "/");
  // 。 between digits is ambiguous (体温38。5度 vs 复查血钾3.2。2天后) and is left alone.
  expect_none("体温38。5度");
  expect_one("10", "：", "30", "text/fullwidth-punct", ":");
  expect_one("按1", "：", "1000稀释", "text/fullwidth-punct", ":");
}

TEST_CASE("text/fullwidth-punct: full-width marks of Chinese sentences stay", "[text]") {
  for (const char* ok : {"OGTT：0 h、1 h、2 h", "时间：10:30", "共3例。", "检查：ALT 22 U/L", "ALT：22 U/L",
                         "20 mg／天", "比例：1:1000", "3天。5天后复查", "血压：120/80 mmHg。"})
    expect_none(ok);
}

TEST_CASE("text/mixed-quotes: straight quotes in a text with curly ones", "[text]") {
  std::string v = "他说“停药”后又说\"复查\"";
  size_t a = v.find('"'), b = v.rfind('"');
  TextFindings f = scan(v);
  CHECK(shown(f) ==
        std::vector<std::string>{show("text/mixed-quotes", a, a + 1, "“"), show("text/mixed-quotes", b, b + 1, "”")});
  for (const auto& x : f) CHECK(x.severity == Severity::Warning);
  // An odd number of straight quotes cannot be paired: reported, no fix.
  expect_one("“停药”后身高5", "\"", "", "text/mixed-quotes", std::nullopt, Severity::Warning);
  // Straight quotes alone, or curly quotes alone, are consistent.
  expect_none("说明书上写\"每片0.5 g\"");
  expect_none("为“预防心脑血管病”开具");
}

TEST_CASE("text/repeated-punct: doubled Chinese marks collapse to one", "[text]") {
  expect_one("好的", "。。", "", "text/repeated-punct", "。");
  expect_one("吃抗凝药", "，，，", "可她", "text/repeated-punct", "，");
  expect_one("注意", "！！", "", "text/repeated-punct", "！");
  expect_one("怎么办", "？？", "", "text/repeated-punct", "？");
  expect_one("黑便", "、、", "呕血", "text/repeated-punct", "、");
  expect_one("高血压", "；；", "糖尿病", "text/repeated-punct", "；");
  expect_one("查体", "：：", "血压", "text/repeated-punct", "：");
  for (const char* ok : {"睡眠差……", "胸痛——持续", "真的吗？！", "“抗凝”“INR”", "（心内科）（复诊）", "好。”"})
    expect_none(ok);
}

TEST_CASE("text/double-space: runs of spaces inside a line", "[text]") {
  expect_one("患者", "  ", "女", "text/double-space", " ", Severity::Warning);
  expect_one("5", "   ", "mg", "text/double-space", " ", Severity::Warning);
  expect_one("第一行\n第二", "  ", "行", "text/double-space", " ", Severity::Warning);
  for (const char* ok : {"  患者女", "患者女  ", "患者 女", "第一行  \n第二行", "第一行\n  第二行", "a b c"})
    expect_none(ok);
}

TEST_CASE("text/ideographic-space: U+3000 as indentation, at the start of any line", "[text]") {
  expect_one("", "\u3000\u3000", "患者女", "text/ideographic-space", "", Severity::Warning);
  expect_one("第一行\n", "\u3000", "第二行", "text/ideographic-space", "", Severity::Warning);
  expect_none("患者\u3000女");
  expect_none("第一行\n第二行\u3000");
}

TEST_CASE("text/trailing-space: spaces and tabs at line ends of the raw file", "[text]") {
  auto trailing = [](std::string_view t) {
    TextFindings out;
    check_trailing_space(t, Lang::En, out);
    return shown(out);
  };
  // "a: b  \n" holds spaces at 4-5; "c: d\t\n" a tab at 11.
  CHECK(trailing("a: b  \nc: d\t\n") ==
        std::vector<std::string>{show("text/trailing-space", 4, 6, ""), show("text/trailing-space", 11, 12, "")});
  // CRLF: only the space before \r; a last line without a newline counts too.
  CHECK(trailing("a: b \r\n# 注释 ") ==
        std::vector<std::string>{show("text/trailing-space", 4, 5, ""), show("text/trailing-space", 15, 16, "")});
  CHECK(trailing("a: b\r\nc: |\n  x\n\n").empty());
  CHECK(trailing("").empty());
  CHECK(trailing("a: 患者\u3000\n").empty());
}

TEST_CASE("text/traditional: traditional characters, converted only when asked", "[text]") {
  expect_one("", "醫", "生说", "text/traditional", std::nullopt, Severity::Warning);
  expect_one("", "醫", "生说", "text/traditional", "医", Severity::Warning, true);
  expect_one("三天", "後", "复查", "text/traditional", "后", Severity::Warning, true);
  expect_one("脱", "髮", "明显", "text/traditional", "发", Severity::Warning, true);
  expect_one("家", "裡", "有人", "text/traditional", "里", Severity::Warning, true);
  CHECK(simplified_form(U'醫') == U'医');
  CHECK(simplified_form(U'著') == 0);
  CHECK(simplified_form(U'跤') == 0);
  CHECK(simplified_form(U'医') == 0);
  CHECK(simplified_form('a') == 0);
  for (const char* ok : {"病情无显著变化", "3天前摔跤", "给予心理慰藉", "瞭望", "宫商角徵羽", "医生说后来头发里"})
    expect_none(ok);
}

TEST_CASE("text/unit-spelling: the spelling that differs from the most common one", "[text]") {
  // Majority: two mL, one ml; "再推5 ml" has ml at bytes 8-10.
  auto found = check_unit_spelling({"静推10 mL", "再推5 ml", "共20 mL"}, Lang::En);
  REQUIRE(found.size() == 1);
  CHECK(found[0].first == 1);
  CHECK(show(found[0].second.rule, found[0].second.begin, found[0].second.end, found[0].second.replacement) ==
        show("text/unit-spelling", 8, 10, std::nullopt));
  CHECK(found[0].second.severity == Severity::Warning);
  // μg, µg (micro sign), ug and mcg are one unit: 2 × μg wins, the three others differ.
  auto mu = check_unit_spelling({"100 μg", "100 μg", "50 mcg", "50 ug", "5 µg"}, Lang::En);
  std::vector<size_t> which;
  for (const auto& [i, f] : mu) which.push_back(i);
  std::sort(which.begin(), which.end());
  CHECK(which == std::vector<size_t>{2, 3, 4});
  // ℃ and °C tie: the first seen (℃) is kept, °C at bytes 3-6 flagged.
  auto deg = check_unit_spelling({"37 °C"}, Lang::En);
  CHECK(deg.empty());
  auto t = check_unit_spelling({"38.5℃", "37 °C"}, Lang::En);
  REQUIRE(t.size() == 1);
  CHECK(t[0].first == 1);
  CHECK(t[0].second.begin == 3);
  CHECK(t[0].second.end == 6);
  auto dl = check_unit_spelling({"12 g/dL", "13 g/dl"}, Lang::En);
  REQUIRE(dl.size() == 1);
  CHECK(dl[0].first == 1);
}

TEST_CASE("text/unit-spelling: a tie goes to the spelling that comes first in the text", "[text]") {
  // One value, ml first (bytes 12-14) then mL (bytes 26-28): the first seen is ml.
  std::string v = "先静推10 ml，再推20 mL";
  REQUIRE(v.find("ml") == 12);
  REQUIRE(v.find("mL") == 26);
  auto found = check_unit_spelling({v}, Lang::En);
  REQUIRE(found.size() == 1);
  CHECK(found[0].second.begin == v.find("mL"));
}

TEST_CASE("text/unit-spelling: units inside Latin words and different units are not mixed spellings", "[text]") {
  CHECK(check_unit_spelling({"drug allergy", "100 μg"}, Lang::En).empty());
  CHECK(check_unit_spelling({"McGill mcgill", "100 μg"}, Lang::En).empty());
  CHECK(check_unit_spelling({"html页面", "10 mL"}, Lang::En).empty());
  CHECK(check_unit_spelling({"handle", "5 g/dL"}, Lang::En).empty());
  CHECK(check_unit_spelling({"5 mg", "5 mL", "5 mmol/L", "96 μmol/L"}, Lang::En).empty());
  CHECK(check_unit_spelling({"10 mL", "20 mL/h"}, Lang::En).empty());
}

TEST_CASE("text: every string of the shipped benchmark passes every text rule", "[text]") {
  namespace fs = std::filesystem;
  int files = 0, values = 0;
  std::vector<std::string> problems;
  for (const char* top : {"cases", "rubrics"}) {
    for (const auto& e : fs::recursive_directory_iterator(fs::path(cc::test::source_dir()) / top)) {
      if (!e.is_regular_file() || e.path().extension() != ".yaml") continue;
      std::string rel = fs::relative(e.path(), cc::test::source_dir()).generic_string();
      LoadResult r = load_yaml_file(e.path().string(), rel, LoadLimits{}, Lang::En);
      INFO(rel);
      REQUIRE(r.document);
      ++files;
      std::vector<std::string> strings;
      std::vector<const nlohmann::json*> stack{&r.document->root};
      while (!stack.empty()) {
        const nlohmann::json* n = stack.back();
        stack.pop_back();
        if (n->is_string()) strings.push_back(n->get<std::string>());
        if (n->is_structured())
          for (const auto& child : *n) stack.push_back(&child);
      }
      std::vector<std::string_view> views(strings.begin(), strings.end());
      for (const auto& s : strings) {
        ++values;
        for (const auto& f : scan(s)) problems.push_back(rel + ": " + f.rule + " in '" + s + "'");
      }
      for (const auto& [i, f] : check_unit_spelling(views, Lang::En))
        problems.push_back(rel + ": " + f.rule + " in '" + strings[i] + "'");
      TextFindings raw;
      check_trailing_space(r.document->text, Lang::En, raw);
      for (const auto& f : raw) problems.push_back(rel + ": " + f.rule + " at byte " + std::to_string(f.begin));
    }
  }
  CHECK(files >= 70);
  CHECK(values > files * 20);
  CHECK(problems == std::vector<std::string>{});
}
