#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "core/yaml_loader.h"
#include "test_support.h"
#include "text/pii_rules.h"

using namespace cc;

namespace {

TextFindings scan(std::string_view text, Lang lang = Lang::En) {
  TextFindings out;
  check_pii(text, lang, out);
  return out;
}

// The 17 digits plus their ISO 7064 MOD 11-2 check character, computed independently.
std::string id18(const std::string& seventeen) {
  static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (seventeen[i] - '0') * weights[i];
  return seventeen + "10X98765432"[sum % 11];
}

// `prefix + match + suffix` has exactly one finding, of `rule`, covering `match`.
void expect_one(const std::string& prefix, const std::string& match, const std::string& suffix, const char* rule) {
  std::string text = prefix + match + suffix;
  INFO(text);
  TextFindings f = scan(text);
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == rule);
  CHECK(f[0].begin == prefix.size());
  CHECK(f[0].end == prefix.size() + match.size());
  CHECK(f[0].severity == Severity::Error);
  CHECK_FALSE(f[0].replacement.has_value());
  CHECK_FALSE(f[0].message.empty());
}

void expect_none(const std::vector<std::string>& texts) {
  for (const std::string& text : texts) {
    INFO(text);
    TextFindings f = scan(text);
    if (!f.empty()) INFO(f[0].rule << " at " << f[0].begin << ".." << f[0].end);
    CHECK(f.empty());
  }
}

}  // namespace

TEST_CASE("pii: the test's check digit agrees with the published example", "[pii]") {
  CHECK(id18("11010519491231002") == "11010519491231002X");
  CHECK(id18("44030619900307123") == "440306199003071232");
}

TEST_CASE("pii/id-card: valid 18-character resident IDs", "[pii]") {
  expect_one("身份证号：", "11010519491231002X", "。", "pii/id-card");
  expect_one("身份证号：", "11010519491231002x", "", "pii/id-card");
  expect_one("", id18("44030619900307123"), "", "pii/id-card");
  expect_one("患者证件 ", id18("31011519851120441"), "，已核对", "pii/id-card");
  expect_one("ID:", id18("51010720000229001"), ")", "pii/id-card");  // 2000-02-29 is a real date
  expect_one("（", id18("65010219991231123"), "）", "pii/id-card");
}

TEST_CASE("pii/id-card: 15-digit old IDs only next to an ID label", "[pii]") {
  expect_one("身份证号码：", "110105491231002", "", "pii/id-card");
  expect_one("证件号 ", "440306900307123", "", "pii/id-card");
  expect_none({"样本编号110105491231002", "110105491231002", "身份证号：110105491331002"});
}

TEST_CASE("pii/id-card: ID-like numbers that are not IDs", "[pii]") {
  std::string good = id18("11010519491231002");
  std::string wrong_check = good.substr(0, 17) + (good[17] == '9' ? "8" : "9");
  expect_none({
      "身份证号：" + wrong_check,
      "110105194912310021",       // wrong check digit
      id18("11010519491332002"),  // month 13
      id18("11010519490230002"),  // 30 February
      id18("11010519000229002"),  // 1900 is not a leap year
      id18("11010518991231002"),  // year 1899
      id18("91010519491231002"),  // region 91
      id18("00010519491231002"),  // region 00
      id18("20010519491231002"),  // region 20
      "A" + good,
      good + "A",
      "9" + good,
      good + "9",
      good + ".5",
      "0." + good,
      "SN-" + good,
      "批号" + good + "B",
      "条码：" + good.substr(0, 17) + "XY",
  });
}

TEST_CASE("pii/mobile: mainland mobile numbers", "[pii]") {
  expect_one("电话：", "13812345678", "", "pii/mobile");
  expect_one("家属手机", "19987654321", "，请联系", "pii/mobile");
  expect_one("联系方式 ", "138 1234 5678", "。", "pii/mobile");
  expect_one("联系方式：", "138-1234-5678", "", "pii/mobile");
  expect_one("手机：", "+86 13812345678", "", "pii/mobile");
  expect_one("手机：", "+8613812345678", "", "pii/mobile");
  expect_one("手机：", "8613812345678", "", "pii/mobile");
  expect_one("Tel: ", "+86-138-1234-5678", "", "pii/mobile");
  expect_one("（", "15012345678", "）", "pii/mobile");
  TextFindings two = scan("13812345678/13912345678");
  REQUIRE(two.size() == 2);
  CHECK(two[0].begin == 0);
  CHECK(two[1].begin == 12);
}

TEST_CASE("pii/mobile: 11-digit runs that are not phones", "[pii]") {
  expect_none({
      "12812345678",  // second digit 2
      "10012345678",
      "138123456789",  // 12 digits
      "213812345678",  // inside a longer run
      "样本号20231381234567890",
      "0.13812345678",
      "13812345678.5",
      "13812345678%",
      "13812345678×10^9/L",
      "13812345678 mg",
      "计数13812345678个/L",
      "13812345678^2",
      "A13812345678",
      "13812345678B",
      "SN-13812345678",
      "13812345678-01",
      "13812345678@qq",
      "138 1234 567",
      "138 12345 678",
      "138-1234 5678",
      "1381 234 5678",
      "电话 138 1234 56789",
  });
}

TEST_CASE("pii/landline: numbers with an area code", "[pii]") {
  expect_one("科室电话：", "010-12345678", "", "pii/landline");
  expect_one("", "0755-1234567", "。", "pii/landline");
  expect_one("", "0755-12345678", "", "pii/landline");
  expect_one("电话", "021-87654321-801", "", "pii/landline");
  expect_one("电话", "(010)12345678", "", "pii/landline");
  expect_one("电话", "（010）12345678", "", "pii/landline");
  expect_one("电话", "（0571）8765432", "。", "pii/landline");
  expect_one("电话", "(020) 87654321", "", "pii/landline");
}

TEST_CASE("pii/landline: service numbers and look-alikes are left alone", "[pii]") {
  expect_none({
      "400-123-4567",   "800-820-8820",   "4008208820",        "400-8208820",   "8008101117",
      "拨打120急救",    "110报警",        "12356心理援助热线", "12320卫生热线", "120/110",
      "010-1234567",   // Beijing numbers have 8 digits
      "012-34567890",  // 012 is no area code
      "0010-12345678",  "0755-123456",    "0755-123456789",    "0755-01234567", "12345678",
      "a0755-12345678", "1.0755-1234567", "0755-12345678a",    "（010）1234",   "(0.5)12345678",
  });
}

TEST_CASE("pii/email: addresses", "[pii]") {
  expect_one("邮箱：", "zhang.san@163.com", "", "pii/email");
  expect_one("请发送至", "li_si+case@hospital.org.cn", "。", "pii/email");
  expect_one("", "13812345678@qq.com", "", "pii/email");  // one finding, not a mobile too
  expect_one("(", "A.B-C@Mail.Example-Hosp.CN", ")", "pii/email");
  expect_none({"user@example.com", "a@b.test", "@张医生", "@2x.png", "a@b", "a@b.c", "a@163.c0m", "x@.com",
               "https://user:pw@host.com", "mailto:@x.com", "@ 163.com", "价格@5元"});
}

TEST_CASE("pii/record-number: hospital record numbers", "[pii]") {
  expect_one("住院号：", "20231234", "", "pii/record-number");
  expect_one("门诊号 ", "A0012345", "，", "pii/record-number");
  expect_one("病案号为", "ZY2023-00123", "。", "pii/record-number");
  expect_one("病历号:", "123456", "", "pii/record-number");
  expect_one("患者ID号：", "P00123456", "", "pii/record-number");
  expect_one("登记号是 ", "0012", "", "pii/record-number");
  expect_one("住院号码：", "88776655", "", "pii/record-number");
  expect_one("就诊卡号：", "330012", "", "pii/record-number");
  expect_one("ID号", "20231234", "", "pii/record-number");
  // A number another rule already names stays with that rule.
  expect_one("住院号：", "13812345678", "", "pii/mobile");
}

TEST_CASE("pii/record-number: labels without a record number", "[pii]") {
  expect_none({"床号 12",
               "床号：12",
               "住院第3天",
               "住院号：不详",
               "门诊号：XXXXXXXX",
               "住院号：2023****",
               "病历号：ABCD",
               "住院号 123",
               "门诊号、住院号均未提供",
               "挂号费12345元",
               "型号 A1234",
               "批号20231234",
               "国药准字H20003263",
               "编号2023001",
               "住院号：2023XX12",
               "PID号1234",
               "住院号：张某",
               "临床试验登记号：ChiCTR2000029308",
               "试验登记号 NCT04280705",
               "住院号码待补"});
}

TEST_CASE("pii/name: name fields with a real-looking name", "[pii]") {
  expect_one("姓名：", "张三", "，男，58岁", "pii/name");
  expect_one("姓名: ", "王建国", "", "pii/name");
  expect_one("姓名为", "欧阳娜娜", "。", "pii/name");
  expect_one("姓名 ", "李明", "", "pii/name");
  expect_none({"姓名：张某", "姓名：李某某", "姓名：王**", "姓名：XX", "姓名：***", "姓名：张XX", "姓名：王先生",
               "姓名：李女士", "姓名：不详", "姓名：未提供", "询问患者姓名、年龄", "核对姓名与腕带", "姓名张三",
               "姓名：张三丰收", "说明核对姓名为何重要，", "患者张某，男，58岁", "患者王**，女", "姓名：（略）"});
}

TEST_CASE("pii/birth-date-with-name: a birth date next to a name", "[pii]") {
  expect_one("患者张三，男，出生日期：", "1990年5月3日", "。", "pii/birth-date-with-name");
  expect_one("患者王建国先生，生日", "1966-03-08", "", "pii/birth-date-with-name");
  expect_one("出生于", "1958/12/01", "的患者李明，58岁", "pii/birth-date-with-name");
  expect_one("患者欧阳娜娜，女，出生：", "2001.2.28", "", "pii/birth-date-with-name");
  TextFindings f = scan("姓名：张三，出生日期：1990-05-03");
  REQUIRE(f.size() == 2);
  CHECK(f[0].rule == "pii/name");
  CHECK(f[1].rule == "pii/birth-date-with-name");
  CHECK(f[1].begin == std::string("姓名：张三，出生日期：").size());
}

TEST_CASE("pii/birth-date-with-name: dates without a name, masked names", "[pii]") {
  expect_none({
      "出生日期：1990年5月3日",                // no name in the value
      "患者张某，男，出生日期：1990年5月3日",  // masked name
      "患者男，66岁，出生日期：1958-03-08",    // no name
      "患者高龄，女，生日1950-01-01",          // 高龄 is not a name
      "患者于2023年5月3日入院，女，出生于1950-01-01",
      "患者李明，男，发生日期：2023年5月3日",   // 发生日期 is not a birthday
      "患者李明，男，出生日期：1990年2月30日",  // no such date
      "患者李明，男，出生日期：1990年5月",      // not an exact date
      "患者李明，男，出生后3天出现黄疸",
      "患者李明，男，58岁，2023年5月3日入院",
  });
}

TEST_CASE("pii: clinical text with numbers is left alone", "[pii]") {
  expect_none({
      "WBC 12.3×10^9/L，中性粒细胞百分比85.6%，CRP 56 mg/L",
      "阿莫西林0.5 g q.d.，美托洛尔缓释片47.5 mg每日1次，肝素12500 U皮下注射",
      "2023年5月3日入院，2023-05-10出院，随访至2024/01/15",
      "10:30 抽血，14:00 复查，23:59 记录",
      "肾上腺素1:1000稀释",
      "血压140/90 mmHg，心率88次/分",
      "BP 138/85 mmHg，SpO2 96%，体温38.5℃",
      "诊断：急性下壁心肌梗死（ICD-10 I21.4），E11.9",
      "国药准字H20003263，批号20230512，有效期至2025-06",
      "标本号S2023051200123，条码 6901234567892",
      "床号 12，住院第3天",
      "2024年",
      "1998年起吸烟",
      "患者李某某，女，45岁",
      "患者王**，男",
      "张某，男，66岁",
      "参考 https://www.who.int/news/item/2023 与 http://guideline.cn/a?id=13812345678x",
      "eGFR 45 mL/min/1.73m²，Scr 132 μmol/L，BNP 1380 pg/mL",
      "血小板计数135×10^9/L",
      "胎儿体重估计3500 g，孕39+2周",
      "HbA1c 7.8%，空腹血糖8.1 mmol/L",
      "CD4+ T细胞 350 个/μL",
      "HIV-1 RNA 13800000 copies/mL",
      "乙肝病毒DNA 1.38×10^8 IU/mL",
      "INR 2.5，PT 28.6 s",
      "身高170 cm，体重86 kg，BMI 29.8 kg/m²",
      "心电图：QTc 480 ms，PR 0.20 s",
      "服用阿司匹林100 mg 1次/日",
      "每4~6小时1次，24小时不超过4 g",
      "门诊随访，每3个月复查1次",
      "1、2、3、4、5",
      "拨打120急救电话或12356心理援助热线",
      "编号CC-0001，标准CC-0001-R01",
      "版本2.4.1",
      "GB/T 7714-2015",
      "ISBN 978-7-117-12345-6",
      "2023-05-03 10:30:00",
      "20230503103000",
      "电话随访时间：周一至周五",
      "科室电话请查询医院官网",
      "请保存好门诊病历",
      "住院病历号请向病案室查询",
      "患者自诉，男，58岁",
      "患者常感乏力，女",
      "医生生日快乐",
      "今天是患者生日",
  });
}

TEST_CASE("pii: messages in English and Chinese, never echoing the data", "[pii]") {
  const char* rules[] = {"pii/id-card",
                         "pii/mobile",
                         "pii/landline",
                         "pii/email",
                         "pii/record-number",
                         "pii/name",
                         "pii/birth-date-with-name"};
  for (const char* rule : rules) {
    INFO(rule);
    std::string en = message(Lang::En, rule), zh = message(Lang::Zh, rule);
    CHECK(en != rule);
    CHECK(zh != rule);
    CHECK(en != zh);
    CHECK(en.find('{') == std::string::npos);
  }
  TextFindings f = scan("电话：13812345678", Lang::Zh);
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == message(Lang::Zh, "pii/mobile"));
  CHECK(f[0].message.find("13812345678") == std::string::npos);
}

TEST_CASE("pii: several findings come in order of position", "[pii]") {
  std::string text = "姓名：张三，手机13812345678，邮箱zs@163.com，住院号：20231234，电话010-12345678";
  TextFindings f = scan(text);
  REQUIRE(f.size() == 5);
  const char* rules[] = {"pii/name", "pii/mobile", "pii/email", "pii/record-number", "pii/landline"};
  for (size_t i = 0; i < f.size(); ++i) {
    CHECK(f[i].rule == rules[i]);
    if (i > 0) CHECK(f[i - 1].end <= f[i].begin);
  }
}

TEST_CASE("pii: a match is found at every offset of the 16-byte scan", "[pii]") {
  for (int k = 0; k < 40; ++k) {
    for (const std::string& unit : {std::string(" "), std::string("的"), std::string("，")}) {
      std::string pad;
      for (int i = 0; i < k; ++i) pad += unit;
      expect_one(pad + "电话：", "13812345678", pad, "pii/mobile");
      expect_one(pad, "11010519491231002X", pad, "pii/id-card");
      expect_one(pad + "住院号：", "20231234", pad, "pii/record-number");
      expect_one(pad + "姓名：", "张三", "，" + pad, "pii/name");  // a name ends at a non-ideograph
      expect_one(pad, "zs@163.com", pad, "pii/email");
      expect_one(pad + "患者李明，男，出生日期：", "1990-05-03", pad, "pii/birth-date-with-name");
    }
  }
}

TEST_CASE("pii: a long clinical note with no personal data", "[pii]") {
  std::string note =
      "患者男，66岁，退休司机，因“反复胸闷3年，加重2天”于2024年3月5日10:30入院。既往高血压12年，最高180/110 mmHg，"
      "2型糖尿病8年，HbA1c 8.2%；吸烟30年，每日约1包（30包年）。入院查体：T 36.8℃，P 96次/分，R 20次/分，"
      "BP 156/92 mmHg，SpO2 95%（未吸氧）。实验室：WBC 12.3×10^9/L，N 85.6%，Hb 132 g/L，PLT 215×10^9/L，"
      "cTnI 2.35 ng/mL（参考值<0.04），CK-MB 45 U/L，NT-proBNP 1380 pg/mL，Scr 98 μmol/L，eGFR 72 mL/min/1.73m²，"
      "K+ 3.8 mmol/L，LDL-C 3.6 mmol/L。心电图：V1-V4导联ST段抬高0.2-0.4 mV。诊断：急性前壁ST段抬高型心肌梗死"
      "（I21.0），Killip I级。处理：阿司匹林300 mg嚼服，替格瑞洛180 mg负荷，之后90 mg b.i.d.；阿托伐他汀40 mg q.n.；"
      "美托洛尔缓释片23.75 mg q.d.；急诊PCI于前降支近段植入支架1枚（3.0×18 mm），门-球时间65分钟。术后第3天"
      "转入普通病房，床号 12，住院第7天出院。出院带药批号20240301，国药准字H20003263、J20180021。随访：术后1、3、"
      "6、12个月门诊复查，必要时拨打120；心理支持可拨打12356；咨询热线400-820-8820。参考2023 ESC指南"
      "（doi:10.1093/eurheartj/ehad191）及https://www.nhc.gov.cn/yzygj/s7659/202305/abc.shtml。肾上腺素1:1000，"
      "肝素钠12500 U，输液速度40 ml/h，监测血糖q6h，目标4.4-10.0 mmol/L。患者张某某，女，家属李某陪同。";
  TextFindings f = scan(note);
  if (!f.empty()) INFO(f[0].rule << ": " << note.substr(f[0].begin, f[0].end - f[0].begin));
  CHECK(f.empty());
}

TEST_CASE("pii: thousands of findings in one value stay ordered and distinct", "[pii]") {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "住院号：1234，电话13812345678；";
  TextFindings f = scan(text);
  REQUIRE(f.size() == 6000);
  bool ordered = true;
  for (size_t i = 1; i < f.size(); ++i) ordered = ordered && f[i - 1].end <= f[i].begin;
  CHECK(ordered);
  CHECK(f[0].rule == "pii/record-number");
  CHECK(f[1].rule == "pii/mobile");
  expect_one("住院号：", "11010519491231002X", "", "pii/id-card");  // the ID rule keeps the bytes
}

TEST_CASE("pii: edge inputs never read out of bounds", "[pii]") {
  expect_none({"",
               "1",
               "13",
               "138",
               "0",
               "01",
               "@",
               "号",
               "名",
               "生",
               "者",
               "姓名",
               "姓名：",
               "患者",
               "出生日期：",
               "住院号",
               "住院号：",
               "(010)",
               "（010）",
               "138 1234",
               "+86",
               "86",
               std::string("\xE5\x8F", 2),
               std::string("\xB7\x8D\x9F\x85", 4),
               std::string("1\xFF", 2),
               "0.13812345678" + std::string(40, ' '),
               std::string("\xE5\x8F\xB7") + std::string(30, '\xB7'),
               "姓名：" + std::string("\xE5\xBC"),
               "患者" + std::string("\xE5\xBC"),
               std::string(17, '1') + "X" + std::string(20, '\x85')});
}

TEST_CASE("pii: the shipped cases and rubrics hold no personal data", "[pii]") {
  namespace fs = std::filesystem;
  int files = 0;
  size_t values = 0;
  for (const char* dir : {"cases", "rubrics"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(cc::test::source_dir()) / dir)) {
      if (entry.path().extension() != ".yaml") continue;
      LoadResult loaded =
          load_yaml_file(entry.path().string(), entry.path().filename().string(), LoadLimits{}, Lang::En);
      REQUIRE(loaded.document);
      ++files;
      std::vector<const nlohmann::json*> stack = {&loaded.document->root};
      while (!stack.empty()) {
        const nlohmann::json* node = stack.back();
        stack.pop_back();
        if (node->is_string()) {
          ++values;
          const std::string& text = node->get_ref<const std::string&>();
          TextFindings f = scan(text);
          INFO(entry.path().string() << ": " << text);
          CHECK(f.empty());
        } else if (node->is_structured()) {
          for (const auto& child : *node) stack.push_back(&child);
        }
      }
    }
  }
  CHECK(files > 0);
  CHECK(values > 0);
}
