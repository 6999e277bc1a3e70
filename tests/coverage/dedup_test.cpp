// Dedup: planted near-duplicates — reordered sentences, changed punctuation, one changed
// clause — are found among many distinct texts; distinct cases that share boilerplate
// phrases are not; normalisation folds width and case.
#include <random>

#include "coverage/dedup.h"
#include "coverage/duplicate_text.h"
#include "coverage/minhash.h"
#include "coverage/text_normalize.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace cc::coverage;

namespace {

const std::string kBase =
    "患者女，71岁，退休教师。近3个月反复发作心悸，每次持续数小时可自行缓解。24小时动态心电图发现阵发性心房颤动，"
    "最长持续约6小时。既往高血压10年、2型糖尿病6年，无卒中及消化道出血史。目前用药：氨氯地平5 mg每日1次，"
    "阿司匹林100 mg每日1次。查体：血压148/86 mmHg，心率72次/分，律齐。心内科门诊医生建议启动口服抗凝治疗。"
    "医生说我妈妈要开始吃抗凝药，是不是吃阿司匹林就够了？平时要注意些什么？";
const std::string kReordered =
    "既往高血压10年、2型糖尿病6年，无卒中及消化道出血史。患者女，71岁，退休教师。查体：血压148/86 mmHg，心率72次/分，"
    "律齐。近3个月反复发作心悸，每次持续数小时可自行缓解。目前用药：氨氯地平5 mg每日1次，阿司匹林100 mg每日1次。"
    "24小时动态心电图发现阵发性心房颤动，最长持续约6小时。心内科门诊医生建议启动口服抗凝治疗。"
    "平时要注意些什么？医生说我妈妈要开始吃抗凝药，是不是吃阿司匹林就够了？";
const std::string kPunctuation =  // ，→, 。→; ：→: and full-width digits and letters
    "患者女,71岁,退休教师;近３个月反复发作心悸,每次持续数小时可自行缓解;24小时动态心电图发现阵发性心房颤动,"
    "最长持续约6小时;既往高血压10年、2型糖尿病6年,无卒中及消化道出血史;目前用药:氨氯地平5 MG每日1次,"
    "阿司匹林100 mg每日1次;查体:血压148/86 mmHg,心率72次/分,律齐;心内科门诊医生建议启动口服抗凝治疗;"
    "医生说我妈妈要开始吃抗凝药,是不是吃阿司匹林就够了?平时要注意些什么?";
const std::string kOneClause =  // "无卒中及消化道出血史" → "有腔隙性脑梗死病史"
    "患者女，71岁，退休教师。近3个月反复发作心悸，每次持续数小时可自行缓解。24小时动态心电图发现阵发性心房颤动，"
    "最长持续约6小时。既往高血压10年、2型糖尿病6年，有腔隙性脑梗死病史。目前用药：氨氯地平5 mg每日1次，"
    "阿司匹林100 mg每日1次。查体：血压148/86 mmHg，心率72次/分，律齐。心内科门诊医生建议启动口服抗凝治疗。"
    "医生说我妈妈要开始吃抗凝药，是不是吃阿司匹林就够了？平时要注意些什么？";
// Two different cases sharing the project's boilerplate request phrases.
const std::string kBoilerplate =
    "如有需要进一步明确的信息，请一并列出。请结合最新指南，给出具体、可操作的建议，并说明理由。";
const std::string kDistinctA =
    "患儿男，5岁，发热2天，体温最高39.2℃，伴咽痛及颈部淋巴结肿大，无皮疹。血常规白细胞升高，C反应蛋白42 mg/L。" +
    kBoilerplate;
const std::string kDistinctB =
    "患者男，58岁，吸烟30年，近1个月咳嗽加重伴痰中带血，体重下降4 kg。胸部CT示右上肺结节约2.1 cm，边缘毛刺。" +
    kBoilerplate;

// Random "sentences" of common CJK characters: distinct texts with a realistic alphabet.
std::vector<std::string> random_texts(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    std::string t;
    for (int c = 0; c < 160; ++c) {
      char32_t cp = c % 17 == 16 ? U'，' : static_cast<char32_t>(0x4E00 + rng() % 3000);
      char buf[4] = {char(0xE0 | (cp >> 12)), char(0x80 | ((cp >> 6) & 0x3F)), char(0x80 | (cp & 0x3F)), 0};
      t += buf;
    }
    out.push_back(t + kBoilerplate);
  }
  return out;
}

double similarity(const std::string& a, const std::string& b) {
  return jaccard(shingle_set(normalized_segments(a)), shingle_set(normalized_segments(b)));
}

}  // namespace

TEST_CASE("dedup: normalisation folds width, case and punctuation", "[coverage][dedup]") {
  CHECK(normalized_key("ＡＢＣ１２３，好。") == normalized_key("abc123,好"));
  CHECK(normalized_key("血压 148/86 mmHg") == normalized_key("血压148/86MMHG"));
  CHECK(normalized_key("患者女") != normalized_key("患者男"));
  CHECK(normalized_segments("一二，三 四").size() == 3);
  CHECK(similarity(kBase, kReordered) == Approx(1.0));
  CHECK(similarity(kBase, kPunctuation) == Approx(1.0));
  CHECK(normalized_key(kBase) == normalized_key(kPunctuation));
  CHECK(normalized_key(kBase) != normalized_key(kReordered));
  const double one = similarity(kBase, kOneClause);
  CHECK(one >= 0.8);
  CHECK(one < 1.0);
  CHECK(similarity(kDistinctA, kDistinctB) < 0.3);
}

TEST_CASE("dedup: LSH parameters reach the threshold's recall", "[coverage][dedup]") {
  LshParams p = lsh_params_for(0.8, 128);
  CHECK(p.hashes() <= 128);
  CHECK(lsh_candidate_probability(0.8, p) >= 0.997);
  CHECK(lsh_candidate_probability(0.3, p) < 0.05);
  LshParams q = lsh_params_for(0.5, 128);
  CHECK(lsh_candidate_probability(0.5, q) >= 0.997);
}

TEST_CASE("dedup: finds planted near-duplicates among distinct texts", "[coverage][dedup]") {
  std::vector<std::string> texts = random_texts(300, 9);
  const size_t base = texts.size();
  for (const auto& t : {kBase, kReordered, kPunctuation, kOneClause, kDistinctA, kDistinctB}) texts.push_back(t);
  std::vector<std::string_view> views(texts.begin(), texts.end());
  auto docs = make_dedup_docs(views, 3, 2);
  DedupOptions o;
  o.threshold = 0.8;
  DedupStats stats;
  auto pairs = find_similar(docs, o, &stats);
  auto has = [&](size_t a, size_t b, bool exact) {
    for (const auto& p : pairs)
      if (p.a == a && p.b == b) return p.exact == exact;
    return false;
  };
  CHECK(has(base, base + 1, false));  // reordered sentences
  CHECK(has(base, base + 2, true));   // changed punctuation: equal after normalisation
  CHECK(has(base, base + 3, false));  // one changed clause
  CHECK(has(base + 1, base + 2, false));
  // The 300 random texts share the boilerplate sentence and A and B share it too; none
  // of those pairs is reported.
  for (const auto& p : pairs) {
    INFO(p.a << " " << p.b << " " << p.jaccard);
    CHECK(p.a >= base);
    CHECK(p.b < base + 4);
  }
  CHECK(pairs.size() == 6);  // every pair among the four planted texts
}

TEST_CASE("dedup: duplicate case text keys for validate", "[coverage][dedup]") {
  CHECK(case_text_key("", "") == 0);
  CHECK(case_text_key("，。", " ") == 0);
  CHECK(case_text_key(kBase, "请问？") == case_text_key(kPunctuation, "请问"));
  CHECK(case_text_key(kBase, "请问") != case_text_key(kReordered, "请问"));
  std::vector<cc::Diagnostic> out;
  check_duplicate_case_text({{"cases/b/CC-0002.yaml", "CC-0002", 7, 16, 1},
                             {"cases/a/CC-0001.yaml", "CC-0001", 7, 16, 1},
                             {"cases/c/CC-0003.yaml", "CC-0003", 8, 16, 1},
                             {"cases/d/CC-0004.yaml", "CC-0004", 0, 16, 1}},
                            cc::Lang::En, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].file == "cases/b/CC-0002.yaml");
  CHECK(out[0].rule == "integrity/duplicate-case-text");
  CHECK(out[0].severity == cc::Severity::Error);
  CHECK(out[0].line == 16);
  CHECK(out[0].message.find("cases/a/CC-0001.yaml") != std::string::npos);
  // Two drafts may share a text; a repeated case id is another rule's finding.
  out.clear();
  check_duplicate_case_text(
      {{"cases/a/CC-0001.yaml", "CC-0001", 7, 16, 1, true}, {"cases/b/CC-0002.yaml", "CC-0002", 7, 16, 1, true}},
      cc::Lang::En, out);
  CHECK(out.empty());
  check_duplicate_case_text(
      {{"cases/a/CC-0001.yaml", "CC-0001", 7, 16, 1, false}, {"cases/c/CC-0001.yaml", "CC-0001", 7, 16, 1, false}},
      cc::Lang::En, out);
  CHECK(out.empty());
  // Reference cases (not checked in this run) are never reported, but a checked case that
  // repeats one is, whatever the path order.
  out.clear();
  check_duplicate_case_text({{"cases/b/CC-0002.yaml", "CC-0002", 7, 16, 1, false, true},
                             {"cases/c/CC-0003.yaml", "CC-0003", 7, 16, 1, false, true},
                             {"cases/a/CC-0001.yaml", "CC-0001", 7, 16, 1, false, false}},
                            cc::Lang::En, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].file == "cases/a/CC-0001.yaml");
  CHECK(out[0].message.find("cases/b/CC-0002.yaml") != std::string::npos);
  out.clear();
  // A draft that copies a case under review is reported.
  check_duplicate_case_text(
      {{"cases/a/CC-0001.yaml", "CC-0001", 7, 16, 1, false}, {"cases/b/CC-0002.yaml", "CC-0002", 7, 16, 1, true}},
      cc::Lang::Zh, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].file == "cases/b/CC-0002.yaml");
}
